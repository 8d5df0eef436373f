"""The demo's contact persons and the council's sessions (issue 15), on the package's shared
demo (``conftest.py``)."""

from __future__ import annotations

import pytest

from accounts.models import Audience, Department, User
from accounts.roles import Role
from demo.content.teamwork import CONTACT_PERSON_AUDIENCE
from home.models import ReportingPage, ReportingRoutes
from modules.awareness.models import RegistrationStatus, SessionKind, SessionPage, SessionTemplate
from modules.learning.models import ModulePage

pytestmark = pytest.mark.django_db


def test_every_department_has_an_example_contact_person(client):
    contact_persons = User.objects.filter(groups__name=Role.AANDACHTSFUNCTIONARIS.group_name)
    by_department = {person.department_id: person for person in contact_persons}
    assert set(by_department) == set(Department.objects.values_list("pk", flat=True))
    for person in contact_persons.select_related("department"):
        assert person.first_name == "Voorbeeld"
        assert person.last_name == f"Contactpersoon {person.department.name}"
        assert person.email == f"contactpersoon.{person.department.code.lower()}@weerbaar.test"
    contacts = ReportingRoutes.load().department_contacts.select_related("department")
    assert {c.department_id for c in contacts} == set(by_department)
    assert all(c.email == by_department[c.department_id].email for c in contacts)

    # "Signaal melden" shows the contacts to staff who are logged in (they are internal).
    client.force_login(User.objects.get(email="medewerker@weerbaar.test"))
    body = client.get(ReportingPage.objects.get().url).content.decode()
    for department in Department.objects.all():
        assert f"contactpersoon.{department.code.lower()}@weerbaar.test" in body


def test_contact_persons_have_their_audience_track_and_casustafel():
    audience = Audience.objects.get(name=CONTACT_PERSON_AUDIENCE["name"])
    module = ModulePage.objects.get(slug="aandachtsfunctionaris-ondermijning")
    assert module.audience == audience and module.get_children().count() == 2
    (casustafel,) = SessionPage.objects.filter(kind=SessionKind.CASUSTAFEL)
    assert casustafel.audience == audience and casustafel.live
    assert casustafel.registrations.filter(status=RegistrationStatus.REGISTERED).count() == 4
    assert set(SessionTemplate.objects.values_list("kind", flat=True)) == set(SessionKind.values)


def test_council_sessions_exist_with_council_registrations():
    council = Audience.objects.get(name="Raadsleden")
    werkbezoek = SessionPage.objects.get(kind=SessionKind.WERKBEZOEK)
    gesprek = SessionPage.objects.get(kind=SessionKind.GESPREK)
    for session in (werkbezoek, gesprek):
        assert session.audience == council
        assert session.location.startswith("Voorbeeldlocatie")
        assert not session.registrations.exclude(
            user__groups__name=Role.RAADSLID.group_name
        ).exists()
    assert werkbezoek.registrations.count() >= 6
    assert 0 < gesprek.registrations.count() < 5
    # The demo raadslid is among them, so the council account shows its own place.
    assert werkbezoek.registrations.filter(user__email="raadslid@weerbaar.test").exists()
