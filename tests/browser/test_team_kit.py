"""The werkoverleg kit in a real browser, on the demo: the leidinggevende finds it from
"Mijn leeromgeving" and the module page, the page passes axe on screen, in its error state and
projected, print leaves out the menu, the form and the explanations for the leader, and
recording a team meeting by keyboard shows in the kit page and the department dashboard. A
medewerker gets no kit."""

from __future__ import annotations

import re

import pytest

from modules.learning.models import ModulePage, TeamDiscussion
from tests.browser.helpers import log_in_with_mfa, log_in_with_password, serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ONBOARDING_SLUG = "ondermijning-herkennen-en-melden"


def onboarding() -> ModulePage:
    return ModulePage.objects.get(slug=ONBOARDING_SLUG)


def test_a_manager_uses_the_kit_and_records_a_team_meeting(page, demo_site):
    log_in_with_mfa(page, demo_site.url, "leidinggevende")
    page.goto(f"{demo_site.url}/mijn-leeromgeving/")
    page.get_by_role("heading", name="Werkoverleg-kits").wait_for()
    page.get_by_role("link", name="Werkoverleg-kit: Ondermijning herkennen en melden").click()
    page.wait_for_url("**/werkoverleg/")
    assert page.get_by_role("heading", level=1).inner_text() == "Ondermijning herkennen en melden"
    assert page.locator("section.card--dilemma").count() == 2
    assert serious_violations(page) == []

    # On screen the leader's explanations show, and the page says the printout leaves them out.
    assert page.locator(".team-kit__guide").first.is_visible()
    page.get_by_text(
        "Ook de uitleg voor wie het gesprek leidt, staat niet op de afdruk."
    ).wait_for()

    # Print (for everybody): no header, tools, form or explanations; the dilemmas stay.
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator("#besproken").is_visible()
    assert not page.locator(".team-kit__guide").first.is_visible()
    assert page.locator("section.card--dilemma").first.is_visible()
    page.emulate_media(media="screen")

    # A meeting without a date: a Dutch error beside the field, nothing saved.
    before = TeamDiscussion.objects.count()
    page.select_option("#id_department", label="Vergunningen, Toezicht en Handhaving")
    page.fill("#id_discussed_on", "")
    page.get_by_role("button", name="Vastleggen: besproken in werkoverleg").click()
    page.get_by_role("link", name=re.compile("Vul de datum van het werkoverleg in")).wait_for()
    assert TeamDiscussion.objects.count() == before
    assert serious_violations(page) == []

    # Today (the field's maximum), then Enter on the button.
    page.select_option("#id_department", label="Vergunningen, Toezicht en Handhaving")
    page.fill("#id_discussed_on", page.locator("#id_discussed_on").get_attribute("max"))
    page.focus("form.form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_text("Vastgelegd: Vergunningen, Toezicht en Handhaving").wait_for()
    assert TeamDiscussion.objects.count() == before + 1

    # The department dashboard shows it.
    page.goto(f"{demo_site.url}/admin/rapportages/dashboard/")
    rows = page.locator("#team-discussions tbody tr").all_inner_texts()
    row = next(r for r in rows if "Ondermijning herkennen" in r and "Vergunningen" in r)
    assert "nog niet besproken" not in row
    assert any("nog niet besproken" in r for r in rows)  # the theme kit in Publiekszaken
    assert serious_violations(page) == []


def test_the_projection_is_large_and_has_only_the_kit(page, demo_site):
    log_in_with_mfa(page, demo_site.url, "leidinggevende")
    page.goto(f"{demo_site.url}/module/{onboarding().pk}/werkoverleg/")
    normal = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.get_by_role("link", name="Laten zien op een scherm (grote letters)").click()
    page.wait_for_url("**weergave=presenteren")
    projected = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert projected >= normal * 1.4
    assert not page.locator(".site-header").is_visible()
    assert page.locator("#besproken").count() == 0
    assert page.locator("section.card--dilemma").count() == 2
    assert serious_violations(page) == []


def test_a_medewerker_gets_no_kit(page, demo_site):
    log_in_with_password(page, demo_site.url, "medewerker")
    page.wait_for_url("**/mijn-leeromgeving/")
    assert page.get_by_role("heading", name="Werkoverleg-kits").count() == 0
    response = page.goto(f"{demo_site.url}/module/{onboarding().pk}/werkoverleg/")
    assert response.status == 404
