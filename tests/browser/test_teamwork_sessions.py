"""The casustafel and the council's werkbezoek in a real browser (issue 15): axe-core finds no
serious violations, a contact person registers by keyboard, a raadslid sees their own place
and no counts, and the kernteam's participant list names no raadslid."""

from __future__ import annotations

import pytest

from accounts.models import User
from accounts.roles import Role
from modules.awareness.models import Registration, SessionKind, SessionPage
from tests.browser.helpers import log_in_with_mfa, log_in_with_password, serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CONTACT_PERSON = "contactpersoon.pz"


def press(page, locator) -> None:
    locator.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_contact_person_reads_the_rules_and_registers_for_the_casustafel(page, demo_site):
    casustafel = SessionPage.objects.get(kind=SessionKind.CASUSTAFEL)
    log_in_with_password(page, demo_site.url, CONTACT_PERSON)
    page.wait_for_url("**/mijn-leeromgeving/")
    page.goto(f"{demo_site.url}{casustafel.url}")
    rules = page.get_by_role("note").filter(has_text="Zo werkt de casustafel")
    assert "zonder namen, adressen" in rules.inner_text()
    assert serious_violations(page) == []
    press(page, page.get_by_role("button", name="Aanmelden"))
    assert "Je bent aangemeld" in page.locator(".messages").inner_text()
    assert serious_violations(page) == []
    assert Registration.objects.filter(
        session=casustafel, user__email=f"{CONTACT_PERSON}@weerbaar.test", status="registered"
    ).exists()


def test_an_employee_does_not_get_the_casustafel(page, demo_site):
    casustafel = SessionPage.objects.get(kind=SessionKind.CASUSTAFEL)
    log_in_with_password(page, demo_site.url, "medewerker")
    page.wait_for_url("**/mijn-leeromgeving/")
    response = page.goto(f"{demo_site.url}{casustafel.url}")
    assert response.status == 404


def test_a_raadslid_sees_their_place_without_counts_and_the_kernteam_no_names(page, demo_site):
    werkbezoek = SessionPage.objects.get(kind=SessionKind.WERKBEZOEK)
    log_in_with_password(page, demo_site.url, "raadslid")
    page.wait_for_url("**/mijn-leeromgeving/")
    page.goto(f"{demo_site.url}{werkbezoek.url}")
    text = page.locator("main").inner_text()
    assert "Je bent aangemeld" in text
    assert f"van {werkbezoek.capacity} vrij" not in text
    assert serious_violations(page) == []

    page.context.clear_cookies()
    log_in_with_mfa(page, demo_site.url, "kernteam")
    page.goto(f"{demo_site.url}/admin/bewustwording/{werkbezoek.pk}/aanwezigheid/")
    text = page.locator("main").inner_text()
    registered = User.objects.filter(
        groups__name=Role.RAADSLID.group_name, session_registrations__session=werkbezoek
    )
    assert registered.count() >= 6
    for member in registered:
        assert member.email not in text and member.get_full_name() not in text
    assert "Raadsleden" in text and "Er is nog niemand aangemeld" in text
