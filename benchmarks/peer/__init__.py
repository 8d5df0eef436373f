"""Helpers of ``benchmarks/peer_wagtail_lms.py``: one worker per site, run in its own venv."""
