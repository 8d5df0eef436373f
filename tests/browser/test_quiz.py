"""The onboarding module's final quiz in a real browser: fail once and see only the themes to
reread (no right answers), wait, then pass and see the full review."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from accounts.models import User
from demo.loader import demo_email
from modules.learning.models import ModulePage
from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from quizzes.models import Attempt
from tests.browser.helpers import log_in_with_password, serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def answer_all(page, attempt: Attempt, *, correct: bool) -> None:
    """Tick the right (or a wrong) answer of every question, by keyboard."""
    for item in attempt.items.order_by("position"):
        keys = [o["key"] for o in item.options if o["correct"] is correct]
        for key in keys if correct else keys[:1]:
            page.locator(f"#q{item.position}-{key}").focus()
            page.keyboard.press("Space")


def hand_in(page) -> None:
    page.get_by_role("button", name="Toets inleveren").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_fail_the_quiz_read_the_feedback_then_pass(page, demo_site):
    module = ModulePage.objects.get(slug="ondermijning-herkennen-en-melden")
    nieuw = User.objects.get(email=demo_email("nieuw"))
    for lesson in module_lessons(module=module):
        lesson_complete(user=nieuw, lesson=lesson)

    log_in_with_password(page, demo_site.url, "nieuw")
    page.wait_for_url("**/mijn-leeromgeving/")
    page.goto(f"{demo_site.url}{module.url}")
    page.get_by_role("button", name="Begin met de eindtoets").click()
    page.wait_for_url(re.compile(r"/toets/"))

    first = Attempt.objects.get(user=nieuw, status="open")
    answer_all(page, first, correct=False)
    hand_in(page)
    main = page.locator("main").inner_text()
    assert "Je bent deze keer niet geslaagd." in main
    assert "Je score per onderwerp" in main and "Lees deze lessen nog eens:" in main
    # The demo quiz keeps the answers back after a failed attempt while attempts remain.
    assert "Het goede antwoord:" not in main and "Waarom:" not in main
    for item in first.items.all():
        assert item.explanation not in main
    assert page.get_by_role("button", name="Probeer het opnieuw").count() == 0  # waiting time
    assert serious_violations(page) == []

    # The waiting time has passed (moved back in the database rather than slept through).
    Attempt.objects.filter(pk=first.pk).update(submitted_at=first.started_at - timedelta(hours=1))
    page.reload()
    page.get_by_role("button", name="Probeer het opnieuw").click()
    page.wait_for_url(re.compile(r"/toets/"))
    second = Attempt.objects.get(user=nieuw, status="open")
    assert second.number == 2
    answer_all(page, second, correct=True)
    hand_in(page)
    main = page.locator("main").inner_text()
    assert "Je bent geslaagd." in main and "Je hebt de module afgerond." in main
    assert "Waarom:" in main  # after passing: the full review

    page.get_by_role("link", name="Terug naar de module").click()
    # Waits for the module page (a check right after the click may still see the result).
    expect(page.get_by_text("Je hebt deze module afgerond.")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Download het certificaat"))).to_be_visible()
