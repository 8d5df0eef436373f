"""It must show (issue 14, point 4): by keyboard only, a learner chooses in a dilemma of a
lesson and sees the feedback; the choice is stored, and once five or more people chose, the
item analysis shows the spread. axe finds nothing serious before or after choosing."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from accounts.roles import Role
from accounts.services import user_activate_totp
from modules.learning.dilemmas import dilemma_choose, page_dilemmas
from modules.learning.models import DilemmaChoice, LessonPage
from tests.browser.helpers import serious_violations
from tests.conftest import TEST_TOTP_SECRET, totp_now
from tests.factories import DepartmentFactory, LessonPageFactory, UserFactory, module_with_lessons
from tests.factories.accounts import TEST_PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FOCUSED = """() => {
    const el = document.activeElement;
    const label = el.labels && el.labels.length ? el.labels[0].innerText : '';
    return {tag: el.tagName, type: el.type || '', value: el.value || '',
            text: (label || el.innerText || '').trim()};
}"""


def a_lesson_with_a_dilemma() -> LessonPage:
    module = module_with_lessons(lessons=0, title="Module met een dilemma")
    lesson = LessonPageFactory(
        parent=module,
        title="Een cadeau van een aanvrager",
        body=[
            ("text", RichText("<p>Soms krijg je iets aangeboden. Wat doe je dan?</p>")),
            (
                "dilemma",
                {
                    "title": "Kaartjes voor een concert",
                    "situation": "Een aanvrager biedt je na afloop twee kaartjes aan.",
                    "question": "Wat doe je met de kaartjes?",
                    "choices": [
                        {
                            "choice": "Ik weiger ze vriendelijk.",
                            "explanation": "Goed: zo ontstaat geen binding. Vertel het ook.",
                        },
                        {
                            "choice": "Ik neem ze aan.",
                            "explanation": "Liever niet: een cadeau schept een band.",
                        },
                    ],
                },
            ),
        ],
    )
    return LessonPage.objects.get(pk=lesson.pk)


def log_in(page, base_url: str, email: str, *, mfa: bool = False) -> None:
    """Log in by keyboard: type into the fields, press Enter."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", TEST_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    if mfa:
        page.fill("input[name=code]", totp_now(TEST_TOTP_SECRET))
        with page.expect_navigation():
            page.keyboard.press("Enter")


def tab_to(page, wanted, limit: int = 60) -> dict:
    """Press Tab until ``wanted(focused)`` holds; the focused element."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if wanted(focused):
            return focused
    raise AssertionError("not reached by Tab")


def test_a_learner_chooses_by_keyboard_and_the_report_shows_the_spread(browser, live_server):
    department = DepartmentFactory(name="Publiekszaken")
    learner = UserFactory(email="leerling@weerbaar.test", department=department)
    lesson = a_lesson_with_a_dilemma()
    dilemma = page_dilemmas(page=lesson)[0]
    refuse, accept = dilemma.options

    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, live_server.url, learner.email)
    page.goto(f"{live_server.url}{lesson.url}")
    main = page.locator("main")
    assert "Wat doe je met de kaartjes?" in main.inner_text()
    assert "Goed: zo ontstaat geen binding" not in main.inner_text()  # no explanation yet
    assert serious_violations(page) == []

    # Tab to the dilemma's radio group, pick with Space, Tab to the button, Enter.
    radio = tab_to(page, lambda f: f["type"] == "radio")
    assert radio["text"] == "Ik weiger ze vriendelijk."
    page.keyboard.press("Space")
    assert page.locator(f"input[value='{refuse.id}']").is_checked()
    button = tab_to(page, lambda f: f["tag"] == "BUTTON", limit=3)
    assert button["text"] == "Kies dit antwoord"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url.endswith(f"{lesson.url}#dilemma-{dilemma.block_id}")
    text = main.inner_text()
    assert "Jouw keuze: Ik weiger ze vriendelijk." in text
    assert text.index("Goed: zo ontstaat geen binding") < text.index("Liever niet")
    assert page.locator("input[type=radio]").count() == 0
    assert serious_violations(page) == []
    stored = DilemmaChoice.objects.get()
    assert (stored.user_id, stored.choice_id, stored.department_id) == (
        learner.pk,
        refuse.id,
        department.pk,
    )
    context.close()

    # Three more people choose (through the service): four in all, too few to show.
    others = [
        UserFactory(email=f"collega{index}@weerbaar.test", department=department)
        for index in range(4)
    ]
    for other in others[:3]:
        dilemma_choose(user=other, page=lesson, dilemma=dilemma, choice_id=refuse.id)
    kernteam = UserFactory(
        email="kernteam-lid@weerbaar.test", roles=[Role.MEDEWERKER, Role.KERNTEAM]
    )
    user_activate_totp(user=kernteam, secret=TEST_TOTP_SECRET)
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, live_server.url, kernteam.email, mfa=True)
    report_url = f"{live_server.url}{reverse('dilemma_choices_report')}"
    page.goto(report_url)
    assert page.get_by_role("heading", name="Keuzes in dilemma's").count() >= 1
    assert "Kaartjes voor een concert" not in page.locator("main").inner_text()

    # The fifth person: now the spread shows, with the choice nobody made.
    dilemma_choose(user=others[3], page=lesson, dilemma=dilemma, choice_id=refuse.id)
    page.goto(report_url)
    rows = [
        [cell.strip() for cell in row.locator("td").all_inner_texts()]
        for row in page.locator("table").first.locator("tbody tr").all()
    ]
    first_columns = ["Een cadeau van een aanvrager", "Kaartjes voor een concert", "Medewerkers"]
    assert rows == [
        [*first_columns, "5", refuse.text, "5", "100%"],
        [*first_columns, "5", accept.text, "0", "0%"],
    ]
    assert serious_violations(page) == []
    context.close()
