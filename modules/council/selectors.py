"""Reads for the council's self-study, each in a fixed number of queries.

The griffie's figures are aggregates over the whole council, published per closed calendar
quarter (:func:`published_council_participation`, from the frozen
:class:`~modules.council.models.CouncilParticipationSnapshot` rows): live figures read on two
days could be compared to follow one member. A count of one to four people is never shown, nor
one whose difference with a total next to it is one to four (:mod:`core.privacy`), and when
the council itself has fewer members than that, nothing is shown at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.roles import ROLE_GROUP_NAMES, Role
from accounts.selectors import visible_to
from core.dates import add_months
from core.privacy import min_group_size, shown_count, shown_percent
from modules.council.models import (
    CouncilParticipationSnapshot,
    CouncilRecommendation,
    Reflection,
    ReflectionPage,
)
from modules.learning.models import Enrolment, ModulePage


def reflections_open_to(*, user: User) -> QuerySet[ReflectionPage]:
    """Live reflection pages for the user's audiences (no audience: everybody logged in).
    Whether one reflection page is open to someone is :meth:`ReflectionPage.is_open_to`."""
    return ReflectionPage.objects.live().filter(visible_to(user=user)).order_by("path")


def own_reflection(*, user: User, page: ReflectionPage) -> Reflection | None:
    """The visitor's own answers; there is deliberately no way to ask for someone else's."""
    return Reflection.objects.filter(user=user, page=page).first()


def recommendations() -> dict[int, CouncilRecommendation]:
    """Recommended modules by module id (one query)."""
    return {rec.module_id: rec for rec in CouncilRecommendation.objects.all()}


def council_members() -> QuerySet[User]:
    return User.objects.active().filter(groups__name=ROLE_GROUP_NAMES[Role.RAADSLID]).distinct()


@dataclass(frozen=True)
class CouncilModuleFigures:
    """Participation of the council in one module, as the griffie sees it."""

    module: str
    recommended: bool
    members: int
    started: int | None
    completed: int | None

    @property
    def percent_completed(self) -> int | None:
        return shown_percent(self.completed, self.members)


@dataclass(frozen=True)
class CouncilParticipation:
    members: int
    shown: bool
    modules: list[CouncilModuleFigures]
    reflected: int | None


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter: ``start`` is its first day, ``end`` its last."""

    start: date

    @classmethod
    def containing(cls, day: date) -> Quarter:
        return cls(start=day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1))

    @property
    def end(self) -> date:
        return self.next_start - timedelta(days=1)

    @property
    def next_start(self) -> date:
        return add_months(self.start, 3)

    @property
    def number(self) -> int:
        return (self.start.month - 1) // 3 + 1

    @property
    def previous(self) -> Quarter:
        return Quarter(start=add_months(self.start, -3))

    def has_ended(self, *, today: date) -> bool:
        return today >= self.next_start

    def ends_at(self) -> datetime:
        """The first moment after the quarter, in the site's time zone."""
        return timezone.make_aware(datetime.combine(self.next_start, time.min))


def closed_quarters(*, today: date, count: int) -> list[Quarter]:
    """The ``count`` most recent quarters that have ended before ``today``, newest first."""
    quarters = [Quarter.containing(today).previous]
    while len(quarters) < count:
        quarters.append(quarters[-1].previous)
    return quarters


