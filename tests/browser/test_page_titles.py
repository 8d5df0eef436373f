"""Every page Wagtail serves names itself in the browser tab (WCAG 2.4.2): "<page> · Weerbaar",
never the bare "· Weerbaar" the tabs read before; and each such page passes axe.

One page of every learner page type, found in the demo content the way a learner would
reach it, checked in a real browser: the title is what a screen reader announces first.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from demo.loader import demo_email
from modules.awareness.models import SessionIndexPage, SessionPage
from modules.council.models import ReflectionPage
from modules.learning.models import LessonPage, ModuleIndexPage, ModulePage
from modules.trends.models import TrendIndexPage, TrendPage
from tests.browser.helpers import log_in_with_password, serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STAFF_TYPES = [ModuleIndexPage, ModulePage, LessonPage, SessionIndexPage, SessionPage]
STAFF_TYPES += [TrendIndexPage, TrendPage]


def _first_open_page(model, user):
    for candidate in model.objects.live().order_by("path"):
        if candidate.is_open_to(user):
            return candidate
    raise AssertionError(f"the demo has no {model.__name__} open to {user}")


def _check_titles(page, base_url: str, pages) -> None:
    for wagtail_page in pages:
        page.goto(f"{base_url}{wagtail_page.url}")
        title = page.title()
        assert title == f"{wagtail_page.title} · Weerbaar", (wagtail_page.url, title)
        assert serious_violations(page) == [], wagtail_page.url


def test_every_staff_page_type_has_its_own_title(page, demo_site):
    user = get_user_model().objects.get(email=demo_email("medewerker"))
    pages = [_first_open_page(model, user) for model in STAFF_TYPES]
    log_in_with_password(page, demo_site.url, "medewerker")
    page.wait_for_url("**/mijn-leeromgeving/")
    _check_titles(page, demo_site.url, pages)


def test_the_council_pages_have_their_own_title(page, demo_site):
    user = get_user_model().objects.get(email=demo_email("raadslid"))
    pages = [_first_open_page(model, user) for model in (ModulePage, ReflectionPage)]
    log_in_with_password(page, demo_site.url, "raadslid")
    page.wait_for_url("**/mijn-leeromgeving/")
    _check_titles(page, demo_site.url, pages)
