"""The staff import's dry run per person (errors and deactivations as tables with names and
reasons, paged), the screens' own titles, and applying as a background job with a result
page (progress, permission, failure leaves nothing)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.jobs import admin_job_report_progress
from accounts.models import AdminJob, AdminJobKind, AdminJobStatus, StaffImport, User
from accounts.roles import Role
from accounts.services import user_activate_totp
from accounts.staff_import import PersonChange, StaffRow, apply_import
from accounts.staff_import.review import deactivations
from tests.conftest import TEST_TOTP_SECRET, mfa_login
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

HEADER = b"personeelsnummer;naam;e-mail;afdeling;einddatum\n"
TWO = b"1001;Lars Jansen;l.jansen@dordrecht.nl;PZ;\n1002;Noor Bakker;n.bakker@dordrecht.nl;PZ;\n"


@pytest.fixture(autouse=True)
def department():
    return DepartmentFactory(name="Publiekszaken", code="PZ")


@pytest.fixture
def beheer(make_user, mfa_client_for):
    return mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))


def other_client(user) -> Client:
    """A second logged-in admin (password and TOTP), next to the ``client`` fixture's."""
    user_activate_totp(user=user, secret=TEST_TOTP_SECRET)
    client = Client()
    mfa_login(client, user.email, TEST_TOTP_SECRET)
    return client


def staff(count: int, *, start: int = 5000) -> list[dict]:
    """Rows as the reader gives them, for ``count`` people in PZ."""
    return [
        {
            "_row": n + 2,
            "personnel_number": str(start + n),
            "name": f"Persoon {start + n}",
            "email": f"p{start + n}@dordrecht.nl",
            "department": "PZ",
        }
        for n in range(count)
    ]


