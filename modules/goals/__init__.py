"""Measurable goals: indicators with written, versioned definitions, the kernteam's targets
and the frozen monthly figures (issue 19). See docs/goals.md."""
