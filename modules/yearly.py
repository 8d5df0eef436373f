"""The yearly overview "Weerbaarheid in cijfers" for the council: aggregates only.

It answers the council's wish for information and measurable goals (the audit's
recommendations 1 and 3): how far staff completed the mandatory modules, attended the
sessions, and scored per theme, and what the kernteam published, over the last twelve
months. No figure covers fewer than ``WEERBAAR_MIN_GROUP_SIZE`` people, and nothing names a
person. Rendered as a page in the admin and as a PDF (:mod:`core.pdf`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings

from accounts.selectors import ReportScope
from core.pdf import render_pdf
from modules.awareness.models import SessionPage
from modules.awareness.reports import department_attendance
from modules.dashboard import MonthFigures, month_figures
from modules.reports import person_tasks
from modules.rules import TaskStatus, add_months
from modules.trends.models import TrendPage
from quizzes.analysis import ThemeKnowledge, theme_knowledge

EVERYBODY = ReportScope(everybody=True, department_ids=frozenset())


@dataclass(frozen=True)
class ModuleYear:
    module: str
    people: int
    completed: int

    @property
    def percent_completed(self) -> int:
        return round(100 * self.completed / self.people) if self.people else 0


@dataclass(frozen=True)
class YearOverview:
    year: int
    since: date
    until: date
    staff: int
    attended: int
    sessions_held: int
    modules: list[ModuleYear]
    months: list[MonthFigures]
    themes: list[ThemeKnowledge]
    trends_published: list[str]

    @property
    def percent_attended(self) -> int:
        return round(100 * self.attended / self.staff) if self.staff else 0


def yearly_overview(*, today: date, now: datetime) -> YearOverview:
    since = add_months(today, -12)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in person_tasks(scope=EVERYBODY, today=today):
        if row.task.is_session:
            continue
        counts[row.module]["people"] += 1
        counts[row.module]["completed"] += row.task.status == TaskStatus.COMPLETED
    minimum = settings.WEERBAAR_MIN_GROUP_SIZE
    attendance = department_attendance(scope=EVERYBODY, now=now)
    return YearOverview(
        year=today.year,
        since=since,
        until=today,
        staff=sum(row.staff for row in attendance),
        attended=sum(row.attended for row in attendance),
        sessions_held=SessionPage.objects.live()
        .filter(starts_at__date__gte=since, starts_at__lte=now, is_cancelled=False)
        .count(),
        modules=[
            ModuleYear(module=title, people=c["people"], completed=c["completed"])
            for title, c in sorted(counts.items())
            if c["people"] >= minimum
        ],
        months=month_figures(scope=EVERYBODY, today=today),
        themes=theme_knowledge(department_ids=None, since=since),
        trends_published=list(
            TrendPage.objects.live()
            .filter(first_published_at__date__gte=since)
            .order_by("first_published_at")
            .values_list("title", flat=True)
        ),
    )


def yearly_overview_pdf(*, overview: YearOverview) -> bytes:
    return render_pdf(
        template_name="modules/yearly_overview_pdf.html", context={"overview": overview}
    )