def upload(client, content: bytes) -> str:
    response = client.post(
        reverse("staff_import"), {"file": SimpleUploadedFile("hr.csv", content, "text/csv")}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


def press_apply(client, preview_url: str, **extra):
    page = client.get(preview_url).content.decode()
    match = re.search(r'name="plan" value="([0-9a-f]+)"', page)
    return client.post(preview_url, {"plan": match.group(1) if match else "", **extra})


def table(html: str, heading_id: str) -> str:
    """The table that follows the heading with ``heading_id``."""
    after = html[html.index(f'id="{heading_id}"') :]
    return after[: after.index("</table>")]


def h1_and_last_crumb(html: str) -> tuple[str, str]:
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()
    crumbs = re.search(r'<nav[^>]*aria-label="Kruimelpad".*?</nav>', html, re.S).group(0)
    items = re.findall(r"<li[^>]*>(.*?)</li>", crumbs, re.S)
    last = re.sub(r"<[^>]+>", "", items[-1]).strip()
    return h1, re.sub(r"\s+", " ", last)


# -- The dry run per person --------------------------------------------------------------------


def test_rows_with_errors_show_number_name_and_each_problem(beheer):
    content = HEADER + (
        b"1001;Lars Jansen;l.jansen@dordrecht.nl;PZ;\n"
        b"1003;Anna Smit;geen-adres;XX;\n"
        b";Piet Zonder Nummer;piet@dordrecht.nl;PZ;\n"
    )
    html = beheer.get(upload(beheer, content)).content.decode()
    errors = table(html, "errors-title")
    assert "<caption>Rijen met fouten: 2 in totaal</caption>" in errors
    assert (
        '<th scope="col">Personeelsnummer</th>' in errors and '<th scope="col">Naam</th>' in errors
    )
    anna = errors[errors.index('<th scope="row">3</th>') :].split("</tr>")[0]
    assert "<td>1003</td>" in anna and "<td>Anna Smit</td>" in anna
    assert "geen geldig e-mailadres" in anna and "bestaat niet in Weerbaar" in anna  # both
    piet = errors[errors.index('<th scope="row">4</th>') :].split("</tr>")[0]
    assert "<td>\u2013</td>" in piet and "Piet Zonder Nummer" in piet
    assert "Het personeelsnummer ontbreekt." in piet


def test_people_to_deactivate_are_listed_with_the_reason(beheer):
    apply_import(rows=staff(3), today=timezone.localdate())
    content = (
        HEADER
        + b"5000;Persoon 5000;p5000@dordrecht.nl;PZ;\n"
        + b"5001;Persoon 5001;p5001@dordrecht.nl;PZ;01-01-2020\n"
    )
    html = beheer.get(upload(beheer, content)).content.decode()
    listed = table(html, "deactivations-title")
    assert "<caption>Uit te zetten: 2 in totaal</caption>" in listed
    assert '<th scope="col">Reden</th>' in listed
    left = listed[listed.index("<td>5001</td>") :].split("</tr>")[0]
    assert (
        '<th scope="row">Persoon 5001</th>' in left
        and "Einddatum 1 januari 2020 is voorbij" in left
    )
    gone = listed[listed.index("<td>5002</td>") :].split("</tr>")[0]
    assert (
        '<th scope="row">Persoon 5002</th>' in gone and "Staat niet meer in het HR-bestand" in gone
    )


def test_a_long_list_is_paged_with_its_count_so_hr_can_check_everybody(beheer):
    apply_import(rows=staff(121), today=timezone.localdate())
    preview_url = upload(beheer, HEADER + b"5000;Persoon 5000;p5000@dordrecht.nl;PZ;\n")
    first = table(beheer.get(preview_url).content.decode(), "deactivations-title")
    assert "<caption>Uit te zetten: 120 in totaal, 1 tot 50 getoond</caption>" in first
    assert first.count("<tr>") == 51  # the header and 50 people
    html = beheer.get(preview_url).content.decode()
    assert "Pagina 1 van 3" in html and "?uitzetten=2#deactivations-title" in html
    last_html = beheer.get(preview_url, {"uitzetten": 3}).content.decode()
    last = table(last_html, "deactivations-title")
    assert "<caption>Uit te zetten: 120 in totaal, 101 tot 120 getoond</caption>" in last
    assert last.count("<tr>") == 21
    shown = set()
    for page in (1, 2, 3):
        page_html = beheer.get(preview_url, {"uitzetten": page}).content.decode()
        shown |= set(re.findall(r"<td>(5\d{3})</td>", table(page_html, "deactivations-title")))
    assert shown == {str(5001 + n) for n in range(120)}  # every one of them, once over


# -- Titles --------------------------------------------------------------------------------------


def test_each_import_screen_has_its_own_title_not_home(beheer):
    h1, crumb = h1_and_last_crumb(beheer.get(reverse("staff_import")).content.decode())
    assert h1 == crumb == "Personeel importeren"
    preview_url = upload(beheer, HEADER + b"1001;Lars Jansen;l.jansen@dordrecht.nl;PZ;\n")
    h1, crumb = h1_and_last_crumb(beheer.get(preview_url).content.decode())
    assert h1 == crumb == "Personeel importeren: controleer de wijzigingen: hr.csv"
    job_url = press_apply(beheer, preview_url)["Location"]
    h1, crumb = h1_and_last_crumb(beheer.get(job_url).content.decode())
    assert h1 == crumb == "Personeel importeren: verwerken"


# -- Applying as a background job --------------------------------------------------------------


def test_applying_runs_as_a_job_with_a_result_page(beheer):
    preview_url = upload(
        beheer,
        HEADER + TWO,
    )
    response = press_apply(beheer, preview_url)
    job = AdminJob.objects.get()
    assert response["Location"] == reverse("staff_import_job", args=[job.pk])
    assert job.kind == AdminJobKind.STAFF_IMPORT and job.status == AdminJobStatus.DONE
    assert (job.done, job.total) == (2, 2) and job.summary["aangemaakt"] == 2
    assert job.started_at and job.finished_at and job.started_by.has_role(Role.BEHEER)
    assert "_ip_address" not in job.params  # the address was for the audit log only
    page = beheer.get(response["Location"]).content.decode()
    assert "De import is verwerkt: 2 aangemaakt, 0 gewijzigd, 0 gedeactiveerd." in page
    assert 'http-equiv="refresh"' not in page  # finished: no more reloading
    assert User.objects.filter(personnel_number__in=["1001", "1002"]).count() == 2
    assert StaffImport.objects.get().applied_at is not None


def test_a_running_job_shows_its_progress_without_reloading_itself(beheer):
    person = User.objects.get(groups__name=Role.BEHEER.group_name)
    job = AdminJob.objects.create(
        kind=AdminJobKind.STAFF_IMPORT, started_by=person, status=AdminJobStatus.RUNNING
    )
    admin_job_report_progress(job_id=job.pk, done=1500, total=6000)
    page = beheer.get(reverse("staff_import_job", args=[job.pk])).content.decode()
    assert 'http-equiv="refresh"' not in page  # WCAG 2.2.1: no reload by itself
    assert f'href="{reverse("staff_import_job", args=[job.pk])}">Vernieuwen</a>' in page
    live = page[page.index('aria-live="polite"') :]
    assert "De taak is bezig." in live and "1500 van 6000 klaar (25%)." in live
    assert '<progress id="job-progress" max="6000" value="1500">' in page
    assert '<label for="job-progress">Voortgang</label>' in page


def test_apply_reports_progress_per_batch():
    heard = []
    apply_import(rows=staff(3), today=timezone.localdate(), progress=lambda *p: heard.append(p))
    assert heard[0] == (0, 3) and heard[-1] == (3, 3)


def test_only_the_person_who_started_a_job_sees_it(make_user, beheer):
    job_url = press_apply(beheer, upload(beheer, HEADER + b"1001;Lars;l@dordrecht.nl;PZ;\n"))[
        "Location"
    ]
    colleague = other_client(make_user(Role.MEDEWERKER, Role.BEHEER))
    assert colleague.get(job_url).status_code == 404
    kernteam = other_client(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    assert kernteam.get(job_url).status_code == 403
    anonymous = Client().get(job_url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


def test_a_failing_job_applies_nothing_and_says_so_in_dutch(beheer):
    preview_url = upload(
        beheer,
        HEADER + TWO,
    )
    # The accounts are written first, then their roles: without the role's group that fails
    # half-way, after the INSERT of the accounts.
    Group.objects.filter(name=Role.MEDEWERKER.group_name).delete()
    job_url = press_apply(beheer, preview_url)["Location"]
    job = AdminJob.objects.get()
    assert job.status == AdminJobStatus.FAILED and job.finished_at is not None
    assert not User.objects.filter(personnel_number__in=["1001", "1002"]).exists()
    upload_row = StaffImport.objects.get()
    assert upload_row.applied_at is None and len(upload_row.rows) == 2  # can be tried again
    page = beheer.get(job_url).content.decode()
    assert "Er ging iets mis, dus er is niets gewijzigd." in page
    assert f'href="{preview_url}"' in page


def test_a_second_click_does_not_queue_a_second_job(beheer):
    record = StaffImport.objects.create(
        filename="hr.csv", rows=staff(1), uploaded_at=timezone.now()
    )
    person = User.objects.get(groups__name=Role.BEHEER.group_name)
    waiting = AdminJob.objects.create(
        kind=AdminJobKind.STAFF_IMPORT, started_by=person, params={"import_id": record.pk}
    )
    response = beheer.post(reverse("staff_import_preview", args=[record.pk]), {"plan": "x"})
    assert response["Location"] == reverse("staff_import_job", args=[waiting.pk])
    assert AdminJob.objects.count() == 1


def test_the_end_date_reason_names_the_date():
    row = StaffRow(2, "1", "A", "B", "a@b.nl", 1, "", None, date(2026, 3, 1), Role.MEDEWERKER)
    (person,) = deactivations(changes=[PersonChange("deactivate", "1", "A B", "a@b.nl", row=row)])
    assert person.reason == "Einddatum 1 maart 2026 is voorbij"
