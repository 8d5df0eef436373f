"""A new employee logs in and out with the keyboard only."""

from __future__ import annotations

import pytest

from demo.loader import DEMO_PASSWORD, demo_email

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name'),
                    text: (el.innerText || el.value || '').trim()};
        }"""
    )


def tab_until(page, predicate, limit: int = 25) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if predicate(element):
            return element
    raise AssertionError(f"Tab never reached the element; last focus: {focused(page)}")


def test_new_employee_logs_in_and_out_with_the_keyboard(page, demo_site):
    page.goto(f"{demo_site.url}/")

    # The first Tab reaches the skip link, and it moves focus to the main content.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Naar de inhoud"

    # Follow the header's login link with Enter.
    tab_until(page, lambda el: el["tag"] == "a" and el["text"] == "Inloggen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/accounts/login/**")

    tab_until(page, lambda el: el["id"] == "id_login")
    page.keyboard.type(demo_email("nieuw"))
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_password"
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")

    page.wait_for_url("**/mijn-leeromgeving/")
    assert page.locator("h1").inner_text() == "Mijn leeromgeving"
    assert "Welkom bij de gemeente" in page.locator("main").inner_text()

    tab_until(page, lambda el: el["tag"] == "button" and el["text"] == "Uitloggen")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{demo_site.url}/"
    assert page.locator("header").get_by_text("Inloggen").is_visible()
    page.goto(f"{demo_site.url}/mijn-leeromgeving/")
    page.wait_for_url("**/accounts/login/**")


def test_wrong_password_error_is_announced(page, demo_site):
    page.goto(f"{demo_site.url}/accounts/login/")
    page.fill("#id_login", demo_email("nieuw"))
    page.fill("#id_password", "niet-goed")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    alert = page.get_by_role("alert")
    assert "niet correct" in alert.inner_text()
