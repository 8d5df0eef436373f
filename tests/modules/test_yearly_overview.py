""" "Weerbaarheid in cijfers": the kernteam exports aggregates for the council, as a page and a
PDF; no group under five and no names."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from accounts.models import AdminJob
from accounts.roles import Role
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from tests.factories import AudienceFactory, DepartmentFactory, a_trend, module_with_lessons

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user):
    today = timezone.localdate()
    pz, vth = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="VTH")
    big = module_with_lessons(lessons=1, title="Onboarding ondermijning")
    assignment_create(module=big, audience=None, due_date=today + timedelta(days=10))
    small = module_with_lessons(lessons=1, title="Alleen voor VTH")
    assignment_create(module=small, audience=AudienceFactory(departments=[vth]), due_date=today)
    people = [make_user(Role.MEDEWERKER, department=pz, last_name=f"Pz{n}") for n in range(6)]
    people += [make_user(Role.MEDEWERKER, department=vth, last_name=f"Vth{n}") for n in range(3)]
    for person in people[:3]:
        lesson_complete(user=person, lesson=module_lessons(module=big)[0])
    a_trend(title="Drugs in opslagboxen")
    return {"people": people}


def test_the_overview_shows_aggregates_and_no_group_under_five(world, make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM, department=None))
    html = client.get(reverse("yearly_overview")).content.decode()
    assert "Onboarding ondermijning" in html and "Drugs in opslagboxen" in html
    assert "Alleen voor VTH" not in html  # three people: too few to show
    assert "Pz0" not in html and "Vth0" not in html


def test_the_pdf_has_the_same_figures(world, make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    # Made in the background (tests/reporting/test_yearly_job.py), downloaded from its page.
    client.post(reverse("yearly_overview"))
    response = client.get(reverse("yearly_overview_pdf", args=[AdminJob.objects.get().pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    content = b"".join(response.streaming_content)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Weerbaarheid in cijfers" in text
    assert "Onboarding ondermijning" in text and "Alleen voor VTH" not in text
    assert "Pz0" not in text


@pytest.mark.parametrize("role", [Role.BEHEER, Role.LEIDINGGEVENDE])
def test_only_the_kernteam_and_the_griffie_export_it(make_user, mfa_client_for, role):
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    response = client.post(reverse("yearly_overview"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
