"""A council member studies privately in a real browser, by keyboard: a module, the
self-reflection, and downloading everything Weerbaar holds about them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.browser.helpers import log_in_with_password, serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NOTE = "Ik bespreek uitnodigingen voortaan met de griffier."


def press(page, locator, key: str = "Enter", navigates: bool = True) -> None:
    locator.focus()
    if navigates:
        with page.expect_navigation():
            page.keyboard.press(key)
    else:
        page.keyboard.press(key)


def test_council_member_completes_a_module_and_the_reflection_and_downloads_their_data(
    page, demo_site
):
    log_in_with_password(page, demo_site.url, "raadslid")
    page.wait_for_url("**/mijn-leeromgeving/")
    header = page.locator("header").inner_text()
    assert "Ria de Graaf" in header and "href" not in header
    optional = page.locator("#optional-title ~ ul .task")
    assert "Aanbevolen door de griffie" in optional.first.inner_text()
    assert "Ondermijning herkennen en melden" not in page.locator("main").inner_text()
    assert serious_violations(page) == []

    module = optional.filter(has_text="Wat de gemeente doet en wat de raad kan vragen")
    press(page, module.get_by_role("link", name=re.compile("^Beginnen")))
    assert serious_violations(page) == []
    press(page, page.get_by_role("link", name="Begin met de module"))
    for _ in range(6):
        button = page.get_by_role("button", name=re.compile("^(Afronden en verder|Les afronden)$"))
        last = button.inner_text().strip() == "Les afronden"
        press(page, button)
        if last:
            break
    assert "je hebt deze module afgerond" in page.locator("main").inner_text()

    page.goto(f"{demo_site.url}/mijn-leeromgeving/")
    reflection_link = page.get_by_role("link", name="Hoe weerbaar ben ik?")
    press(page, reflection_link)
    assert "Alleen jij ziet je antwoorden" in page.locator("main").inner_text()
    assert serious_violations(page) == []
    statements = page.locator("form.quiz fieldset")
    assert statements.count() >= 8
    for number in range(statements.count()):
        radio = statements.nth(number).get_by_role("radio", name="Klopt deels")
        press(page, radio, key="Space", navigates=False)
        assert radio.is_checked()
    page.locator("#notities").focus()
    page.keyboard.type(NOTE)
    press(page, page.get_by_role("button", name="Bewaar mijn antwoorden"))
    assert "Alleen jij kunt ze zien" in page.locator(".messages").inner_text()
    assert page.locator("#tips li").count() == statements.count()
    assert serious_violations(page) == []

    page.goto(f"{demo_site.url}/mijn-gegevens/")
    assert serious_violations(page) == []
    with page.expect_download() as download_info:
        press(page, page.get_by_role("link", name="Download mijn gegevens"), navigates=False)
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["rollen"] == ["Raadslid"]
    module_data = next(
        m for m in data["leermodules"] if m["module"].startswith("Wat de gemeente doet")
    )
    assert module_data["status"] == "afgerond" and module_data["voortgang_procent"] == 100
    (reflection,) = data["zelfreflecties"]
    assert reflection["notities"] == NOTE
    assert {answer["antwoord"] for answer in reflection["antwoorden"]} == {"Klopt deels"}

    press(page, page.get_by_role("link", name="Verwijder mijn gegevens van zelfstudie"))
    assert serious_violations(page) == []
    press(page, page.get_by_role("button", name="Verwijder mijn gegevens"))
    assert page.get_by_role("alert").is_visible()  # not confirmed: nothing deleted
    assert serious_violations(page) == []
    press(page, page.get_by_label(re.compile("Ik begrijp")), key="Space", navigates=False)
    press(page, page.get_by_role("button", name="Verwijder mijn gegevens"))
    assert "zijn verwijderd" in page.locator(".messages").inner_text()
