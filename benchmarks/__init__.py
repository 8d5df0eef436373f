"""Benchmarks: scripts that time reads at the municipality's scale (see README.md here)."""
