"""The werkoverleg kit of a module, and "besproken in werkoverleg".

The Rekenkamer found that teams talk about ondermijning only ad hoc. A module's kit
(:attr:`~modules.learning.models.ModulePage.team_kit`: text, two or three dilemmas and open
questions) gives a leidinggevende something to project or print in a team meeting; afterwards
they record that the department discussed it on a date (a
:class:`~modules.learning.models.TeamDiscussion`), which the department dashboard shows.

Who may use a kit is decided here, once: the module's own gate first (the page must be open to
the person), then the role: the kernteam and superusers (any department), or a leidinggevende
who manages at least one active department (only those departments). Staff and raadsleden do
not see kits: a kit is a manager's tool, and its dilemmas show every explanation at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.rich_text import RichText

from accounts.audit import audit_record
from accounts.models import AuditAction, Department, User
from accounts.roles import Role
from core.dates import add_months
from modules.learning.models import ModulePage, TeamDiscussion
from modules.learning.selectors import pages_open_to

# "The last twelve months" of the dashboard: discussions on or after this many months ago.
RECENT_MONTHS = 12


# --- who may use a kit ------------------------------------------------------------------------


def sees_every_department(user: User) -> bool:
    """The kernteam and superusers record for any department."""
    return user.is_superuser or user.has_role(Role.KERNTEAM)


def team_kit_departments(*, user: User) -> QuerySet[Department]:
    """The departments ``user`` may record a discussion for: every active one for the kernteam
    and superusers, the active departments a leidinggevende manages, none for anybody else.
    By name; not evaluated (the caller decides how many queries)."""
    if not (user.is_authenticated and user.is_active):
        return Department.objects.none()
    active = Department.objects.filter(is_active=True).order_by("name")
    if sees_every_department(user):
        return active
    if user.has_role(Role.LEIDINGGEVENDE):
        return active.filter(managers=user)
    return Department.objects.none()


def may_use_team_kits(*, user: User) -> bool:
    """Whether ``user`` is one of the people kits are for (one query at most)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if sees_every_department(user):
        return True
    return team_kit_departments(user=user).exists()


def team_kit_open_to(*, user: User, module: ModulePage) -> bool:
    """Whether ``user`` may open the module's kit: the module has one, its gate lets the user
    in, and the user is a manager or of the kernteam."""
    # The role first: for staff it costs at most the (cached) roles query, not the gate's.
    return bool(module.team_kit) and may_use_team_kits(user=user) and module.is_open_to(user)


def module_first_day(*, module: ModulePage) -> date | None:
    """The first day the module existed for learners (its first publication), or None for a
    module never published; no discussion of it can be older."""
    if module.first_published_at is None:
        return None
    return timezone.localdate(module.first_published_at)


# --- writes -----------------------------------------------------------------------------------


@transaction.atomic
def module_set_team_kit(*, module: ModulePage, team_kit: list) -> ModulePage:
    """Give the module a werkoverleg kit and publish that as a new revision (the demo, content
    made in code). ``team_kit`` is a list of ``(block type, value)`` pairs of
    :class:`~modules.blocks.TeamKitBlock`; text blocks hold HTML."""
    module.team_kit = [
        (kind, RichText(value) if kind == "text" else value) for kind, value in team_kit
    ]
    module.save_revision().publish()
    return module


