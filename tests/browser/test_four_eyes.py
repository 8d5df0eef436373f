"""Four-eyes publishing in the real page editor, by keyboard: the author submits a trend and
cannot approve it; a second kernteam member approves it from the editor's action menu, and the
trend is live on the site."""

from __future__ import annotations

import pytest

from accounts.roles import Role
from accounts.services import user_activate_totp
from demo.loader import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_email
from modules.trends.models import TrendPage
from tests.browser.helpers import log_in_with_mfa
from tests.factories import UserFactory, a_trend

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Drugsopslag in garageboxen"


def kernteam_member(local_part: str, first_name: str):
    user = UserFactory(
        roles=[Role.MEDEWERKER, Role.KERNTEAM],
        email=demo_email(local_part),
        password=DEMO_PASSWORD,
        first_name=first_name,
    )
    user_activate_totp(user=user, secret=DEMO_TOTP_SECRET)
    return user


def press(page, locator, key: str = "Enter", navigates: bool = True) -> None:
    locator.focus()
    if navigates:
        with page.expect_navigation():
            page.keyboard.press(key)
    else:
        page.keyboard.press(key)


def open_action_menu(page) -> None:
    """The editor's footer: the arrow next to the main button opens the other actions."""
    press(page, page.locator("footer").get_by_role("button", name="Meer acties"), navigates=False)


def test_a_second_member_approves_from_the_editor_and_the_author_cannot(page, browser, live_server):
    kernteam_member("auteur", "Anna")
    kernteam_member("tweede", "Bram")
    trend = a_trend(live=False, title=TITLE)
    edit_url = f"{live_server.url}/admin/pages/{trend.pk}/edit/"

    # A submits the trend for review from the editor.
    log_in_with_mfa(page, live_server.url, "auteur")
    page.goto(edit_url)
    open_action_menu(page)
    press(page, page.get_by_role("button", name="Stuur door naar Vier ogen: trends"))
    assert TrendPage.objects.get(pk=trend.pk).workflow_in_progress
    # ... and has no way to approve it.
    page.goto(edit_url)
    assert page.locator("footer [data-workflow-action-name=approve]").count() == 0
    assert not TrendPage.objects.get(pk=trend.pk).live

    # B, in a browser of their own, opens the editor and approves from the action menu.
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in_with_mfa(page, live_server.url, "tweede")
    page.goto(edit_url)
    open_action_menu(page)
    # The last (only) task: Wagtail labels it "Goedkeuren en publiceren".
    press(page, page.get_by_role("button", name="Goedkeuren en publiceren", exact=True))
    assert "geen toegang" not in page.locator("body").inner_text()
    trend = TrendPage.objects.get(pk=trend.pk)
    assert trend.live and not trend.workflow_in_progress

    # The trend is on the site.
    page.goto(f"{live_server.url}{trend.get_url()}")
    assert TITLE in page.locator("main").inner_text()
    context.close()
