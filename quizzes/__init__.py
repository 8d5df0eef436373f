"""The quiz engine: question bank, attempts, server-side scoring and item analysis (issue #4)."""
