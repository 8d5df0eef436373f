"""The completion reports' downloads and filters (issue 17, managers and HR).

- Downloads sit in a visible "Download" group (XLSX first, then CSV), not only behind "⋯".
- The CSV opens as columns in Dutch Excel: a UTF-8 byte order mark and ``;`` between fields.
- Department, module, status and due-date filters narrow the screen and the download alike:
  the XLSX equals the screen row for row, with filters applied.
- A manager's filters never reach outside their departments: another department in the
  filter gives an error and no rows.
- The tables scroll sideways in a focusable, named region; the queries stay constant.
"""

from __future__ import annotations

import codecs
import csv
import html as html_lib
import io
import re
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from openpyxl import load_workbook

from accounts.roles import Role
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from modules.reporting.receivers import flush_pending
from tests.factories import AudienceFactory, DepartmentFactory, module_with_lessons

pytestmark = pytest.mark.django_db

DEPARTMENTS = "completion_report_departments"
PEOPLE = "completion_report_people"
OVERDUE = "completion_report_overdue"


@pytest.fixture
def world(make_user):
    """Publiekszaken (six people) and VTH (two) under one manager, Buiten (two) outside their
    scope; two mandatory modules, every status present."""
    today = timezone.localdate()
    pz, vth = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="VTH")
    outside = DepartmentFactory(name="Buiten")
    onboarding = module_with_lessons(lessons=2, title="Onboarding")
    fraude = module_with_lessons(lessons=1, title="Fraude herkennen")
    staff = AudienceFactory(roles=[Role.MEDEWERKER])
    assignment_create(module=onboarding, audience=staff, due_days_after_start=30)
    assignment_create(module=fraude, audience=staff, due_date=today + timedelta(days=20))
    long_ago = today - timedelta(days=90)
    people = {
        "anna": make_user(department=pz, first_name="Anna", last_name="Af", start_date=long_ago),
        "bram": make_user(department=pz, first_name="Bram", last_name="Bezig", start_date=today),
        "cor": make_user(department=pz, first_name="Cor", last_name="Laat", start_date=long_ago),
        "dina": make_user(department=pz, first_name="Dina", last_name="Laat", start_date=long_ago),
        "eva": make_user(department=pz, first_name="Eva", last_name="Nieuw", start_date=today),
        "fred": make_user(department=pz, first_name="Fred", last_name="Nieuw", start_date=today),
        "gijs": make_user(department=vth, first_name="Gijs", last_name="Laat", start_date=long_ago),
        "hans": make_user(department=vth, first_name="Hans", last_name="Nieuw", start_date=today),
        "ilse": make_user(
            department=outside, first_name="Ilse", last_name="Buiten", start_date=long_ago
        ),
        "joop": make_user(
            department=outside, first_name="Joop", last_name="Buiten", start_date=today
        ),
    }
    first, second = module_lessons(module=onboarding)
    for lesson in (first, second):
        lesson_complete(user=people["anna"], lesson=lesson)
    lesson_complete(user=people["bram"], lesson=first)  # bezig
    lesson_complete(user=people["anna"], lesson=module_lessons(module=fraude)[0])
    # The manager works in a department of their own (not counted in the teams they manage).
    manager = make_user(
        Role.MEDEWERKER, Role.LEIDINGGEVENDE, department=DepartmentFactory(name="Directie")
    )
    pz.managers.add(manager)
    vth.managers.add(manager)
    flush_pending()
    return {"pz": pz, "vth": vth, "outside": outside, "manager": manager, **people}


def table_rows(html: str) -> list[list[str]]:
    """The rows of the report's own table (Wagtail's "listing"), as text."""
    if 'class="listing' not in html:
        return []
    listing = html.split('class="listing', 1)[1]
    body = listing.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for row in re.findall(r"<tr.*?</tr>", body, flags=re.S):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)
        rows.append(
            [" ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", cell)).split()) for cell in cells]
        )
    return rows


