"""The reports' downloads and tables in Chromium at 1280 px (issue 17): the "Download" group is
visible without opening a menu, its links download the filtered rows, the table scrolls inside
its own focusable region instead of cutting off its last column, and axe finds nothing serious
or critical on the report with its download buttons and filters."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in_with_mfa, serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REPORTS = ("per-persoon", "per-afdeling", "te-laat", "dashboard", "dashboard-kennis")


def test_the_download_group_is_visible_and_the_tables_fit(page, demo_site):
    log_in_with_mfa(page, demo_site.url, "kernteam")
    for path in REPORTS:
        page.goto(f"{demo_site.url}/admin/rapportages/{path}/")
        group = page.get_by_role("group", name="Download")
        expect(group).to_be_visible()
        links = group.get_by_role("link")
        assert links.all_inner_texts() == ["Download Excel (XLSX)", "Download CSV"], path
        for link in links.all():
            expect(link).to_be_visible()
        region = page.locator("[role=region][tabindex='0']").first
        if region.count():
            # The table may be wider than the region, but the region never is wider than the
            # page: the last column is reached by scrolling the region, not cut off.
            fits = page.evaluate(
                "r => r.getBoundingClientRect().right <= document.documentElement.clientWidth",
                region.element_handle(),
            )
            assert fits, path
        assert serious_violations(page) == [], path


def test_the_region_scrolls_by_keyboard_to_the_last_column(page, demo_site):
    log_in_with_mfa(page, demo_site.url, "kernteam")
    page.set_viewport_size({"width": 1024, "height": 800})  # narrower still than 1280 px
    page.goto(f"{demo_site.url}/admin/rapportages/per-afdeling/")
    region = page.get_by_role("region", name="Tabel: Voortgang per afdeling")
    region.focus()
    expect(region).to_be_focused()
    scrollable = region.evaluate("r => r.scrollWidth > r.clientWidth")
    if scrollable:
        page.keyboard.press("End")
        for _ in range(20):
            page.keyboard.press("ArrowRight")
        # The browser may scroll smoothly: wait for it (times out, and fails, if the keys
        # do not scroll the region at all; read at once it failed under load).
        page.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle(), timeout=5000)
    last = page.locator("table.listing thead th").last
    last.scroll_into_view_if_needed()
    expect(last).to_be_visible()


def test_a_filtered_download_holds_the_filtered_rows(page, demo_site):
    log_in_with_mfa(page, demo_site.url, "kernteam")
    page.goto(f"{demo_site.url}/admin/rapportages/te-laat/?status=overdue")
    on_screen = page.locator("table.listing tbody tr").count()
    with page.expect_download() as download_info:
        page.get_by_role("group", name="Download").get_by_role("link", name="Download CSV").click()
    raw = Path(download_info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows and {row["Status"] for row in rows} == {"te laat"}
    assert len(rows) >= on_screen  # the screen shows one page, the download every row
    assert serious_violations(page) == []
