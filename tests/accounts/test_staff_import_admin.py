"""The staff import screen in the Wagtail admin (beheer only) and the nightly command."""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import StaffImport, User
from accounts.roles import Role
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

GOOD = (
    b"personeelsnummer;naam;e-mail;afdeling\n"
    b"1001;Lars Jansen;l.jansen@dordrecht.nl;PZ\n"
    b"1002;Noor Bakker;n.bakker@dordrecht.nl;PZ\n"
)
BAD = GOOD + b"1003;Anna Smit;geen-adres;PZ\n"


@pytest.fixture(autouse=True)
def department():
    return DepartmentFactory(name="Publiekszaken", code="PZ")


def upload(client, content: bytes, name: str = "hr.csv"):
    return client.post(
        reverse("staff_import"), {"file": SimpleUploadedFile(name, content, "text/csv")}
    )


def apply(client, preview_url: str, **extra):
    """Press "Verwerk deze wijzigingen" on the dry-run page as it was shown."""
    page = client.get(preview_url).content.decode()
    match = re.search(r'name="plan" value="([0-9a-f]+)"', page)
    return client.post(preview_url, {"plan": match.group(1) if match else "", **extra})


def test_beheer_checks_a_file_then_applies_it(make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))
    response = upload(client, GOOD)
    assert response.status_code == 302
    preview_url = response["Location"]
    preview = client.get(preview_url).content.decode()
    assert "Lars Jansen" in preview and "Verwerk deze wijzigingen" in preview
    assert not User.objects.filter(personnel_number__in=["1001", "1002"]).exists()  # dry run

    response = apply(client, preview_url)
    assert response.status_code == 302
    assert User.objects.filter(personnel_number__in=["1001", "1002"]).count() == 2
    record = StaffImport.objects.get()
    assert record.applied_at is not None and record.rows == []  # personal data not kept
    assert record.summary["aangemaakt"] == 2
    listing = client.get(reverse("staff_import")).content.decode()
    assert "2 aangemaakt" in listing
    assert client.post(preview_url).status_code == 302  # applying twice does nothing
    assert User.objects.filter(personnel_number__in=["1001", "1002"]).count() == 2


def test_a_file_with_errors_shows_them_per_row_and_cannot_be_applied(make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))
    preview_url = upload(client, BAD)["Location"]
    html = client.get(preview_url).content.decode()
    assert "geen geldig e-mailadres" in html and '<th scope="row">4</th>' in html
    assert "Verwerk deze wijzigingen" not in html
    # A forged post queues a job that refuses, changing nothing.
    job_page = client.get(client.post(preview_url)["Location"]).content.decode()
    assert "Er is niets gewijzigd: het bestand bevat fouten." in job_page
    assert not User.objects.filter(personnel_number="1001").exists()


def test_an_unreadable_file_gets_a_dutch_error(make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))
    response = upload(client, b"%PDF-1.4", name="hr.pdf")
    assert response.status_code == 200
    assert "Upload een CSV- of XLSX-bestand." in response.content.decode()
    assert not StaffImport.objects.exists()


@pytest.mark.parametrize("role", [Role.KERNTEAM, Role.LEIDINGGEVENDE, Role.GRIFFIE])
def test_other_roles_cannot_import(make_user, mfa_client_for, role):
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    home = reverse("wagtailadmin_home")
    response = client.get(reverse("staff_import"))
    assert response.status_code == 302 and response["Location"] == home
    record = StaffImport.objects.create(filename="hr.csv", rows=[])
    response = client.post(reverse("staff_import_preview", args=[record.pk]))
    assert response.status_code == 302 and response["Location"] == home


def test_the_command_runs_a_dry_run_unless_told_to_apply(tmp_path):
    path = tmp_path / "hr.csv"
    path.write_bytes(GOOD)
    out = StringIO()
    call_command("import_staff", str(path), stdout=out)
    assert "2 to create" in out.getvalue() and not User.objects.exists()
    call_command("import_staff", str(path), "--apply", stdout=StringIO())
    assert User.objects.count() == 2
    out = StringIO()
    call_command("import_staff", str(path), "--apply", stdout=out)
    assert "0 to create" in out.getvalue() and "2 unchanged" in out.getvalue()


def test_the_command_fails_loudly_on_errors(tmp_path):
    path = tmp_path / "hr.csv"
    path.write_bytes(BAD)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_staff", str(path), "--apply", stdout=StringIO(), stderr=err)
    assert "row 4" in err.getvalue()
    assert not User.objects.exists()


def test_a_partial_export_needs_a_tick_before_it_deactivates_people(make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))
    header = b"personeelsnummer;naam;e-mail;afdeling\n"
    lines = [f"{3000 + n};Persoon {n};p{n}@dordrecht.nl;PZ\n".encode() for n in range(20)]
    apply(client, upload(client, header + b"".join(lines))["Location"])
    preview_url = upload(client, header + b"".join(lines[:5]))["Location"]
    assert "Is het de volledige export?" in client.get(preview_url).content.decode()
    refused = client.get(apply(client, preview_url)["Location"]).content.decode()
    assert "bevestig dat zoveel mensen moeten worden uitgezet" in refused
    assert User.objects.active().filter(personnel_number__startswith="30").count() == 20
    assert apply(client, preview_url, bevestig_uitzetten="ja").status_code == 302
    assert User.objects.active().filter(personnel_number__startswith="30").count() == 5


def test_beheer_sees_and_sets_the_end_date_on_an_account(make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))
    person = make_user(Role.MEDEWERKER)
    html = client.get(reverse("wagtailusers_users:edit", args=[person.pk])).content.decode()
    assert 'name="end_date"' in html


def test_the_command_needs_the_flag_to_deactivate_many_people(tmp_path):
    header = b"personeelsnummer;naam;e-mail;afdeling\n"
    lines = [f"{4000 + n};Persoon {n};q{n}@dordrecht.nl;PZ\n".encode() for n in range(20)]
    full, partial = tmp_path / "full.csv", tmp_path / "partial.csv"
    full.write_bytes(header + b"".join(lines))
    partial.write_bytes(header + b"".join(lines[:5]))
    call_command("import_staff", str(full), "--apply", stdout=StringIO())
    with pytest.raises(CommandError, match="complete export"):
        call_command("import_staff", str(partial), "--apply", stdout=StringIO())
    assert User.objects.active().count() == 20
    call_command(
        "import_staff", str(partial), "--apply", "--allow-mass-deactivation", stdout=StringIO()
    )
    assert User.objects.active().count() == 5


def test_applying_refuses_when_weerbaar_changed_since_the_check(make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))
    preview_url = upload(client, GOOD)["Location"]
    page = client.get(preview_url).content.decode()
    shown = re.search(r'name="plan" value="([0-9a-f]+)"', page).group(1)
    make_user(Role.MEDEWERKER, email="l.jansen@dordrecht.nl", personnel_number="")  # meanwhile
    response = client.post(preview_url, {"plan": shown})
    assert response.status_code == 302
    job_page = client.get(response["Location"]).content.decode()
    assert "Weerbaar is veranderd" in job_page
    assert f'href="{preview_url}"' in job_page  # back to the dry run, to look again
    assert not User.objects.filter(personnel_number="1002").exists()


def test_an_old_check_cannot_be_applied(make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))
    preview_url = upload(client, GOOD)["Location"]
    StaffImport.objects.update(uploaded_at=timezone.now() - timedelta(days=2))
    response = apply(client, preview_url)
    assert response.status_code == 302 and not User.objects.filter(personnel_number="1001").exists()