def council_counts_at(*, moment: datetime) -> dict:
    """The raw counts behind the griffie's report as they stood at ``moment``, from the
    timestamps (joined, enrolled, completed, first reflection), not from today's state: who
    was a council member, per module meant for the council (its audience includes raadsleden,
    or the griffie recommends it) how many of them had started and completed it, and how many
    had filled in the self-reflection. Five queries. Stored as a quarter's snapshot by
    :func:`modules.council.services.council_participation_snapshot_take`.

    People count as council members by their role today; staff figures never include them
    (see :mod:`modules.reporting.reports`), so nobody is counted in both.
    """
    members = council_members().filter(date_joined__lt=moment)
    member_ids = members.values("pk")
    recommended = recommendations()
    council_group = ROLE_GROUP_NAMES[Role.RAADSLID]
    modules = list(
        ModulePage.objects.live()
        .filter(Q(audience__roles__name=council_group) | Q(pk__in=list(recommended)))
        .distinct()
        .order_by("path")
    )
    figures = {
        row["module_id"]: row
        for row in Enrolment.objects.filter(
            module__in=modules, user__in=member_ids, created_at__lt=moment
        )
        .values("module_id")
        .annotate(
            started=Count("user", distinct=True),
            completed=Count("user", distinct=True, filter=Q(completed_at__lt=moment)),
        )
    }
    return {
        "members": members.count(),
        "modules": [
            {
                "module": module.title,
                "recommended": module.pk in recommended,
                "started": figures.get(module.pk, {}).get("started", 0),
                "completed": figures.get(module.pk, {}).get("completed", 0),
            }
            for module in modules
        ],
        "reflected": Reflection.objects.filter(user__in=member_ids, created_at__lt=moment)
        .values("user")
        .distinct()
        .count(),
    }


def participation_from_counts(
    counts: dict, *, published_before: dict | None = None
) -> CouncilParticipation:
    """The figures the griffie may see: small groups hidden both ways (see
    :func:`core.privacy.shown_count`), nothing at all for a council under five.

    ``published_before`` holds, per figure, the value last shown for an earlier quarter
    (filled in by this call): a figure that moved by one to four since then is hidden too, so
    two quarters side by side cannot single out the few members who acted in between.
    """
    earlier = published_before if published_before is not None else {}
    member_count = counts["members"]
    if member_count < min_group_size():
        return CouncilParticipation(members=member_count, shown=False, modules=[], reflected=None)
    reflected = shown_count(
        counts["reflected"], within=(member_count,), since=earlier.get(("reflected",))
    )
    modules = [
        _module_figures(
            module=row["module"],
            recommended=row["recommended"],
            members=member_count,
            row=row,
            earlier=earlier,
        )
        for row in counts["modules"]
    ]
    if reflected is not None:
        earlier[("reflected",)] = reflected
    for module in modules:
        for name in ("started", "completed"):
            if (value := getattr(module, name)) is not None:
                earlier[(name, module.module)] = value
    return CouncilParticipation(
        members=member_count, shown=True, modules=modules, reflected=reflected
    )


@dataclass(frozen=True)
class PublishedQuarter:
    quarter: Quarter
    figures: CouncilParticipation

    @property
    def start(self) -> date:
        return self.quarter.start


def published_council_participation(*, today: date, count: int = 4) -> list[PublishedQuarter]:
    """The stored figures of the last ``count`` closed quarters, newest first; quarters
    without a snapshot are left out (the report takes them first, see
    :func:`modules.council.services.council_participation_snapshots_take`). The running
    quarter is never among them. One query.

    Every stored quarter is read, oldest first, because whether a figure may be shown depends
    on what the quarters before it showed (see :func:`participation_from_counts`); since a
    snapshot never changes, a quarter reads the same in every later report.
    """
    wanted = {quarter.start for quarter in closed_quarters(today=today, count=count)}
    published_before: dict = {}
    published = []
    for snapshot in CouncilParticipationSnapshot.objects.filter(
        quarter_start__lt=Quarter.containing(today).start
    ).order_by("quarter_start"):
        figures = participation_from_counts(snapshot.figures, published_before=published_before)
        if snapshot.quarter_start in wanted:
            published.append(
                PublishedQuarter(quarter=Quarter(start=snapshot.quarter_start), figures=figures)
            )
    return published[::-1]


def _module_figures(
    *, module: str, recommended: bool, members: int, row: dict, earlier: dict | None = None
) -> CouncilModuleFigures:
    earlier = earlier or {}
    started, completed = row.get("started", 0), row.get("completed", 0)
    shown_started = shown_count(started, within=(members,), since=earlier.get(("started", module)))
    # Completed is compared with the members and, when that figure is shown, the starters.
    within = (members, started) if shown_started is not None else (members,)
    return CouncilModuleFigures(
        module=module,
        recommended=recommended,
        members=members,
        started=shown_started,
        completed=shown_count(completed, within=within, since=earlier.get(("completed", module))),
    )
