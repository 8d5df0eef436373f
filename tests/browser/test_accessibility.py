"""axe-core (shipped inside axe-playwright-python, injected from disk) on the main pages."""

from __future__ import annotations

import pytest

from demo.loader import DEMO_PASSWORD, demo_email
from tests.browser.helpers import log_in_with_mfa, serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, base_url: str, local_part: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_login", demo_email(local_part))
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/mijn-leeromgeving/")


def test_public_pages_have_no_serious_violations(page, demo_site):
    for path in ("/", "/accounts/login/", "/signaal-melden/", "/accounts/password/reset/"):
        page.goto(f"{demo_site.url}{path}")
        assert page.evaluate("document.documentElement.lang") == "nl"
        assert serious_violations(page) == [], path


def test_login_error_state_has_no_serious_violations(page, demo_site):
    page.goto(f"{demo_site.url}/accounts/login/")
    page.fill("#id_login", "iemand@weerbaar.test")
    page.fill("#id_password", "fout")
    with page.expect_navigation():
        page.click("form.form button[type=submit]")
    assert page.get_by_role("alert").is_visible()
    assert serious_violations(page) == []


def test_dashboard_has_no_serious_violations(page, demo_site):
    log_in(page, demo_site.url, "nieuw")
    assert serious_violations(page) == []
    page.goto(f"{demo_site.url}/signaal-melden/")  # with the department contacts table
    assert serious_violations(page) == []


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/signaal-melden/"])
def test_pages_fit_a_320_pixel_screen(browser, demo_site, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{demo_site.url}{path}")
    overflow = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert overflow <= 320, f"{path} scrolls sideways at 320px ({overflow}px wide)"


def test_focus_is_visible(page, demo_site):
    page.goto(f"{demo_site.url}/accounts/login/")
    page.focus("#id_login")
    shadow = page.evaluate("getComputedStyle(document.activeElement).boxShadow")
    assert shadow and shadow != "none"


def test_trends_search_and_my_data_have_no_serious_violations(browser, demo_site):
    for width in (1280, 320):
        context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 800})
        page = context.new_page()
        log_in(page, demo_site.url, "medewerker")
        for path in (
            "/mijn-leeromgeving/",
            "/trends/",
            "/trends/witwassen-via-de-autohandel/",
            "/zoeken/?q=drugs",
            "/mijn-gegevens/",
        ):
            page.goto(f"{demo_site.url}{path}")
            if width == 1280:
                assert serious_violations(page) == [], path
            else:
                overflow = page.evaluate("document.documentElement.scrollWidth")
                assert overflow <= 320, f"{path} scrolls sideways at 320px ({overflow}px wide)"
        context.close()


def test_the_dashboard_has_no_serious_violations(page, demo_site):
    log_in_with_mfa(page, demo_site.url, "kernteam")
    page.goto(f"{demo_site.url}/admin/rapportages/dashboard/")
    assert page.locator("figure svg[role=img]").count() == 1
    assert page.locator("table.listing tbody tr").count() >= 10  # a row per department
    assert serious_violations(page) == []
    page.goto(f"{demo_site.url}/admin/weerbaarheid-in-cijfers/")
    assert "Weerbaarheid in cijfers" in page.locator("h1").inner_text()
    assert serious_violations(page) == []


def test_the_other_dashboards_have_no_serious_violations(page, demo_site):
    log_in_with_mfa(page, demo_site.url, "leidinggevende")
    for path in ("dashboard", "dashboard-per-maand", "dashboard-kennis"):
        page.goto(f"{demo_site.url}/admin/rapportages/{path}/")
        assert page.get_by_role("heading", level=1).count() == 1
        assert serious_violations(page) == [], path
    page.goto(f"{demo_site.url}/admin/rapportages/dashboard/")
    # The figures per department (the werkoverleg table below it lists modules).
    rows = page.locator("table.listing:not(#team-discussions) tbody tr td:first-child")
    assert sorted(rows.all_inner_texts()) == [
        "Publiekszaken",
        "Vergunningen, Toezicht en Handhaving",
    ]