def download(client, name: str, export: str, **params) -> bytes:
    response = client.get(reverse(name), {**params, "export": export})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def csv_rows(client, name: str, **params) -> list[dict[str, str]]:
    """The CSV as Dutch Excel reads it: UTF-8 with a byte order mark, ``;`` between fields."""
    raw = download(client, name, "csv", **params)
    assert raw.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def shown(value) -> str:
    """An XLSX cell as the screen shows it: dates as "25 november 2026", empty as ""."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return date_format(value, "j F Y")
    return str(value)


def xlsx_rows(client, name: str, columns: int, **params) -> list[list[str]]:
    """The XLSX's rows (without its headings), cut to the screen's ``columns``."""
    sheet = load_workbook(io.BytesIO(download(client, name, "xlsx", **params))).active
    rows = [[shown(cell) for cell in row[:columns]] for row in sheet.iter_rows(values_only=True)]
    return rows[1:]


def in_world(rows: list[list[str]], *, column: int) -> list[list[str]]:
    """Only the world's departments (the factories' own accounts have departments too)."""
    return [row for row in rows if row[column] in ("Publiekszaken", "VTH", "Buiten")]


# ---------------------------------------------------------------------------------------------
# Downloads
# ---------------------------------------------------------------------------------------------


def test_the_csv_opens_as_columns_in_dutch_excel(world, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    response = client.get(reverse(DEPARTMENTS), {"export": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="voortgang-per-afdeling-' in response["Content-Disposition"]
    rows = csv_rows(client, DEPARTMENTS)
    assert list(rows[0]) == [
        "Module",
        "Afdeling",
        "Mensen",
        "Afgerond",
        "Percentage afgerond",
        "Bezig",
        "Niet gestart",
        "Te laat",
        "Verlopen",
    ]
    pz = next(r for r in rows if (r["Module"], r["Afdeling"]) == ("Onboarding", "Publiekszaken"))
    assert (pz["Mensen"], pz["Afgerond"], pz["Bezig"], pz["Te laat"]) == ("6", "1", "1", "2")
    people = csv_rows(client, PEOPLE)
    assert list(people[0])[-1] == "E-mailadres"
    anna = [r for r in people if r["Naam"] == "Anna Af"]
    assert {r["Module"] for r in anna} == {"Onboarding", "Fraude herkennen"}
    assert all(r["E-mailadres"] == world["anna"].email for r in anna)


def test_every_report_and_dashboard_has_a_visible_download_group(
    world, kernteam_user, mfa_client_for
):
    client = mfa_client_for(kernteam_user)
    for name in (
        DEPARTMENTS,
        PEOPLE,
        OVERDUE,
        "dashboard_departments",
        "dashboard_months",
        "dashboard_themes",
    ):
        html = client.get(reverse(name)).content.decode()
        group = re.search(r'<div[^>]*role="group" aria-label="Download">(.*?)</div>', html, re.S)
        assert group, name
        links = re.findall(r'<a href="([^"]+)"[^>]*>.*?</svg>\s*([^<]+)</a>', group.group(1), re.S)
        assert [label.strip() for _url, label in links] == [
            "Download Excel (XLSX)",
            "Download CSV",
        ], name
        assert links[0][0].endswith("export=xlsx") and links[1][0].endswith("export=csv")
        # Not a second time behind the "⋯" menu.
        assert html.count("export=csv") == 1, name


def test_download_links_carry_the_filters_but_not_the_page(world, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    params = {"department": world["pz"].pk, "status": "overdue", "p": "2"}
    for url in (reverse(PEOPLE), reverse("completion_report_people_results")):
        html = client.get(url, params).content.decode()
        links = re.findall(r'href="([^"]*export=(?:xlsx|csv))"', html)
        assert len(links) == 2
        for link in links:
            link = link.replace("&amp;", "&")
            assert link.startswith(reverse(PEOPLE) + "?")
            assert f"department={world['pz'].pk}" in link and "status=overdue" in link
            assert "p=2" not in link and "_w_filter_fragment" not in link


def test_the_tables_scroll_in_a_focusable_named_region(world, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    html = client.get(reverse(PEOPLE)).content.decode()
    region = re.search(r'<div class="w-overflow-x-auto" role="region" tabindex="0"[^>]*>', html)
    assert region and 'aria-label="Tabel: Voortgang per persoon"' in region.group(0)
    assert html.index(region.group(0)) < html.index('class="listing')


# ---------------------------------------------------------------------------------------------
# Filters: the screen and its downloads hold the same rows
# ---------------------------------------------------------------------------------------------


def screen(client, name: str, **params) -> list[list[str]]:
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return table_rows(response.content.decode())


FILTERS = [
    pytest.param({}, id="no filter"),
    pytest.param({"status": "overdue"}, id="status"),
    pytest.param({"status": "overdue", "department": "pz"}, id="status and department"),
    pytest.param({"module": "onboarding"}, id="module"),
    pytest.param({"due_from": -61, "due_to": 25}, id="due date range"),
]


def resolved(world, params: dict) -> dict:
    """The filter values the world's names stand for."""
    from modules.learning.models import ModulePage

    today = timezone.localdate()
    values = dict(params)
    if values.get("department") == "pz":
        values["department"] = world["pz"].pk
    if values.get("module") == "onboarding":
        values["module"] = f"module-{ModulePage.objects.get(title='Onboarding').pk}"
    for key in ("due_from", "due_to"):
        if key in values:
            values[key] = (today + timedelta(days=values[key])).isoformat()
    return values


