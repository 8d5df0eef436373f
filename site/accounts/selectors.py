"""Reads about people and audiences, each in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import Audience, User
from accounts.roles import Role
from core.stamped import stamped_read


def audience_members(*, audience: Audience) -> QuerySet[User]:
    """Active users in the audience (see :class:`accounts.models.Audience` for the rule)."""
    role_through = Audience.roles.through
    dept_through = Audience.departments.through
    users = User.objects.active()
    has_roles = role_through.objects.filter(audience=audience)
    has_departments = dept_through.objects.filter(audience=audience)
    users = users.filter(
        Q(~Exists(has_roles))
        | Q(groups__in=role_through.objects.filter(audience=audience).values("group_id"))
    )
    users = users.filter(
        Q(~Exists(has_departments))
        | Q(department__in=dept_through.objects.filter(audience=audience).values("department_id"))
    )
    return users.distinct()


def audiences_for_user(*, user: User) -> QuerySet[Audience]:
    """Every audience the user belongs to, in one query."""
    if not user.is_authenticated or not user.is_active:
        return Audience.objects.none()
    role_through = Audience.roles.through
    dept_through = Audience.departments.through
    user_groups = User.groups.through.objects.filter(user_id=user.pk).values("group_id")
    return Audience.objects.annotate(
        has_roles=Exists(role_through.objects.filter(audience=OuterRef("pk"))),
        role_match=Exists(
            role_through.objects.filter(audience=OuterRef("pk"), group_id__in=user_groups)
        ),
        has_departments=Exists(dept_through.objects.filter(audience=OuterRef("pk"))),
        department_match=Exists(
            dept_through.objects.filter(audience=OuterRef("pk"), department_id=user.department_id)
        ),
    ).filter(
        Q(has_roles=False) | Q(role_match=True),
        Q(has_departments=False) | Q(department_match=True),
    )


def audience_ids_of(*, user: User) -> frozenset[int]:
    """The ids of :func:`audiences_for_user`, cached under the person's and the site's version
    stamps (``core.stamped``: their roles, department or an audience changing moves one)."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    return stamped_read(
        "audiences",
        lambda: frozenset(audiences_for_user(user=user).values_list("pk", flat=True)),
        user_id=user.pk,
        identity=True,
    )


def visible_to(*, user: User, field: str = "audience") -> Q:
    """THE audience rule as a filter: rows with no audience (everybody logged in) or one of the
    user's audiences in ``field``. Every "what may this person see" query uses this one helper,
    so the rule is written once; an anonymous or inactive user matches nothing."""
    if not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    return Q(**{f"{field}__isnull": True}) | Q(
        **{f"{field}__in": audiences_for_user(user=user).values("pk")}
    )


def audience_includes(audience: Audience | None, *, group_ids: set[int], department_id) -> bool:
    """The rule of :class:`accounts.models.Audience` on rows loaded in bulk (the audience with
    its roles and departments prefetched), for reports and emails to many people at once."""
    if audience is None:
        return True
    role_ids = {group.pk for group in audience.roles.all()}
    department_ids = {department.pk for department in audience.departments.all()}
    return (not role_ids or bool(role_ids & group_ids)) and (
        not department_ids or department_id in department_ids
    )


def group_ids_by_user(*, user_ids) -> dict[int, set[int]]:
    """Each user's group (role) ids, in one query."""
    groups: dict[int, set[int]] = {user_id: set() for user_id in user_ids}
    rows = User.groups.through.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "group_id"
    )
    for user_id, group_id in rows:
        groups.setdefault(user_id, set()).add(group_id)
    return groups


def user_in_audience(*, user: User, audience: Audience) -> bool:
    return audiences_for_user(user=user).filter(pk=audience.pk).exists()


@dataclass(frozen=True)
class ReportScope:
    """Whose learning results a user may see in reports: everybody's, or some departments'.

    Raadsleden are never in scope for anybody: their results only appear in aggregates of the
    raadsleden group (see the reports), so no scope can name them.
    """

    everybody: bool
    department_ids: frozenset[int]

    @property
    def is_empty(self) -> bool:
        return not self.everybody and not self.department_ids

    def covers(self, *, department_id: int | None) -> bool:
        return self.everybody or (
            department_id is not None and department_id in self.department_ids
        )


def report_scope(*, user: User) -> ReportScope:
    """Kernteam, beheer/HR and superusers see all staff; a leidinggevende their departments."""
    if not (user.is_authenticated and user.is_active):
        return ReportScope(everybody=False, department_ids=frozenset())
    if user.is_superuser or user.roles & {Role.KERNTEAM, Role.BEHEER}:
        return ReportScope(everybody=True, department_ids=frozenset())
    if user.has_role(Role.LEIDINGGEVENDE):
        ids = frozenset(user.managed_departments.values_list("pk", flat=True))
        return ReportScope(everybody=False, department_ids=ids)
    return ReportScope(everybody=False, department_ids=frozenset())


def user_email_is_verified(*, user: User) -> bool:
    """Whether the address HR gave ``user`` has been confirmed through allauth's email link."""
    return EmailAddress.objects.filter(user=user, email=user.email, verified=True).exists()
