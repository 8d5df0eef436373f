"""Certificates: issued on completion, downloadable by the right people, verifiable by code."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from pypdf import PdfReader

from accounts.roles import Role
from modules.learning.models import Certificate, Enrolment
from modules.learning.rules import CODE_ALPHABET, normalise_certificate_code
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from tests.factories import AudienceFactory, DepartmentFactory, module_with_lessons

pytestmark = pytest.mark.django_db


def complete(user, module) -> Certificate:
    for lesson in module_lessons(module=module):
        lesson_complete(user=user, lesson=lesson)
    return Certificate.objects.get(enrolment__user=user, enrolment__module=module)


def pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF-")
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_completing_a_module_issues_one_certificate_with_a_readable_code(medewerker):
    module = module_with_lessons(lessons=2)
    certificate = complete(medewerker, module)
    assert certificate.code.startswith("WB-") and len(certificate.code) == 17
    assert set(certificate.code[3:].replace("-", "")) <= set(CODE_ALPHABET)
    lesson_complete(user=medewerker, lesson=module_lessons(module=module)[0])  # a replay
    assert Certificate.objects.filter(enrolment__user=medewerker).count() == 1


def test_no_certificate_before_completion(medewerker):
    module = module_with_lessons(lessons=2)
    lesson_complete(user=medewerker, lesson=module_lessons(module=module)[0])
    assert not Certificate.objects.exists()


def test_the_owner_downloads_a_valid_pdf_with_name_module_version_date_and_code(client, medewerker):
    module = module_with_lessons(lessons=1, title="Ondermijning herkennen", version=4)
    certificate = complete(medewerker, module)
    client.force_login(medewerker)
    response = client.get(reverse("certificate_pdf", args=[certificate.code]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert medewerker.get_full_name() in text
    assert "Ondermijning herkennen" in text and certificate.code in text
    assert "Versie" in text and "4" in text
    assert str(date.today().year) in text


def test_the_dashboard_links_the_certificate(client, medewerker):
    module = module_with_lessons(lessons=1)
    certificate = complete(medewerker, module)
    client.force_login(medewerker)
    html = client.get(reverse("my_learning")).content.decode()
    assert reverse("certificate_pdf", args=[certificate.code]) in html


def test_another_employee_gets_404(client, medewerker, make_user):
    certificate = complete(medewerker, module_with_lessons(lessons=1))
    client.force_login(make_user(Role.MEDEWERKER))
    assert client.get(reverse("certificate_pdf", args=[certificate.code])).status_code == 404


def test_anonymous_visitors_must_log_in_for_the_pdf(client, medewerker):
    certificate = complete(medewerker, module_with_lessons(lessons=1))
    response = client.get(reverse("certificate_pdf", args=[certificate.code]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_manager_downloads_only_for_their_own_departments(make_user, mfa_client_for):
    own, other = DepartmentFactory(), DepartmentFactory()
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE)
    own.managers.add(manager)
    module = module_with_lessons(lessons=1)
    in_scope = complete(make_user(department=own), module)
    out_of_scope = complete(make_user(department=other), module)
    client = mfa_client_for(manager)
    assert client.get(reverse("certificate_pdf", args=[in_scope.code])).status_code == 200
    assert client.get(reverse("certificate_pdf", args=[out_of_scope.code])).status_code == 404


def test_kernteam_downloads_staff_certificates_after_mfa_but_never_a_raadslids(
    client, make_user, kernteam_user, mfa_client_for
):
    module = module_with_lessons(lessons=1)
    staff = complete(make_user(Role.MEDEWERKER), module)
    council = complete(make_user(Role.RAADSLID, department=None), module)
    client.force_login(kernteam_user)
    assert client.get(reverse("certificate_pdf", args=[staff.code])).status_code == 404  # no MFA
    client.logout()
    mfa_client = mfa_client_for(kernteam_user)
    assert mfa_client.get(reverse("certificate_pdf", args=[staff.code])).status_code == 200
    assert mfa_client.get(reverse("certificate_pdf", args=[council.code])).status_code == 404


def test_the_raadslid_downloads_their_own(client, make_user):
    raadslid = make_user(Role.RAADSLID, department=None)
    certificate = complete(raadslid, module_with_lessons(lessons=1))
    client.force_login(raadslid)
    assert client.get(reverse("certificate_pdf", args=[certificate.code])).status_code == 200


def test_verification_shows_validity_module_date_and_initials_only(client, make_user):
    holder = make_user(first_name="Fatima", last_name="van den Berg")
    certificate = complete(holder, module_with_lessons(lessons=1, title="Signalen"))
    response = client.get(reverse("certificate_verify", args=[certificate.code]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit certificaat is geldig." in html and "Signalen" in html
    assert "F.V.D.B." in html
    assert "Fatima" not in html and "Berg" not in html and holder.email not in html


def test_an_unknown_code_is_not_found(client):
    response = client.get(reverse("certificate_verify", args=["WB-2222-3333-4444"]))
    assert response.status_code == 404
    assert "We vonden geen certificaat met de code WB-2222-3333-4444" in response.content.decode()


def test_a_typed_over_code_is_normalised(client, medewerker):
    certificate = complete(medewerker, module_with_lessons(lessons=1))
    typed = certificate.code.lower().replace("-", " ")
    assert normalise_certificate_code(typed) == certificate.code
    response = client.get(reverse("certificate_verify", args=[certificate.code.lower()]))
    assert response.status_code == 302
    assert response["Location"] == reverse("certificate_verify", args=[certificate.code])


def test_an_expired_completion_no_longer_verifies(client, make_user):
    audience = AudienceFactory(roles=[Role.MEDEWERKER])
    module = module_with_lessons(lessons=1)
    assignment_create(
        module=module, audience=audience, due_date=date.today(), renew_every_months=12
    )
    user = make_user()
    certificate = complete(user, module)
    Enrolment.objects.filter(pk=certificate.enrolment_id).update(
        expires_on=date.today() - timedelta(days=1)
    )
    html = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert "Dit certificaat is niet meer geldig." in html


def test_a_version_requiring_renewal_invalidates_older_certificates(client, medewerker):
    module = module_with_lessons(lessons=1, version=1)
    certificate = complete(medewerker, module)
    module.version = 2
    module.version_requires_renewal = True
    module.save_revision().publish()
    html = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert "Dit certificaat is niet meer geldig." in html
