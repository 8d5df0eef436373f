"""A new employee works through the onboarding module in a real browser, by keyboard."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from demo.loader import demo_email
from quizzes.models import Attempt
from tests.browser.helpers import log_in_with_password, serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def progress_value(page) -> int:
    return int(page.locator("main progress").first.get_attribute("value"))


def test_new_employee_works_through_the_onboarding_module(page, demo_site):
    log_in_with_password(page, demo_site.url, "nieuw")
    page.wait_for_url("**/mijn-leeromgeving/")

    mandatory = page.locator("#assignments-title + p + ul .task").first
    assert "Ondermijning herkennen en melden" in mandatory.inner_text()
    assert "Uiterste datum" in mandatory.inner_text()
    assert serious_violations(page) == []

    mandatory.get_by_role("link", name=re.compile("Beginnen")).click()
    assert serious_violations(page) == []  # the module page
    page.get_by_role("link", name="Begin met de module").click()

    seen = []
    for _ in range(12):
        seen.append(progress_value(page))
        if len(seen) == 1:
            for summary in page.locator("details summary").all()[:1]:
                summary.focus()
                page.keyboard.press("Enter")  # a dilemma choice opens by keyboard
            assert serious_violations(page) == []  # a lesson page, with a choice open
        button = page.get_by_role("button", name=re.compile("^(Afronden en verder|Les afronden)$"))
        last = button.inner_text().strip() == "Les afronden"
        button.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        if last:
            break
    assert seen == sorted(seen) and seen[0] == 0 and seen[-1] > seen[0]
    assert "eindtoets" in page.locator(".messages [role=status]").inner_text()
    assert progress_value(page) < 100  # the final quiz is still to do

    page.get_by_role("button", name="Begin met de eindtoets").click()
    page.wait_for_url("**/toets/*/")
    assert page.locator("fieldset").count() == 15
    assert serious_violations(page) == []

    # Hand in with one question left open: the error summary is announced and links to it.
    attempt = Attempt.objects.get(user__email=demo_email("nieuw"), status="open")
    items = list(attempt.items.order_by("position"))
    for item in items[1:]:
        for option in item.options:
            if option["correct"]:
                page.locator(f"#q{item.position}-{option['key']}").focus()
                page.keyboard.press("Space")
    page.get_by_role("button", name="Toets inleveren").click()
    alert = page.get_by_role("alert")
    assert "Kies een antwoord bij deze vraag" in alert.inner_text()
    assert serious_violations(page) == []
    alert.get_by_role("link").first.click()  # jumps to the question left open
    first = items[0]
    key = next(option["key"] for option in first.options if option["correct"])
    page.locator(f"#q{first.position}-{key}").focus()
    page.keyboard.press("Space")
    submit = page.get_by_role("button", name="Toets inleveren")
    submit.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/uitslag/"))
    assert "Je bent geslaagd." in page.locator("main").inner_text()
    assert "Je hebt de module afgerond." in page.locator("main").inner_text()
    assert serious_violations(page) == []

    page.goto(f"{demo_site.url}/mijn-leeromgeving/")
    task = page.locator(".task").first
    assert "afgerond" in task.inner_text()

    with page.expect_download() as download_info:
        task.get_by_role("link", name=re.compile("Download het certificaat")).click()
    pdf = Path(download_info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Ondermijning herkennen en melden" in text
    code = re.search(r"WB-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", text).group(0)

    page.goto(f"{demo_site.url}/certificaat/{code}/")
    assert "Dit certificaat is geldig." in page.locator("main").inner_text()
    assert serious_violations(page) == []
