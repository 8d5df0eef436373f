"""Writes for the site's fixed pages and the reporting routes setting."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Page, Site

from accounts.models import Department
from home.models import DepartmentContact, HomePage, ReportingPage, ReportingRoutes


@transaction.atomic
def site_install_home_page(*, title: str, intro: str, body: str = "") -> HomePage:
    """Create the home page and make it the root of the default site.

    Replaces Wagtail's placeholder "Welcome" page that the first migration creates.
    """
    existing = HomePage.objects.first()
    if existing is not None:
        return existing
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title=title, slug="weerbaar", intro=intro, body=body))
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Weerbaar",
        )
    else:
        placeholder = site.root_page
        site.root_page = home
        site.site_name = "Weerbaar"
        site.save()
        if type(placeholder.specific) is Page:  # Wagtail's own placeholder page
            placeholder.delete()
    return home


def reporting_page_create(
    *, home: HomePage, title: str, slug: str, intro: str, after_reporting: str
) -> ReportingPage:
    page = ReportingPage(title=title, slug=slug, intro=intro, after_reporting=after_reporting)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def reporting_routes_update(
    *, contacts: list[tuple[Department, str, str]] | None = None, **fields: str
) -> ReportingRoutes:
    """Set the reporting routes; ``contacts`` replaces the contact person per department."""
    routes = ReportingRoutes.load()
    for name, value in fields.items():
        if not hasattr(routes, name):
            raise ValueError(f"Unknown reporting route field: {name}")
        setattr(routes, name, value)
    routes.save()
    if contacts is not None:
        routes.department_contacts.all().delete()
        DepartmentContact.objects.bulk_create(
            DepartmentContact(
                routes=routes, department=department, name=name, email=email, sort_order=i
            )
            for i, (department, name, email) in enumerate(contacts)
        )
    return routes
