"""Reads for the home and reporting pages, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.http import HttpRequest
from wagtail.models import GroupPagePermission, PageViewRestriction, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.query import PageQuerySet

from accounts.models import Audience, User
from accounts.roles import ROLE_GROUP_NAMES, Role
from home.models import DepartmentContact, ReportingPage, ReportingRoutes


def reporting_page() -> ReportingPage | None:
    return ReportingPage.objects.live().first()


@dataclass(frozen=True)
class ReportingRoutesView:
    routes: ReportingRoutes
    own_contact: DepartmentContact | None
    contacts: list[DepartmentContact]


def reporting_routes(*, request: HttpRequest) -> ReportingRoutesView:
    """The current routes; department contacts only for logged-in staff (they are internal)."""
    routes = ReportingRoutes.load(request_or_site=request)
    user = request.user
    contacts: list[DepartmentContact] = []
    own_contact = None
    if user.is_authenticated:
        contacts = list(routes.department_contacts.select_related("department"))
        own_contact = next((c for c in contacts if c.department_id == user.department_id), None)
    return ReportingRoutesView(routes=routes, own_contact=own_contact, contacts=contacts)


def pages_visible_in_admin(*, user: User, pages: PageQuerySet) -> PageQuerySet:
    """The part of ``pages`` the page chooser, explorer and admin page API may show ``user``.

    Who has page permissions (the kernteam, on the root) sees what Wagtail lets them explore.
    Who reaches the admin without any (leidinggevende, beheer, griffie) sees only live pages
    outside every audience or view restriction: the titles a colleague sees on the site
    anyway, so a draft or a module for another audience does not leak by its title. The
    griffie also chooses the council's modules (not their lessons) for its recommendations.
    """
    policy = PagePermissionPolicy()
    if user.is_superuser or GroupPagePermission.objects.filter(group__user=user).exists():
        return pages.filter(pk__in=policy.explorable_instances(user).values("pk"))
    may_recommend = user.has_perm("council.add_councilrecommendation") or user.has_perm(
        "council.change_councilrecommendation"
    )
    council_audiences = Audience.objects.filter(roles__name=ROLE_GROUP_NAMES[Role.RAADSLID])
    hidden = Q()
    for model in get_page_models():
        if model._meta.abstract or "audience" not in {f.name for f in model._meta.fields}:
            continue
        restricted = model.objects.filter(audience__isnull=False).values_list("path", "depth")
        recommendable = set()
        if may_recommend:
            recommendable = set(
                model.objects.filter(audience__in=council_audiences).values_list("path", flat=True)
            )
        for path, depth in restricted:
            if path in recommendable:
                hidden |= Q(path__startswith=path, depth__gt=depth)  # its lessons
            else:
                hidden |= Q(path__startswith=path)
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        hidden |= Q(path__startswith=path)
    return pages.filter(live=True).exclude(hidden)