class TeamDiscussionRefused(Exception):
    """Why a discussion was not recorded, in Dutch, with the form field it is about."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def team_discussion_validate(
    *, user: User, module: ModulePage, department: Department, discussed_on: date, today: date
) -> None:
    """Raise :class:`TeamDiscussionRefused` when ``user`` may not record this discussion: a
    department outside theirs, a date in the future or before the module existed, or a
    discussion already recorded for that day."""
    if not team_kit_departments(user=user).filter(pk=department.pk).exists():
        raise TeamDiscussionRefused(
            "department", _("You can only record a team meeting for your own departments.")
        )
    if discussed_on > today:
        raise TeamDiscussionRefused(
            "discussed_on", _("The date is in the future. Record a team meeting after it.")
        )
    first_day = module_first_day(module=module)
    if first_day is not None and discussed_on < first_day:
        raise TeamDiscussionRefused(
            "discussed_on",
            _("The module did not exist yet on that date. Choose %(day)s or later.")
            % {"day": first_day.strftime("%d-%m-%Y")},
        )
    if TeamDiscussion.objects.filter(
        module=module, department=department, discussed_on=discussed_on
    ).exists():
        raise TeamDiscussionRefused(
            "discussed_on", _("This team meeting is already recorded for this department.")
        )


def team_discussion_record(
    *,
    user: User,
    module: ModulePage,
    department: Department,
    discussed_on: date,
    today: date,
    request: HttpRequest | None = None,
) -> TeamDiscussion:
    """Record that ``department`` discussed the module's kit on ``discussed_on``, with an audit
    entry (the module, department and date; nothing about people). All or nothing: a refusal
    (:class:`TeamDiscussionRefused`) or a second request for the same day saves nothing.

    The caller checks that the kit is open to ``user`` (:func:`team_kit_open_to`).
    """
    team_discussion_validate(
        user=user, module=module, department=department, discussed_on=discussed_on, today=today
    )
    try:
        with transaction.atomic():
            discussion = TeamDiscussion.objects.create(
                module=module, department=department, discussed_on=discussed_on, recorded_by=user
            )
            audit_record(
                action=AuditAction.TEAM_DISCUSSION_RECORDED,
                actor=user,
                target=None,
                details={
                    "module": module.title,
                    "department": department.name,
                    "discussed_on": discussed_on.isoformat(),
                },
                request=request,
            )
    except IntegrityError as error:  # the same discussion recorded a moment ago
        raise TeamDiscussionRefused(
            "discussed_on", _("This team meeting is already recorded for this department.")
        ) from error
    return discussion


# --- reads ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DiscussionSummary:
    """How often one department discussed one module's kit: the last date, and how many times
    in the last twelve months."""

    last: date | None = None
    recent: int = 0


def recent_since(*, today: date) -> date:
    """The first day of "the last twelve months"."""
    return add_months(today, -RECENT_MONTHS) + timedelta(days=1)


def discussion_summaries(
    *, today: date, department_ids=None, module_ids=None
) -> dict[tuple[int, int], DiscussionSummary]:
    """(module id, department id) → :class:`DiscussionSummary`, for the departments and
    modules given (None: all). One query, whatever the number of rows."""
    rows = TeamDiscussion.objects.all()
    if department_ids is not None:
        rows = rows.filter(department_id__in=department_ids)
    if module_ids is not None:
        rows = rows.filter(module_id__in=module_ids)
    since = recent_since(today=today)
    rows = (
        rows.values("module_id", "department_id")
        .annotate(last=Max("discussed_on"), recent=Count("pk", filter=Q(discussed_on__gte=since)))
        .order_by()
    )
    return {
        (row["module_id"], row["department_id"]): DiscussionSummary(
            last=row["last"], recent=row["recent"]
        )
        for row in rows
    }


@dataclass(frozen=True)
class DepartmentDiscussions:
    department: Department
    summary: DiscussionSummary


def module_discussions(
    *, user: User, module: ModulePage, today: date
) -> list[DepartmentDiscussions]:
    """Per department ``user`` may record for, when it last discussed this module's kit (for
    the kit page). Two queries."""
    departments = list(team_kit_departments(user=user))
    summaries = discussion_summaries(
        today=today, department_ids=[d.pk for d in departments], module_ids=[module.pk]
    )
    return [
        DepartmentDiscussions(
            department=department,
            summary=summaries.get((module.pk, department.pk), DiscussionSummary()),
        )
        for department in departments
    ]


def kits_open_to(*, user: User) -> list[ModulePage]:
    """The live modules with a kit that ``user`` may open, in tree order (for the manager's
    part of "Mijn leeromgeving"). A fixed number of queries: the role check, the modules, and
    the gate for all of them at once (:func:`~modules.learning.selectors.pages_open_to`)."""
    if not may_use_team_kits(user=user):
        return []
    with_kit = [
        module.pk
        for module in ModulePage.objects.live().order_by("path").only("pk", "team_kit")
        if module.team_kit
    ]
    return [page for page in pages_open_to(user=user, page_ids=with_kit)]
