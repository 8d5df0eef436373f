"""The yearly attendance requirement as a learning task: pure date rules, no database.

The task has the same statuses as a module (see :class:`modules.learning.rules.TaskStatus`), so
"Mijn leeromgeving" and the reports can show both in one list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from core.dates import add_months
from modules.learning.rules import TaskStatus

TITLE = _("Awareness session (yearly)")


@dataclass(frozen=True)
class RequirementTask:
    """Looks like a module's learning task to templates and reports."""

    title: str
    url: str
    due: date | None
    status: TaskStatus
    last_attended: date | None
    mandatory: bool = True
    enrolment: None = None
    certificate: None = None
    key: str = "bewustwordingssessie"
    is_session: bool = True

    @property
    def progress(self) -> int:
        return 100 if self.status == TaskStatus.COMPLETED else 0

    @property
    def completed_on(self) -> date | None:
        return self.last_attended if self.status == TaskStatus.COMPLETED else None


def requirement_task(
    *,
    start_date: date | None,
    last_attended: date | None,
    registered_upcoming: bool,
    every_months: int,
    new_employees_within_months: int,
    first_due_date: date | None,
    today: date,
    url: str = "",
) -> RequirementTask:
    """Attended within the period: done, due again when it runs out. Otherwise due when the
    last attendance ran out; never attended: M months after the start date or the first due
    date, whichever is later (no date at all: due today). Past due: "te laat". A place in an
    upcoming session counts as "bezig"."""
    if last_attended is not None:
        due = add_months(last_attended, every_months)
        if today < due:
            return RequirementTask(str(TITLE), url, due, TaskStatus.COMPLETED, last_attended)
    else:
        # Never attended: new employees get their M months, current staff the first due date.
        candidates = [first_due_date]
        if start_date is not None:
            candidates.append(add_months(start_date, new_employees_within_months))
        due = max((d for d in candidates if d is not None), default=today)
    if today > due:
        status = TaskStatus.OVERDUE
    elif registered_upcoming:
        status = TaskStatus.IN_PROGRESS
    else:
        status = TaskStatus.NOT_STARTED
    return RequirementTask(str(TITLE), url, due, status, last_attended)
