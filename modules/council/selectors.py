"""Reads for the council's self-study, each in a fixed number of queries.

The griffie's figures (:func:`council_participation`) are aggregates over the whole council:
a count of one to four people is never shown (``WEERBAAR_MIN_GROUP_SIZE``), and when the council
itself has fewer members than that, nothing is shown at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from accounts.models import User
from accounts.roles import ROLE_GROUP_NAMES, Role
from accounts.selectors import audiences_for_user
from modules.council.models import CouncilRecommendation, Reflection, ReflectionPage
from modules.models import Enrolment, EnrolmentStatus, ModulePage


def reflections_open_to(*, user: User) -> QuerySet[ReflectionPage]:
    """Live reflection pages for the user's audiences (no audience: everybody logged in)."""
    audiences = audiences_for_user(user=user).values("pk")
    return (
        ReflectionPage.objects.live()
        .filter(Q(audience__isnull=True) | Q(audience__in=audiences))
        .order_by("path")
    )


def reflection_is_open_to(*, user: User, page: ReflectionPage) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return reflections_open_to(user=user).filter(pk=page.pk).exists()


def own_reflection(*, user: User, page: ReflectionPage) -> Reflection | None:
    """The visitor's own answers; there is deliberately no way to ask for someone else's."""
    return Reflection.objects.filter(user=user, page=page).first()


def recommendations() -> dict[int, CouncilRecommendation]:
    """Recommended modules by module id (one query)."""
    return {rec.module_id: rec for rec in CouncilRecommendation.objects.all()}


def council_members() -> QuerySet[User]:
    return User.objects.active().filter(groups__name=ROLE_GROUP_NAMES[Role.RAADSLID]).distinct()


def _small(count: int) -> bool:
    return 0 < count < settings.WEERBAAR_MIN_GROUP_SIZE


def _shown(count: int, *, within: tuple[int, ...]) -> int | None:
    """``count`` people, or None ("fewer than five") when the count itself is one to four, or
    when subtracting it from a total that is also shown (``within``: the council's size, the
    number who started) leaves one to four: otherwise the difference points at a few people.
    """
    if _small(count) or any(_small(total - count) for total in within):
        return None
    return count


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
        if self.completed is None or not self.members:
            return None
        return round(100 * self.completed / self.members)


@dataclass(frozen=True)
class CouncilParticipation:
    members: int
    shown: bool
    modules: list[CouncilModuleFigures]
    reflected: int | None


def council_participation() -> CouncilParticipation:
    """Per module meant for the council (its audience includes raadsleden, or the griffie
    recommends it): how many members started and completed it. Five queries.

    Small groups are hidden both ways (see :func:`_shown`). Comparing two reports taken at
    different times can still show a change of one; the figures are meant for participation
    as a whole, not for following people.

    People count as council members by their role today; staff figures never include them
    (see :mod:`modules.reports`), so nobody is counted in both.
    """
    members = council_members()
    member_count = members.count()
    if member_count < settings.WEERBAAR_MIN_GROUP_SIZE:
        return CouncilParticipation(members=member_count, shown=False, modules=[], reflected=None)
    recommended = recommendations()
    council_group = ROLE_GROUP_NAMES[Role.RAADSLID]
    modules = list(
        ModulePage.objects.live()
        .filter(Q(audience__roles__name=council_group) | Q(pk__in=list(recommended)))
        .distinct()
        .order_by("path")
    )
    member_ids = members.values("pk")
    figures = {
        row["module_id"]: row
        for row in Enrolment.objects.filter(module__in=modules, user__in=member_ids)
        .values("module_id")
        .annotate(
            started=Count("user", distinct=True),
            completed=Count("user", distinct=True, filter=Q(status=EnrolmentStatus.COMPLETED)),
        )
    }
    reflected = Reflection.objects.filter(user__in=member_ids).values("user").distinct().count()
    return CouncilParticipation(
        members=member_count,
        shown=True,
        modules=[
            _module_figures(
                module=module,
                recommended=module.pk in recommended,
                members=member_count,
                row=figures.get(module.pk, {}),
            )
            for module in modules
        ],
        reflected=_shown(reflected, within=(member_count,)),
    )


def _module_figures(
    *, module: ModulePage, recommended: bool, members: int, row: dict
) -> CouncilModuleFigures:
    started, completed = row.get("started", 0), row.get("completed", 0)
    shown_started = _shown(started, within=(members,))
    # Completed is compared with the members and, when that figure is shown, the starters.
    within = (members, started) if shown_started is not None else (members,)
    return CouncilModuleFigures(
        module=module.title,
        recommended=recommended,
        members=members,
        started=shown_started,
        completed=_shown(completed, within=within),
    )
