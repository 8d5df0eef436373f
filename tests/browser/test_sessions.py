"""A medewerker registers for a session from the overview, finds it in Mijn leeromgeving and
cancels it there, by keyboard."""

from __future__ import annotations

import re

import pytest

from modules.awareness.models import Registration
from tests.browser.helpers import log_in_with_password, serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def press(page, locator) -> None:
    locator.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_register_see_it_in_my_learning_and_cancel(page, demo_site):
    log_in_with_password(page, demo_site.url, "medewerker")
    page.wait_for_url("**/mijn-leeromgeving/")
    press(
        page, page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Sessies")
    )
    assert serious_violations(page) == []

    upcoming = page.locator("#upcoming-title + ul")
    title = "Vergunningen, Bibob en integriteit"
    press(page, upcoming.get_by_role("link", name=title))
    assert serious_violations(page) == []
    press(page, page.get_by_role("button", name="Aanmelden"))
    assert "Je bent aangemeld" in page.locator(".messages").inner_text()
    assert Registration.objects.get(user__email="medewerker@weerbaar.test").status == "registered"

    press(page, page.get_by_role("link", name="Mijn leeromgeving"))
    sessions = page.locator("#sessions-title").locator("..")
    assert title in sessions.inner_text()
    assert serious_violations(page) == []
    press(page, sessions.get_by_role("button", name=re.compile(f"Afmelden.*{title}")))
    assert "Je bent afgemeld" in page.locator(".messages").inner_text()
    assert title not in page.locator("#sessions-title").locator("..").inner_text()
    assert Registration.objects.get(user__email="medewerker@weerbaar.test").status == "cancelled"
