"""The goal charts in Chromium: "Doelen in cijfers" (with a department chosen) and "Weerbaarheid
in cijfers" show each goal as an SVG chart with its status and table, work without script, and
axe finds nothing serious or critical on either page; the evidence pack is reached from the
admin menu and downloads as a zip whose manifest's checksums hold."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from accounts.models import Department, User
from core.dates import add_months
from modules.goals.indicators import SESSION_ATTENDED
from modules.goals.models import Indicator, SnapshotFigure, Target
from modules.goals.services import snapshot_month, target_save
from tests.browser.helpers import log_in_with_mfa, serious_violations
from tests.goals.frozen import months_back

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def frozen(demo_site):
    """Two months frozen from the demo's data and one target for the sessions goal (the
    browser demo is loaded without the goals' history; any target a demo brought for that
    goal is taken away first, so the one here never overlaps another)."""
    months = months_back(2)
    for month in months:
        snapshot_month(month=month)
    kernteam = User.objects.get(email__startswith="kernteam@")
    Target.objects.filter(indicator__key=SESSION_ATTENDED).delete()
    target_save(
        target=None,
        indicator=Indicator.objects.get(key=SESSION_ATTENDED),
        first_month=add_months(months[0], -12),
        last_month=months[-1],
        target_value=Decimal(80),
        owner=kernteam,
        rationale="Afspraak uit het plan van aanpak.",
        set_by=kernteam,
    )
    return demo_site


def test_the_goals_dashboard_and_the_yearly_overview_show_accessible_charts(page, frozen):
    log_in_with_mfa(page, frozen.url, "kernteam")
    # A department whose sessions figure of the last month is shown (the others are hidden
    # by the small-group rules beside the month before, as they should be).
    shown = SnapshotFigure.objects.filter(
        snapshot__indicator__key=SESSION_ATTENDED,
        snapshot__month=months_back(1)[-1],
        is_organisation=False,
        suppressed=False,
    ).values("department_id")
    department = Department.objects.filter(is_active=True, pk__in=shown).order_by("name").first()
    assert department is not None
    page.goto(f"{frozen.url}/admin/rapportages/doelen-in-cijfers/")
    expect(page.get_by_role("heading", name="Hele organisatie")).to_be_visible()
    page.select_option("#afdeling", str(department.pk))
    page.get_by_role("button", name="Toon", exact=True).click()
    expect(page.get_by_role("heading", name=department.name)).to_be_visible()
    chart = page.locator("figure.goal-chart").first
    expect(chart.locator("svg[role=img]")).to_be_visible()
    expect(chart.locator("figcaption")).to_contain_text("Onboarding binnen 30 dagen")
    assert page.locator("figure.goal-chart").count() >= 20  # ten goals, two groups
    assert page.get_by_text("tegen een doel van 80%").count() >= 1
    chart.locator("summary").click()
    expect(chart.locator("table")).to_be_visible()
    assert serious_violations(page) == []

    page.goto(f"{frozen.url}/admin/weerbaarheid-in-cijfers/")
    expect(page.get_by_role("heading", name="Doelen en hun status")).to_be_visible()
    expect(page.locator("figure.goal-chart svg[role=img]").first).to_be_visible()
    assert serious_violations(page) == []
    page.get_by_role("link", name="Kwartaal (3 maanden)").click()
    expect(
        page.get_by_role("heading", name="Weerbaarheid in cijfers: kwartaaloverzicht")
    ).to_be_visible()
    assert serious_violations(page) == []


def test_the_evidence_pack_is_reached_from_the_menu_and_downloads_intact(page, frozen):
    log_in_with_mfa(page, frozen.url, "kernteam")
    page.goto(f"{frozen.url}/admin/")
    page.get_by_role("link", name="Bewijsdossier").click()
    expect(page.get_by_role("heading", name="Bewijsdossier", exact=True)).to_be_visible()
    assert serious_violations(page) == []
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Bewijsdossier downloaden (zip)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("bewijsdossier-doelen-")
    with open(download.path(), "rb") as file:
        pack = zipfile.ZipFile(io.BytesIO(file.read()))
    files = {name: pack.read(name) for name in pack.namelist()}
    manifest = json.loads(files.pop("manifest.json"))
    listed = {entry["naam"]: entry["sha256"] for entry in manifest["bestanden"]}
    assert listed.keys() == files.keys() and len(files) >= 5
    assert all(hashlib.sha256(files[name]).hexdigest() == listed[name] for name in files)
    assert "kernteam" in manifest["geexporteerd_door"]
