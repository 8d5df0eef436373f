"""Reads about people and audiences, each in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import Audience, User


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


def user_in_audience(*, user: User, audience: Audience) -> bool:
    return audiences_for_user(user=user).filter(pk=audience.pk).exists()
