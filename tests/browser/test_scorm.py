"""A learner plays a partner's SCORM package in a lesson, by keyboard, and resumes it.

The package is served from a second origin of the same live server (the site on one host
name, the content on the other), as ``SCORM_CONTENT_ORIGIN`` has it in production.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.utils import timezone

from accounts.models import User
from demo.loader import demo_email
from modules.learning.models import Enrolment, EnrolmentStatus, LessonCompletion, ModuleIndexPage
from modules.learning.services import assignment_create
from modules.scorm.models import ScormAttempt
from tests.browser.helpers import log_in_with_mfa, log_in_with_password, serious_violations
from tests.factories.modules import ModulePageFactory
from tests.scorm.conftest import make_package, scorm_lesson

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TRACK = "/scorm/voortgang/"


def other_host(url: str) -> str:
    parts = urlsplit(url)
    host = "127.0.0.1" if parts.hostname == "localhost" else "localhost"
    return urlunsplit(parts._replace(netloc=f"{host}:{parts.port}"))


def content_frame(page):
    return page.frame_locator("iframe.scorm-player__frame").frame_locator("#scorm-content")


def test_a_learner_plays_a_scorm_package_to_completion_and_resumes(browser, demo_site, settings):
    site = demo_site.url
    settings.SCORM_CONTENT_ORIGIN = other_host(site)
    package = make_package("1.2")
    module = ModulePageFactory(
        parent=ModuleIndexPage.objects.first(), title="E-learning van het RIEC", slug="riec-scorm"
    )
    lesson = scorm_lesson(package, module=module)
    assignment_create(module=module, due_date=timezone.localdate() + timedelta(days=30))
    learner = User.objects.get(email=demo_email("nieuw"))

    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in_with_password(page, site, "nieuw")
    page.wait_for_url("**/mijn-leeromgeving/")
    page.goto(f"{site}{lesson.url}")
    content = content_frame(page)
    next_button = content.get_by_role("button", name="Volgende")
    next_button.wait_for()
    assert serious_violations(page) == []
    next_button.focus()
    with page.expect_response(lambda r: TRACK in r.url and r.request.method == "POST") as saved:
        page.keyboard.press("Enter")
    assert saved.value.ok
    assert content.get_by_role("button", name="Afronden").is_visible()
    attempt = ScormAttempt.objects.get(user=learner, package=package)
    assert (attempt.suspend_data, attempt.completion_status) == ("stap=2", "incomplete")
    assert not LessonCompletion.objects.filter(lesson=lesson).exists()

    # The browser closes halfway; the next visit resumes at step 2.
    state = context.storage_state()
    context.close()
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}, storage_state=state
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{site}{lesson.url}")
    content = content_frame(page)
    content.get_by_text("Verder waar je was.").wait_for()
    finish = content.get_by_role("button", name="Afronden")
    finish.focus()
    with page.expect_response(lambda r: TRACK in r.url and r.request.method == "POST"):
        page.keyboard.press("Enter")
    content.get_by_text("Klaar!").wait_for()
    status = page.get_by_role("status")
    status.filter(has_text="De les staat op afgerond").wait_for()
    attempt.refresh_from_db()
    assert attempt.completion_status == "passed" and attempt.score_raw == 80
    assert LessonCompletion.objects.filter(lesson=lesson, enrolment__user=learner).exists()

    page.goto(f"{site}{module.url}")
    row = page.locator("li", has_text=lesson.title).first
    assert "gedaan" in row.inner_text().lower() or "afgerond" in row.inner_text().lower()
    context.close()

    # The kernteam sees the module completed in the report per person.
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in_with_mfa(page, site, "kernteam")
    page.goto(f"{site}/admin/rapportages/per-persoon/?module=module-{module.pk}&status=completed")
    rows = page.locator("main table tbody tr")
    assert rows.count() == 1
    line = rows.first.inner_text()
    assert learner.get_full_name() in line and module.title in line
    assert "afgerond" in line and "100" in line
    context.close()


def test_a_scorm_2004_package_resumes_and_completes(browser, demo_site, settings):
    """The 2004 runtime (API_1484_11): the same two steps, a reload halfway, completion."""
    site = demo_site.url
    settings.SCORM_CONTENT_ORIGIN = other_host(site)
    package = make_package("2004", launch="content/index.html")
    module = ModulePageFactory(
        parent=ModuleIndexPage.objects.first(), title="Melden (SCORM 2004)", slug="scorm-2004"
    )
    lesson = scorm_lesson(package, module=module)
    learner = User.objects.get(email=demo_email("nieuw"))
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in_with_password(page, site, "nieuw")
    page.wait_for_url("**/mijn-leeromgeving/")
    page.goto(f"{site}{lesson.url}")
    content = content_frame(page)
    next_button = content.get_by_role("button", name="Volgende")
    next_button.focus()
    with page.expect_response(lambda r: TRACK in r.url and r.request.method == "POST"):
        page.keyboard.press("Enter")
    page.reload()
    content = content_frame(page)
    content.get_by_text("Verder waar je was.").wait_for()
    content.get_by_role("button", name="Afronden").focus()
    with page.expect_response(lambda r: TRACK in r.url and r.request.method == "POST"):
        page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text="De les staat op afgerond").wait_for()
    attempt = ScormAttempt.objects.get(user=learner, package=package)
    assert (attempt.completion_status, attempt.success_status) == ("completed", "passed")
    assert attempt.score_scaled == Decimal("0.8")
    assert LessonCompletion.objects.filter(lesson=lesson, enrolment__user=learner).exists()
    context.close()


def test_a_packages_quiz_completes_the_module_as_its_final_quiz(browser, demo_site, settings):
    """The kernteam chose the package's quiz as the module's final quiz (pass mark 80): the
    package reports 0.8 scaled on "Afronden", the server judges it a pass and the module is
    completed, marked as passed in a partner's e-learning."""
    site = demo_site.url
    settings.SCORM_CONTENT_ORIGIN = other_host(site)
    package = make_package("2004", launch="content/index.html")
    module = ModulePageFactory(
        parent=ModuleIndexPage.objects.first(), title="Toets van de partner", slug="scorm-toets"
    )
    lesson = scorm_lesson(package, module=module)
    module.final_quiz_scorm_lesson = lesson
    module.final_quiz_scorm_mastery = 80
    module.save_revision().publish()
    learner = User.objects.get(email=demo_email("nieuw"))
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in_with_password(page, site, "nieuw")
    page.wait_for_url("**/mijn-leeromgeving/")
    for other in module.get_children().live().exclude(pk=lesson.pk).specific():
        page.goto(f"{site}{other.url}")
        page.get_by_role("button", name="Afronden").first.click()
    page.goto(f"{site}{lesson.url}")
    content = content_frame(page)
    content.get_by_role("button", name="Volgende").focus()
    with page.expect_response(lambda r: TRACK in r.url and r.request.method == "POST"):
        page.keyboard.press("Enter")
    content.get_by_role("button", name="Afronden").focus()
    with page.expect_response(lambda r: TRACK in r.url and r.request.method == "POST") as done:
        page.keyboard.press("Enter")
    assert done.value.json()["final_quiz"] == "passed"
    page.goto(f"{site}{module.url}")
    page.get_by_text("Geslaagd (e-learning van partner)").wait_for()
    assert serious_violations(page) == []
    enrolment = Enrolment.objects.get(user=learner, module=module)
    assert enrolment.status == EnrolmentStatus.COMPLETED
    context.close()
