"""The Wagtail admin and the learner site work under the Content-Security-Policy, in Chromium.

Every CSP violation the browser reports (``securitypolicyviolation`` events in every frame,
and its console messages) is collected while the kernteam edits a lesson and a learner takes
its quiz; there must be none, and each page must carry the policy (finding 8 of issue 12).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from modules.learning.models import LessonPage, ModulePage
from tests.browser.helpers import log_in_with_mfa, log_in_with_password

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
        `at ${event.sourceFile}:${event.lineNumber} on ${document.location.pathname}`
    );
});
"""


class CspWatch:
    """Violations, CSP console messages and document responses without a policy, per page."""

    def __init__(self, page):
        self.violations: list[str] = []
        self.console: list[str] = []
        self.unprotected: list[str] = []
        page.expose_function("reportCspViolation", self._violation)
        page.add_init_script(REPORT_VIOLATIONS)
        page.on("console", self._console)
        page.on("response", self._response)

    def _violation(self, text: str) -> None:
        self.violations.append(text)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def _response(self, response) -> None:
        document = response.request.resource_type == "document" and response.status < 300
        if document and "content-security-policy" not in response.headers:
            self.unprotected.append(response.url)

    def assert_clean(self) -> None:
        assert self.violations == []
        assert self.console == []
        assert self.unprotected == []


def test_the_kernteam_edits_a_lesson_under_the_policy(page, demo_site):
    watch = CspWatch(page)
    base = demo_site.url
    log_in_with_mfa(page, base, "kernteam")
    page.wait_for_url("**/mijn-leeromgeving/")

    page.goto(f"{base}/admin/")
    page.wait_for_load_state("networkidle")
    # The sidebar's page explorer menu reads the admin page API.
    page.locator("[data-wagtail-sidebar] a, [data-wagtail-sidebar] button").filter(
        has_text=re.compile("^Pagina")
    ).first.click()
    page.wait_for_load_state("networkidle")
    page.goto(f"{base}/admin/pages/")
    page.wait_for_load_state("networkidle")

    lesson = LessonPage.objects.live().order_by("path").first()
    page.goto(f"{base}/admin/pages/{lesson.pk}/edit/")
    page.wait_for_load_state("networkidle")
    page.fill("#id_title", f"{lesson.title} (herzien)")

    # The block chooser (closed again), and the page chooser from a rich-text link.
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name=re.compile("^Afbeelding")).first.wait_for()
    page.keyboard.press("Escape")
    modal = page.locator(".modal-dialog")
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.press("End")
    page.keyboard.press("Shift+Home")
    page.locator(".Draftail-ToolbarButton[name=LINK]").first.click()
    modal.wait_for()
    page.wait_for_load_state("networkidle")
    assert "pagina" in modal.inner_text().lower()
    modal.locator("button.close").click()
    modal.wait_for(state="detached")

    # Preview in the side panel (a same-origin iframe).
    page.locator("[data-side-panel-toggle=preview]").click()
    frame = page.frame_locator("iframe.w-preview__iframe").last
    frame.get_by_text("(herzien)").first.wait_for()

    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^Bewaar concept")).click()
    page.wait_for_load_state("networkidle")
    lesson.refresh_from_db()
    assert lesson.get_latest_revision().as_object().title.endswith("(herzien)")
    assert lesson.has_unpublished_changes

    # An image block and its image chooser (left unsaved).
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name=re.compile("^Afbeelding")).first.click()
    page.get_by_role("button", name=re.compile("Kies een afbeelding")).first.click()
    modal.wait_for()
    page.wait_for_load_state("networkidle")
    assert "afbeelding" in modal.inner_text().lower()
    modal.locator("button.close").click()
    modal.wait_for(state="detached")
    page.on("dialog", lambda dialog: dialog.accept())  # "leave with unsaved changes?"

    for url in (
        f"{base}/admin/snippets/quizzes/question/",
        f"{base}/admin/rapportages/per-afdeling/",
    ):
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
    watch.assert_clean()


def test_a_learner_takes_a_lesson_and_the_quiz_under_the_policy(page, demo_site):
    watch = CspWatch(page)
    base = demo_site.url
    log_in_with_password(page, base, "nieuw")
    page.wait_for_url("**/mijn-leeromgeving/")
    page.wait_for_load_state("networkidle")

    module = ModulePage.objects.live().filter(final_quiz__isnull=False).order_by("path").first()
    lessons = LessonPage.objects.live().child_of(module).order_by("path")
    page.goto(f"{base}{lessons[0].url}")
    page.wait_for_load_state("networkidle")
    for lesson in lessons:
        page.goto(f"{base}{lesson.url}")
        button = page.get_by_role("button", name=re.compile("^(Afronden en verder|Les afronden)$"))
        with page.expect_navigation():
            button.click()
    page.goto(f"{base}{module.url}")
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("eindtoets")).first.click()
    page.wait_for_url("**/toets/*/")
    page.wait_for_load_state("networkidle")
    assert page.locator("fieldset").count() > 0
    watch.assert_clean()


def test_the_checks_panel_measures_a_demo_lesson_in_dutch_under_the_policy(page, demo_site):
    """The editor's Checks panel reads the preview (with the userbar only there): words,
    reading time and a LIX readability rating appear, and the preview breaks no policy."""
    watch = CspWatch(page)
    previews: list[str] = []
    page.on(
        "response",
        lambda response: (
            previews.append(response.headers.get("content-security-policy", ""))
            if response.request.resource_type == "document" and "/edit/preview/" in response.url
            else None
        ),
    )
    base = demo_site.url
    log_in_with_mfa(page, base, "kernteam")
    page.wait_for_url("**/mijn-leeromgeving/")

    lesson = LessonPage.objects.live().order_by("path").first()
    page.goto(f"{base}/admin/pages/{lesson.pk}/edit/")
    page.wait_for_load_state("networkidle")
    page.locator("[data-side-panel-toggle=checks]").click()
    readability = page.locator("[data-content-readability-score]")
    expect(readability).not_to_have_text("-", timeout=30_000)
    assert readability.inner_text() in ("Goed", "Redelijk", "Moeilijk")
    words = int(page.locator("[data-content-word-count]").inner_text())
    assert words > 50
    assert re.fullmatch(r"\d+ min", page.locator("[data-content-reading-time]").inner_text())
    # The scores are read from the loaded preview, so its response has been seen by now
    # (waiting for an idle network instead timed out under load: the editor keeps pinging).
    watch.assert_clean()
    # The preview (with the userbar) keeps the learner pages' policy, only framed by the admin.
    assert previews
    for policy in previews:
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
        assert directives["style-src"] == "'self'"  # django-csp's order of directives varies
        assert "unsafe-inline" not in policy
        assert "frame-ancestors 'self'" in policy
