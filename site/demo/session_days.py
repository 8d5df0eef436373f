"""The day a demo session falls on: ``days`` after the day the demo is loaded, moved to the
Monday after when that is a Saturday or a Sunday (the municipality plans no sessions in the
weekend, and a demo that does looks wrong to the people it is shown to). Moving forward keeps
an upcoming session upcoming; the past ones are weeks ago, so they stay past."""

from __future__ import annotations

from datetime import date, timedelta

SATURDAY = 5


def session_day(*, today: date, days: int) -> date:
    day = today + timedelta(days=days)
    if day.weekday() >= SATURDAY:
        day += timedelta(days=7 - day.weekday())
    return day
