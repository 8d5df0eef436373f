"""Reads for the home and reporting pages, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

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
