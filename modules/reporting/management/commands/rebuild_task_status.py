"""Rebuild the task-status summary from the source rows (scheduled nightly; safe to run twice).

The writes keep the summary up to date as they happen; this rebuild is the safety net for
anything that wrote around them (a bulk update in a shell, a restored backup) and keeps the
table reproducible from enrolments, assignments, audiences and registrations alone. Runs once
across nodes (the lock of :mod:`core.scheduling`).
"""

from __future__ import annotations

import time

from core.scheduling import ScheduledCommand
from modules.reporting.summary import rebuild_all


class Command(ScheduledCommand):
    help = "Rebuild the per-person task-status summary of the dashboards and reports."

    def handle(self, *args, **options) -> None:
        start = time.perf_counter()
        rows = rebuild_all()
        self.stdout.write(
            f"Task-status summary rebuilt: {rows} rows in {time.perf_counter() - start:.1f} s."
        )
