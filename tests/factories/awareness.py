"""Session page factories: a small tree per test under the default site's home page."""

from __future__ import annotations

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Site

from home.services import site_install_home_page
from modules.awareness.models import SessionIndexPage, SessionPage


class SessionIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SessionIndexPage

    title = "Bewustwordingssessies"
    slug = "bewustwordingssessies"


class SessionPageFactory(wagtail_factories.PageFactory):
    """A session next week, two hours long, with 10 places."""

    class Meta:
        model = SessionPage

    title = factory.Sequence(lambda n: f"Sessie {n}")
    slug = factory.Sequence(lambda n: f"sessie-{n}")
    theme = "drugs"
    description = "<p>Wat je ziet en wat je doet.</p>"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    location = "Stadskantoor, zaal 3"
    capacity = 10
    led_by = "RIEC en kernteam"


def session_index() -> SessionIndexPage:
    """The overview page, created under the site's home page when missing."""
    existing = SessionIndexPage.objects.first()
    if existing is not None:
        return existing
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_page if site else site_install_home_page(title="Weerbaar", intro="")
    return SessionIndexPageFactory(parent=root)


def a_session(**kwargs) -> SessionPage:
    return SessionPageFactory(parent=session_index(), **kwargs)