@pytest.mark.parametrize("params", FILTERS)
@pytest.mark.parametrize("name,department_column", [(DEPARTMENTS, 1), (PEOPLE, 1), (OVERDUE, 1)])
def test_the_xlsx_equals_the_screen_row_for_row_with_filters(
    world, kernteam_user, mfa_client_for, params, name, department_column
):
    client = mfa_client_for(kernteam_user)
    params = resolved(world, params)
    on_screen = screen(client, name, **params)
    assert on_screen, "every filter of this world leaves rows"
    columns = len(on_screen[0])
    assert xlsx_rows(client, name, columns, **params) == on_screen
    # The CSV has the same rows (its dates are ISO dates, so compare the other columns).
    exported = [list(row.values())[:columns] for row in csv_rows(client, name, **params)]
    assert [row[:2] for row in exported] == [row[:2] for row in on_screen]


def test_each_filter_keeps_only_its_rows(world, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    late = in_world(screen(client, PEOPLE, status="overdue"), column=1)
    assert {(row[0], row[2]) for row in late} == {
        ("Cor Laat", "Onboarding"),
        ("Dina Laat", "Onboarding"),
        ("Gijs Laat", "Onboarding"),
        ("Ilse Buiten", "Onboarding"),
    }
    assert {row[3] for row in late} == {"te laat"}
    vth = screen(client, PEOPLE, department=world["vth"].pk)
    assert {row[1] for row in vth} == {"VTH"} and {row[0] for row in vth} == {
        "Gijs Laat",
        "Hans Nieuw",
    }
    params = resolved(world, {"module": "onboarding"})
    assert {row[2] for row in screen(client, PEOPLE, **params)} == {"Onboarding"}
    # Due in the coming 25 days: Fraude (due in 20 days) and the starters' Onboarding (30 days
    # after today's start is outside), so only Fraude.
    params = resolved(world, {"due_from": 1, "due_to": 25})
    due_soon = in_world(screen(client, PEOPLE, **params), column=1)
    assert due_soon and {row[2] for row in due_soon} == {"Fraude herkennen"}
    # The per-department report counts the filtered rows.
    counted = in_world(screen(client, DEPARTMENTS, status="overdue"), column=1)
    assert [(row[0], row[1], row[2], row[7]) for row in counted] == [
        ("Onboarding", "Buiten", "1", "1"),
        ("Onboarding", "Publiekszaken", "2", "2"),
        ("Onboarding", "VTH", "1", "1"),
    ]


def test_the_overdue_report_offers_only_late_and_expired(world, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    html = client.get(reverse(OVERDUE)).content.decode()
    options = re.findall(
        r'<option value="(\w+)"', html.split('name="status"', 1)[1].split("</select>")[0]
    )
    assert options == ["overdue", "expired"]
    assert screen(client, OVERDUE, status="in_progress") == []


def test_a_manager_filters_only_within_their_departments(world, mfa_client_for):
    client = mfa_client_for(world["manager"])
    rows = screen(client, PEOPLE)
    assert {row[1] for row in rows} == {"Publiekszaken", "VTH"}
    assert {row[1] for row in screen(client, PEOPLE, department=world["vth"].pk)} == {"VTH"}
    html = client.get(reverse(PEOPLE)).content.decode()
    assert "Buiten" not in html  # not even as a choice
    for name in (PEOPLE, DEPARTMENTS, OVERDUE):
        response = client.get(reverse(name), {"department": world["outside"].pk})
        html = response.content.decode()
        assert response.status_code == 200
        assert table_rows(html) == []
        assert "Ilse" not in html and "Joop" not in html and "Buiten" not in html
        assert "Met deze filters kan niets getoond worden" in html
        # The downloads of the same address are as empty: headings only.
        assert len(csv_rows(client, name, department=world["outside"].pk)) == 0
        assert xlsx_rows(client, name, 3, department=world["outside"].pk) == []


def test_invalid_filters_show_nothing_and_say_why(world, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    for params in ({"status": "weg"}, {"due_from": "morgen"}, {"module": "module-0"}):
        html = client.get(reverse(PEOPLE), params).content.decode()
        assert table_rows(html) == [], params
        assert 'role="alert"' in html and "Met deze filters kan niets getoond worden" in html


def test_filters_never_show_a_raadslid(world, make_user, kernteam_user, mfa_client_for):
    make_user(
        Role.RAADSLID,
        Role.MEDEWERKER,
        department=world["pz"],
        first_name="Rob",
        last_name="Raad",
        start_date=timezone.localdate() - timedelta(days=90),
    )
    flush_pending()
    client = mfa_client_for(kernteam_user)
    for params in ({"department": world["pz"].pk}, {"status": "overdue"}):
        assert "Rob Raad" not in client.get(reverse(PEOPLE), params).content.decode()
        assert "Rob Raad" not in {row["Naam"] for row in csv_rows(client, PEOPLE, **params)}


@pytest.mark.parametrize("people", [4, 40])
def test_filtered_reports_run_a_constant_number_of_queries(
    people, make_user, kernteam_user, client, mfa_client_for, django_assert_max_num_queries
):
    departments = [DepartmentFactory() for _ in range(3)]
    modules = [module_with_lessons(lessons=1) for _ in range(2)]
    staff = AudienceFactory(roles=[Role.MEDEWERKER])
    for module in modules:
        assignment_create(module=module, audience=staff, due_days_after_start=30)
    for index in range(people):
        user = make_user(
            department=departments[index % 3],
            start_date=timezone.localdate() - timedelta(days=60 * (index % 2)),
        )
        if index % 3 == 0:
            lesson_complete(user=user, lesson=module_lessons(module=modules[0])[0])
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE)
    departments[0].managers.add(manager)
    departments[1].managers.add(manager)
    flush_pending()
    today = timezone.localdate()
    params = {
        "department": departments[0].pk,
        "module": f"module-{modules[0].pk}",
        "status": "overdue",
        "due_from": (today - timedelta(days=400)).isoformat(),
        "due_to": (today + timedelta(days=400)).isoformat(),
    }
    for user in (kernteam_user, manager):
        client.logout()
        client = mfa_client_for(user)
        for name in (DEPARTMENTS, PEOPLE, OVERDUE):
            with django_assert_max_num_queries(26):
                assert client.get(reverse(name), params).status_code == 200
            with django_assert_max_num_queries(26):
                download(client, name, "xlsx", **params)
