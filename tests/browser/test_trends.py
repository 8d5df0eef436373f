"""A colleague reads a new trend in a real browser without JavaScript, by keyboard: opening it
leaves it "Nieuw"; "Ik heb dit gelezen" marks it read and takes it off Mijn leeromgeving."""

from __future__ import annotations

import pytest

from tests.browser.helpers import log_in_with_password

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def new_trend_titles(page) -> list[str]:
    section = page.locator("section[aria-labelledby=new-trends-title]")
    if section.count() == 0:
        return []
    return [title.strip() for title in section.locator("li a").all_inner_texts()]


def test_a_trend_stays_new_until_it_is_marked_as_read_without_javascript(browser, demo_site):
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in_with_password(page, demo_site.url, "medewerker")
    page.wait_for_url("**/mijn-leeromgeving/")
    titles = new_trend_titles(page)
    assert titles, "the demo has a new trend for a colleague"
    title = titles[0]

    link = page.locator("section[aria-labelledby=new-trends-title] li a", has_text=title).first
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    trend_url = page.url
    assert page.locator("h1").inner_text().strip() == title
    page.goto(f"{demo_site.url}/mijn-leeromgeving/")
    assert title in new_trend_titles(page)  # opening it wrote nothing

    page.goto(trend_url)
    button = page.get_by_role("button", name="Ik heb dit gelezen")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0] == trend_url and page.url.endswith("#gelezen")
    assert "niet meer nieuw voor je" in page.locator(".messages").inner_text()
    assert "als gelezen gemarkeerd" in page.locator("#gelezen").inner_text()
    assert page.get_by_role("button", name="Ik heb dit gelezen").count() == 0

    page.goto(f"{demo_site.url}/mijn-leeromgeving/")
    assert title not in new_trend_titles(page)
    context.close()
