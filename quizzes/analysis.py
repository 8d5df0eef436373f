"""Item analysis: how questions and themes perform, in aggregates only.

Figures come from submitted attempts. Staff figures never include raadsleden; raadsleden's
answers only count in figures for the raadsleden group as a whole. A group (a department, or
the raadsleden in a month) with fewer than ``WEERBAAR_MIN_GROUP_SIZE`` people is not shown, so
no figure can be traced back to one person. Question figures are per version (an edit of a
question already answered makes a new one). Each function runs a fixed number of aggregate
queries, whatever the number of attempts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Avg, Count, Max, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import ROLE_GROUP_NAMES, Role
from core.dates import add_months
from quizzes.models import AttemptChoice, AttemptItem, AttemptStatus, Question, Theme

STAFF = _("Staff")
COUNCIL = _("Council members (as a group)")
NO_DEPARTMENT = _("(no department)")


def min_group_size() -> int:
    return settings.WEERBAAR_MIN_GROUP_SIZE


def _council_filter() -> Q:
    """Raadsleden: a raadslid when they took the quiz, or now (someone may become one later)."""
    council_members = User.objects.filter(groups__name=ROLE_GROUP_NAMES[Role.RAADSLID])
    return Q(attempt__is_council_member=True) | Q(attempt__user__in=council_members)


def _submitted_items(*, council: bool):
    items = AttemptItem.objects.filter(
        attempt__status=AttemptStatus.SUBMITTED, question__isnull=False
    )
    return items.filter(_council_filter()) if council else items.exclude(_council_filter())


@dataclass(frozen=True)
class QuestionFigures:
    question_id: int
    version: int
    question: str
    theme: str
    kind: str
    answers: int
    correct: int
    average_score: float
    most_chosen_wrong: str
    most_chosen_wrong_count: int

    @property
    def percent_correct(self) -> int:
        return round(100 * self.correct / self.answers) if self.answers else 0

    @property
    def average_percent(self) -> int:
        return round(100 * self.average_score)


def question_figures() -> list[QuestionFigures]:
    """Per question and version (staff only, and only once enough people answered that
    version): answers, share correct, the wrong answer chosen most. Three queries.

    Versions are kept apart: after an edit the question asks something else, so mixing its
    versions would hide what the edit did. The text shown is the one that version asked.
    """
    totals = (
        _submitted_items(council=False)
        .values("question_id", "question_version")
        .annotate(
            people=Count("attempt__user", distinct=True),
            answers=Count("pk"),
            correct=Count("pk", filter=Q(score=1)),
            avg=Avg("score"),
            asked=Max("text"),
        )
        .filter(people__gte=min_group_size())
    )
    wrong = (
        AttemptChoice.objects.filter(
            is_correct=False, item__in=_submitted_items(council=False).values("pk")
        )
        .values("question_id", "item__question_version", "option_text")
        .annotate(times=Count("pk"))
        .order_by("question_id", "item__question_version", "-times", "option_text")
    )
    most_wrong: dict[tuple[int, int], tuple[str, int]] = {}
    for row in wrong:
        most_wrong.setdefault(
            (row["question_id"], row["item__question_version"]),
            (row["option_text"], row["times"]),
        )
    rows = {(row["question_id"], row["question_version"]): row for row in totals}
    questions = {
        question.pk: question
        for question in Question.objects.filter(pk__in={pk for pk, _version in rows})
    }
    figures = []
    for (question_id, version), row in rows.items():
        question = questions[question_id]
        wrong_text, wrong_times = most_wrong.get((question_id, version), ("", 0))
        figures.append(
            QuestionFigures(
                question_id=question_id,
                version=version,
                question=row["asked"],
                theme=str(question.get_theme_display()),
                kind=str(question.get_kind_display()),
                answers=row["answers"],
                correct=row["correct"],
                average_score=float(row["avg"] or 0),
                most_chosen_wrong=wrong_text,
                most_chosen_wrong_count=wrong_times,
            )
        )
    return sorted(figures, key=lambda f: (questions[f.question_id].theme, f.question_id, f.version))


@dataclass(frozen=True)
class DepartmentFigures:
    question: str
    version: int
    department: str
    people: int
    answers: int
    correct: int

    @property
    def percent_correct(self) -> int:
        return round(100 * self.correct / self.answers) if self.answers else 0


def department_figures() -> list[DepartmentFigures]:
    """Per question, version and department (staff only). One query.

    Departments with fewer than the minimum number of people are left out, and so is the
    smallest remaining department while the people left out add up to fewer than the minimum:
    otherwise the version's total minus the shown departments would give away a small group.
    """
    all_rows = list(
        _submitted_items(council=False)
        .values("question_id", "question_version", "attempt__department__name")
        .annotate(
            people=Count("attempt__user", distinct=True),
            answers=Count("pk"),
            correct=Count("pk", filter=Q(score=1)),
            asked=Max("text"),
        )
        .order_by("question_id", "question_version", "people", "attempt__department__name")
    )
    rows = []
    by_version: dict[tuple[int, int], list[dict]] = {}
    for row in all_rows:
        by_version.setdefault((row["question_id"], row["question_version"]), []).append(row)
    for version_rows in by_version.values():
        shown = [row for row in version_rows if row["people"] >= min_group_size()]
        hidden = sum(row["people"] for row in version_rows) - sum(r["people"] for r in shown)
        while shown and 0 < hidden < min_group_size():
            smallest = shown.pop(0)  # rows are sorted by people, smallest first
            hidden += smallest["people"]
        rows.extend(shown)
    figures = [
        DepartmentFigures(
            question=row["asked"],
            version=row["question_version"],
            department=row["attempt__department__name"] or str(NO_DEPARTMENT),
            people=row["people"],
            answers=row["answers"],
            correct=row["correct"],
        )
        for row in rows
    ]
    return sorted(figures, key=lambda f: (f.question, f.version, f.department))


@dataclass(frozen=True)
class ThemeMonthFigures:
    theme: str
    month: date
    group: str
    people: int
    answers: int
    average_score: float

    @property
    def average_percent(self) -> int:
        return round(100 * self.average_score)


def theme_trend() -> list[ThemeMonthFigures]:
    """Average score per theme and month, for staff and, separately, for the raadsleden as a
    group. Months where a group has fewer than the minimum number of people are left out.
    Two queries."""
    labels = dict(Theme.choices)
    figures = []
    for council, group in ((False, STAFF), (True, COUNCIL)):
        rows = (
            _submitted_items(council=council)
            .annotate(month=TruncMonth("attempt__submitted_at"))
            .values("theme", "month")
            .annotate(
                people=Count("attempt__user", distinct=True),
                answers=Count("pk"),
                avg=Avg("score"),
            )
            .filter(people__gte=min_group_size())
        )
        for row in rows:
            month = row["month"]
            figures.append(
                ThemeMonthFigures(
                    theme=str(labels.get(row["theme"], row["theme"])),
                    month=month.date() if hasattr(month, "date") else month,
                    group=str(group),
                    people=row["people"],
                    answers=row["answers"],
                    average_score=float(row["avg"] or 0),
                )
            )
    return sorted(figures, key=lambda f: (f.theme, f.month, f.group))


@dataclass(frozen=True)
class ThemeKnowledge:
    theme: str
    people: int
    answers: int
    average_score: float

    @property
    def average_percent(self) -> int:
        return round(100 * self.average_score)


def theme_answers_per_person(*, since: date) -> list[tuple[str, int, int, Decimal]]:
    """Per theme and person (never raadsleden): the answers given since ``since`` and the
    points they scored, counted as :func:`theme_knowledge` counts them. Never shown as they
    are: the council overview turns them into figures with the rules of published figures
    (``modules.reporting.yearly``). One query."""
    rows = (
        _submitted_items(council=False)
        .filter(attempt__submitted_at__date__gte=since)
        .values("theme", "attempt__user_id")
        .annotate(answers=Count("pk"), points=Sum("score"))
        .order_by()
    )
    return [
        (row["theme"], row["attempt__user_id"], row["answers"], row["points"] or Decimal(0))
        for row in rows
    ]


def theme_knowledge(
    *, department_ids: frozenset[int] | None, since: date | None = None
) -> list[ThemeKnowledge]:
    """Average score per theme over the last twelve months, for staff (never raadsleden), all
    of them (``None``) or those who were in the given departments when they took the quiz.
    Themes answered by fewer than the minimum number of people are left out. One query."""

    since = since or add_months(timezone.localdate(), -12)
    items = _submitted_items(council=False).filter(attempt__submitted_at__date__gte=since)
    if department_ids is not None:
        items = items.filter(attempt__department_id__in=department_ids)
    labels = dict(Theme.choices)
    rows = (
        items.values("theme")
        .annotate(
            people=Count("attempt__user", distinct=True), answers=Count("pk"), avg=Avg("score")
        )
        .filter(people__gte=min_group_size())
        .order_by("theme")
    )
    return [
        ThemeKnowledge(
            theme=str(labels.get(row["theme"], row["theme"])),
            people=row["people"],
            answers=row["answers"],
            average_score=float(row["avg"] or 0),
        )
        for row in rows
    ]
