"""After a submission with errors the server-rendered page moves focus to its error summary,
with JavaScript off as well as on: the final quiz handed in with unanswered questions, and the
login form (the shared form_fields include) with a wrong password.

axe-core runs in the page's own JavaScript and never finishes with JavaScript off, so it checks
the same server-rendered state in the JavaScript-on run only.
"""

from __future__ import annotations

import re

import pytest

from accounts.models import User
from demo.loader import DEMO_PASSWORD, demo_email
from modules.learning.models import ModulePage
from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from tests.browser.helpers import log_in_with_password, serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FOCUSED = """() => {
    const el = document.activeElement;
    return {cls: el.className, id: el.id, text: el.innerText};
}"""


def no_serious_violations(page, *, javascript: bool) -> None:
    if javascript:
        assert serious_violations(page) == []


@pytest.fixture(params=[False, True], ids=["javascript-off", "javascript-on"])
def page_js(request, browser):
    context = browser.new_context(
        locale="nl-NL",
        viewport={"width": 1280, "height": 900},
        java_script_enabled=request.param,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page, request.param
    context.close()


def test_handing_in_an_unanswered_quiz_focuses_the_error_summary(page_js, demo_site):
    page, javascript = page_js
    module = ModulePage.objects.get(slug="ondermijning-herkennen-en-melden")
    nieuw = User.objects.get(email=demo_email("nieuw"))
    for lesson in module_lessons(module=module):
        lesson_complete(user=nieuw, lesson=lesson)

    log_in_with_password(page, demo_site.url, "nieuw")
    page.wait_for_url("**/mijn-leeromgeving/")
    page.goto(f"{demo_site.url}{module.url}")
    with page.expect_navigation():
        page.get_by_role("button", name="Begin met de eindtoets").click()
    assert re.search(r"/toets/", page.url)

    # Arrive with a fragment, as after a checked answer (#feedback): the form still posts to
    # the attempt's own address, so the browser's autofocus is not skipped.
    page.goto(f"{page.url.split('#')[0]}#vraag-1")
    page.get_by_role("button", name="Toets inleveren").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "#" not in page.url
    focused = page.evaluate(FOCUSED)
    assert focused["id"] == "fouten" and "error-summary" in focused["cls"]
    assert "problemen met je antwoorden" in focused["text"]
    assert page.title().startswith("Fout:")
    # The summary's first link leads to the first unanswered question.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')").startswith("#q")
    no_serious_violations(page, javascript=javascript)


def test_a_wrong_password_focuses_the_login_forms_error_summary(page_js, demo_site):
    page, javascript = page_js
    page.goto(f"{demo_site.url}/accounts/login/")
    page.fill("#id_login", demo_email("medewerker"))
    page.fill("#id_password", DEMO_PASSWORD + "-fout")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    focused = page.evaluate(FOCUSED)
    assert "error-summary" in focused["cls"], focused
    assert "Er klopt iets niet" in focused["text"]
    no_serious_violations(page, javascript=javascript)
