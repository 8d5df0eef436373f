"""The HR staff import: dry run versus apply, row errors, all-or-nothing, idempotence, leavers
and managers. Real files (CSV and XLSX) through the real reader, against the real database."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from openpyxl import Workbook

from accounts.models import Department, User
from accounts.roles import Role
from accounts.services import user_set_roles
from accounts.staff_import import (
    ImportFileError,
    MassDeactivationRefused,
    apply_import,
    plan_import,
    read_rows,
)
from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from tests.factories import DepartmentFactory, module_with_lessons

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 25)
HEADER = (
    "personeelsnummer;voornaam;achternaam;e-mail;afdeling;leidinggevende;startdatum;einddatum;rol"
)


def csv_file(*lines: str) -> bytes:
    return ("\n".join([HEADER, *lines]) + "\n").encode("utf-8")


def rows_of(*lines: str) -> list[dict]:
    return read_rows(content=csv_file(*lines), filename="hr.csv")


@pytest.fixture
def departments():
    return {
        "PZ": DepartmentFactory(name="Publiekszaken", code="PZ"),
        "VTH": DepartmentFactory(name="Vergunningen", code="VTH"),
    }


BASE = [
    "1001;Lars;Jansen;l.jansen@dordrecht.nl;PZ;;01-03-2018;;leidinggevende",
    "1002;Noor;Bakker;n.bakker@dordrecht.nl;PZ;1001;2026-11-01;;medewerker",
    "1003;Mehmet;Yilmaz;m.yilmaz@dordrecht.nl;Vergunningen;l.jansen@dordrecht.nl;01-01-2020;;",
]


def test_a_dry_run_shows_the_changes_and_writes_nothing(departments):
    plan = plan_import(rows=rows_of(*BASE), today=TODAY)
    assert plan.is_valid and plan.rows == 3
    assert [change.personnel_number for change in plan.creates] == ["1001", "1002", "1003"]
    assert plan.updates == [] and plan.deactivations == []
    assert not User.objects.exists()
    assert not departments["PZ"].managers.exists()


def test_applying_creates_people_with_departments_roles_and_managers(departments):
    apply_import(rows=rows_of(*BASE), today=TODAY)
    noor = User.objects.get(personnel_number="1002")
    assert (noor.first_name, noor.email, noor.department.code) == (
        "Noor",
        "n.bakker@dordrecht.nl",
        "PZ",
    )
    assert noor.start_date == date(2026, 11, 1) and noor.roles == {Role.MEDEWERKER}
    lars = User.objects.get(personnel_number="1001")
    assert lars.roles == {Role.MEDEWERKER, Role.LEIDINGGEVENDE}
    # Lars manages the departments of the people who report to him.
    assert list(departments["PZ"].managers.all()) == [lars]
    assert list(departments["VTH"].managers.all()) == [lars]
    assert not noor.has_usable_password()  # logs in via SSO or a reset


def test_importing_the_same_file_twice_changes_nothing(departments):
    apply_import(rows=rows_of(*BASE), today=TODAY)
    snapshot = list(User.objects.order_by("pk").values())
    plan = plan_import(rows=rows_of(*BASE), today=TODAY)
    assert not plan.has_changes and plan.unchanged == 3
    apply_import(rows=rows_of(*BASE), today=TODAY)
    assert list(User.objects.order_by("pk").values()) == snapshot


def test_changes_are_shown_field_by_field_and_applied(departments):
    apply_import(rows=rows_of(*BASE), today=TODAY)
    changed = [
        BASE[0],
        "1002;Noor;de Vries;n.devries@dordrecht.nl;VTH;1001;2026-11-01;;medewerker",
        BASE[2],
    ]
    plan = plan_import(rows=rows_of(*changed), today=TODAY)
    (update,) = plan.updates
    assert update.changes == {
        "achternaam": ("Bakker", "de Vries"),
        "e-mail": ("n.bakker@dordrecht.nl", "n.devries@dordrecht.nl"),
        "afdeling": ("Publiekszaken", "Vergunningen"),
    }
    apply_import(rows=rows_of(*changed), today=TODAY)
    noor = User.objects.get(personnel_number="1002")
    assert noor.last_name == "de Vries" and noor.department.code == "VTH"


ROW_ERRORS = [
    ("1004;Anna;Smit;geen-adres;PZ;;;;", "e-mail", "geen geldig e-mailadres"),
    ("1004;Anna;Smit;a.smit@dordrecht.nl;Onbekend;;;;", "afdeling", "bestaat niet"),
    (";Anna;Smit;a.smit@dordrecht.nl;PZ;;;;", "personeelsnummer", "ontbreekt"),
    ("1004;;;a.smit@dordrecht.nl;PZ;;;;", "naam", "ontbreekt"),
    ("1004;Anna;Smit;a.smit@dordrecht.nl;PZ;;01-05-2026;01-04-2026;", "einddatum", "voor de"),
    ("1004;Anna;Smit;a.smit@dordrecht.nl;PZ;;31-02-2026;;", "startdatum", "niet te lezen"),
    ("1004;Anna;Smit;a.smit@dordrecht.nl;PZ;;;;directeur", "rol", "kennen we niet"),
    ("1004;Anna;Smit;a.smit@dordrecht.nl;PZ;9999;;;", "leidinggevende", "niet in het bestand"),
    ("1001;Anna;Smit;a.smit@dordrecht.nl;PZ;;;;", "personeelsnummer", "vaker in het bestand"),
    ("1004;Anna;Smit;n.bakker@dordrecht.nl;PZ;;;;", "e-mail", "vaker in het bestand"),
]


@pytest.mark.parametrize(("line", "column", "words"), ROW_ERRORS)
def test_each_row_error_is_reported_in_dutch_and_nothing_is_applied(
    departments, line, column, words
):
    plan = apply_import(rows=rows_of(*BASE, line), today=TODAY)
    assert not plan.is_valid
    assert any(
        error.row == 5 and error.column == column and words in error.message
        for error in plan.errors
    ), plan.errors
    assert not User.objects.exists()  # a bad row applies nothing, not even the good rows


def test_an_email_of_another_account_is_an_error(departments, make_user):
    make_user(email="n.bakker@dordrecht.nl", personnel_number="7777")
    plan = plan_import(rows=rows_of(*BASE), today=TODAY)
    (error,) = plan.errors
    assert error.row == 3 and "ander account" in error.message


def test_an_account_made_by_hand_is_matched_by_email(departments, make_user):
    handmade = make_user(email="N.Bakker@dordrecht.nl", personnel_number="")
    apply_import(rows=rows_of(*BASE), today=TODAY)
    handmade.refresh_from_db()
    assert handmade.personnel_number == "1002"
    assert User.objects.filter(email__iexact="n.bakker@dordrecht.nl").count() == 1


def test_leavers_are_deactivated_and_keep_their_history(departments):
    apply_import(rows=rows_of(*BASE), today=TODAY)
    noor = User.objects.get(personnel_number="1002")
    module = module_with_lessons(lessons=1)
    lesson_complete(user=noor, lesson=module_lessons(module=module)[0])

    left = [
        BASE[0],
        "1002;Noor;Bakker;n.bakker@dordrecht.nl;PZ;1001;2026-11-01;2026-11-20;medewerker",
    ]  # Noor's end date passed; Mehmet is no longer in the file
    plan = plan_import(rows=rows_of(*left), today=TODAY)
    assert sorted(change.personnel_number for change in plan.deactivations) == ["1002", "1003"]
    apply_import(rows=rows_of(*left), today=TODAY)
    noor.refresh_from_db()
    assert not noor.is_active and noor.end_date == date(2026, 11, 20)
    assert not User.objects.get(personnel_number="1003").is_active
    assert noor.enrolments.count() == 1  # history stays
    assert User.objects.count() == 3  # nobody deleted


def test_someone_back_in_the_file_is_reactivated(departments):
    apply_import(rows=rows_of(*BASE), today=TODAY)
    apply_import(rows=rows_of(*BASE[:2]), today=TODAY)
    assert not User.objects.get(personnel_number="1003").is_active
    plan = plan_import(rows=rows_of(*BASE), today=TODAY)
    assert [change.action for change in plan.updates] == ["reactivate"]
    apply_import(rows=rows_of(*BASE), today=TODAY)
    assert User.objects.get(personnel_number="1003").is_active


def test_accounts_outside_hr_and_admin_roles_are_left_alone(departments, make_user):
    council = make_user(Role.RAADSLID, personnel_number="")
    apply_import(rows=rows_of(*BASE), today=TODAY)
    lars = User.objects.get(personnel_number="1001")
    user_set_roles(user=lars, roles=[Role.MEDEWERKER, Role.LEIDINGGEVENDE, Role.KERNTEAM])
    apply_import(rows=rows_of(*BASE), today=TODAY)
    lars.refresh_from_db()
    lars.__dict__.pop("roles", None)
    assert Role.KERNTEAM in lars.roles  # not HR's to take away
    council.refresh_from_db()
    assert council.is_active


def test_a_future_end_date_keeps_the_account_active_until_then(departments):
    future = (TODAY + timedelta(days=30)).strftime("%d-%m-%Y")
    rows = rows_of(f"1002;Noor;Bakker;n.bakker@dordrecht.nl;PZ;;;{future};")
    apply_import(rows=rows, today=TODAY)
    assert User.objects.get(personnel_number="1002").is_active
    apply_import(rows=rows, today=TODAY + timedelta(days=31))  # the nightly sync, later
    assert not User.objects.get(personnel_number="1002").is_active


def test_xlsx_with_dates_and_numbers_as_excel_stores_them(departments):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Personeelsnummer", "Naam", "E-mail", "Afdeling", "Startdatum"])
    sheet.append([1005.0, "Sanne van Dijk", "S.vanDijk@Dordrecht.nl", "pz", date(2025, 2, 3)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = read_rows(content=buffer.getvalue(), filename="export.xlsx")
    apply_import(rows=rows, today=TODAY)
    sanne = User.objects.get(personnel_number="1005")
    assert (sanne.first_name, sanne.last_name, sanne.email) == (
        "Sanne",
        "van Dijk",
        "s.vandijk@dordrecht.nl",
    )
    assert sanne.start_date == date(2025, 2, 3)


@pytest.mark.parametrize(
    ("content", "filename", "words"),
    [
        (b"", "leeg.csv", "leeg"),
        (b"naam;afdeling\nA;PZ\n", "hr.csv", "personeelsnummer, e-mail"),
        (b"%PDF-1.4", "hr.pdf", "CSV- of XLSX-bestand"),
        (b"not a zip", "hr.xlsx", "niet te lezen"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(content, filename, words):
    with pytest.raises(ImportFileError) as error:
        read_rows(content=content, filename=filename)
    assert words in str(error.value)


def test_departments_are_matched_by_code_or_name_ignoring_case(departments):
    rows = rows_of("1002;Noor;Bakker;n.bakker@dordrecht.nl;publiekszaken;;;;")
    apply_import(rows=rows, today=TODAY)
    assert User.objects.get().department == Department.objects.get(code="PZ")


def test_switching_off_many_people_needs_a_confirmation(departments):
    everybody = [f"{2000 + n};Persoon {n};p{n}@dordrecht.nl;PZ" for n in range(20)]
    header = "personeelsnummer;naam;e-mail;afdeling"
    full = read_rows(content="\n".join([header, *everybody]).encode(), filename="hr.csv")
    apply_import(rows=full, today=TODAY)
    partial = read_rows(content="\n".join([header, *everybody[:5]]).encode(), filename="hr.csv")
    assert plan_import(rows=partial, today=TODAY).mass_deactivation
    with pytest.raises(MassDeactivationRefused):
        apply_import(rows=partial, today=TODAY)
    assert User.objects.active().count() == 20  # nothing changed
    apply_import(rows=partial, today=TODAY, allow_mass_deactivation=True)
    assert User.objects.active().count() == 5


def test_admin_accounts_missing_from_the_file_stay_active(departments, make_user):
    admin = make_user(Role.MEDEWERKER, Role.BEHEER, personnel_number="9001")
    superuser = make_user(Role.MEDEWERKER, personnel_number="9002", is_superuser=True)
    colleague = make_user(Role.MEDEWERKER, personnel_number="9003")
    plan = plan_import(rows=rows_of(*BASE), today=TODAY)
    assert [change.personnel_number for change in plan.deactivations] == ["9003"]
    apply_import(rows=rows_of(*BASE), today=TODAY)
    for user, active in ((admin, True), (superuser, True), (colleague, False)):
        user.refresh_from_db()
        assert user.is_active is active


def test_row_numbers_are_the_lines_of_the_file_also_after_blank_lines(departments):
    content = csv_file(BASE[0], "", ";;;;;;;;", "1004;Anna;Smit;geen-adres;PZ;;;;")
    plan = plan_import(rows=read_rows(content=content, filename="hr.csv"), today=TODAY)
    assert [(error.row, error.column) for error in plan.errors] == [(5, "e-mail")]


def test_a_department_key_that_fits_two_departments_is_an_error(departments):
    DepartmentFactory(name="VTH", code="X")  # a name equal to another department's code
    plan = plan_import(rows=rows_of("1004;Anna;Smit;a.smit@dordrecht.nl;VTH;;;;"), today=TODAY)
    (error,) = plan.errors
    assert error.column == "afdeling" and "meer dan één afdeling" in error.message


def test_a_manager_outside_the_file_is_found_whatever_the_case(departments, make_user):
    make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, personnel_number="AB12")
    plan = plan_import(rows=rows_of("1004;Anna;Smit;a.smit@dordrecht.nl;PZ;ab12;;;"), today=TODAY)
    assert plan.is_valid


def test_a_managers_own_manager_does_not_become_manager_of_the_department(departments, make_user):
    rows = rows_of(
        "1000;Dirk;Directeur;d.directeur@dordrecht.nl;VTH;;;;leidinggevende",
        "1001;Lars;Jansen;l.jansen@dordrecht.nl;PZ;1000;;;leidinggevende",
        "1002;Noor;Bakker;n.bakker@dordrecht.nl;PZ;1001;;;",
    )
    apply_import(rows=rows, today=TODAY)
    lars = User.objects.get(personnel_number="1001")
    assert list(departments["PZ"].managers.all()) == [lars]  # not the director as well


def test_departments_without_managers_in_the_file_keep_their_managers(departments, make_user):
    boss = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE)
    departments["VTH"].managers.add(boss)
    apply_import(rows=rows_of(*BASE[:2]), today=TODAY)  # only PZ rows name a manager
    assert list(departments["VTH"].managers.all()) == [boss]


def test_a_manager_who_has_left_is_an_error(departments):
    rows = rows_of(
        "1001;Lars;Jansen;l.jansen@dordrecht.nl;PZ;;01-01-2010;01-01-2026;leidinggevende",
        "1002;Noor;Bakker;n.bakker@dordrecht.nl;PZ;1001;;;",
    )
    plan = plan_import(rows=rows, today=TODAY)
    (error,) = plan.errors
    assert error.row == 3 and error.column == "leidinggevende"


def test_an_account_switched_off_by_hand_stays_off(departments):
    apply_import(rows=rows_of(*BASE), today=TODAY)
    User.objects.filter(personnel_number="1003").update(is_active=False)  # beheer, by hand
    plan = plan_import(rows=rows_of(*BASE), today=TODAY)
    assert not plan.has_changes
    apply_import(rows=rows_of(*BASE), today=TODAY)
    assert not User.objects.get(personnel_number="1003").is_active


@pytest.mark.parametrize("people", [20, 400])
def test_the_dry_run_runs_a_fixed_number_of_queries(
    departments, django_assert_max_num_queries, people
):
    header = "personeelsnummer;naam;e-mail;afdeling;leidinggevende"
    lines = [f"{6000 + n};Persoon {n};r{n}@dordrecht.nl;PZ;6000" for n in range(people)]
    rows = read_rows(content="\n".join([header, *lines]).encode(), filename="hr.csv")
    apply_import(rows=rows, today=TODAY)
    changed = [line.replace("Persoon", "Medewerker") for line in lines]
    rows = read_rows(content="\n".join([header, *changed]).encode(), filename="hr.csv")
    with django_assert_max_num_queries(12):
        plan = plan_import(rows=rows, today=TODAY)
    assert len(plan.updates) == people
