"""The trend review screen in a real browser: a second kernteam member follows the dashboard
panel's link, sees the change, and the screen has no serious or critical axe violations; with
JavaScript off they approve with a comment from the plain form, and the trend is live."""

from __future__ import annotations

import pytest
from wagtail.models import TaskState

from accounts.roles import Role
from accounts.services import user_activate_totp
from demo.loader import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_email
from modules.trends.models import TrendPage
from modules.trends.workflow import four_eyes_workflow
from tests.browser.helpers import log_in_with_mfa, serious_violations
from tests.factories import UserFactory, a_trend

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_SUMMARY = "Huurders van garageboxen betalen een jaar contant vooruit."


def kernteam_member(local_part: str, first_name: str):
    user = UserFactory(
        roles=[Role.MEDEWERKER, Role.KERNTEAM],
        email=demo_email(local_part),
        password=DEMO_PASSWORD,
        first_name=first_name,
    )
    user_activate_totp(user=user, secret=DEMO_TOTP_SECRET)
    return user


def submitted_change(author) -> TrendPage:
    trend = a_trend(title="Drugsopslag in garageboxen")
    draft = trend.get_latest_revision_as_object()
    draft.summary = NEW_SUMMARY
    draft.save_revision(user=author)
    four_eyes_workflow().start(TrendPage.objects.get(pk=trend.pk), author)
    return trend


def test_the_review_screen_is_accessible_and_works_without_javascript(page, browser, live_server):
    author = kernteam_member("auteur", "Anna")
    kernteam_member("tweede", "Bram")
    trend = submitted_change(author)

    # From the dashboard panel to the review screen.
    log_in_with_mfa(page, live_server.url, "tweede")
    page.goto(f"{live_server.url}/admin/")
    link = page.get_by_role("link", name="“Drugsopslag in garageboxen” beoordelen")
    with page.expect_navigation():
        link.click()
    assert page.url.endswith(f"/admin/trends/{trend.pk}/review/")
    main = page.locator("main").inner_text()
    assert "Jouw beoordeling" in main and "Huurders" in main
    assert serious_violations(page) == []

    # JavaScript off (same session: a TOTP code cannot be used twice), the plain form posts
    # to Wagtail's workflow action, by keyboard.
    context = browser.new_context(
        locale="nl-NL",
        viewport={"width": 1280, "height": 900},
        java_script_enabled=False,
        storage_state=page.context.storage_state(),
    )
    no_js = context.new_page()
    no_js.set_default_timeout(15_000)
    no_js.goto(f"{live_server.url}/admin/trends/{trend.pk}/review/")
    no_js.get_by_label("Opmerking").fill("Bron klopt, mag online.")
    approve = no_js.get_by_role("button", name="Goedkeuren en publiceren", exact=True)
    approve.focus()
    with no_js.expect_navigation():
        no_js.keyboard.press("Enter")
    assert "is goedgekeurd" in no_js.locator("body").inner_text()
    context.close()

    trend = TrendPage.objects.get(pk=trend.pk)
    assert trend.live and trend.summary == NEW_SUMMARY
    state = TaskState.objects.filter(workflow_state__object_id=str(trend.pk)).get()
    assert state.comment == "Bron klopt, mag online."
