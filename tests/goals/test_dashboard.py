""" "Doelen in cijfers": the kernteam and HR see the organisation and may choose any department,
a manager the organisation and only their own departments (also when another id is put in the
address), the griffie, raadsleden and plain staff are refused; a fixed number of queries at
two sizes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from modules.goals.indicators import SESSION_ATTENDED
from modules.goals.models import Indicator, IndicatorSnapshot
from tests.factories import DepartmentFactory
from tests.goals.frozen import HIDDEN, a_target, freeze, months_back

pytestmark = pytest.mark.django_db

URL = "/admin/rapportages/doelen-in-cijfers/"


@pytest.fixture
def world(make_user):
    sessions = Indicator.objects.get(key=SESSION_ATTENDED)
    ours, theirs = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="Geheim VTH")
    months = months_back(3)
    for month in months:
        freeze(sessions, month, "91", {ours: "77.7", theirs: "66.6"})
    a_target(sessions, months[0], months[-1], "95", by=make_user(Role.KERNTEAM))
    return {"ours": ours, "theirs": theirs, "months": months}


def test_the_url_and_the_menu_item():
    assert reverse("goals_dashboard") == URL


@pytest.mark.parametrize("role", [Role.KERNTEAM, Role.BEHEER])
def test_kernteam_and_hr_see_the_organisation_and_any_department(
    world, role, make_user, mfa_client_for
):
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    assert f'"{URL}"' in client.get("/admin/").content.decode()
    html = client.get(URL).content.decode()
    assert "Doelen in cijfers" in html and "91%" in html
    assert "Doel niet gehaald: 91% tegen een doel van 95%" in html
    assert "66,6%" not in html  # no department until one is chosen
    html = client.get(URL, {"afdeling": world["theirs"].pk}).content.decode()
    assert "Geheim VTH" in html and "66,6%" in html


def test_a_manager_sees_the_organisation_and_only_their_own_department(
    world, make_user, mfa_client_for
):
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE)
    world["ours"].managers.add(manager)
    client = mfa_client_for(manager)
    html = client.get(URL).content.decode()
    assert "91%" in html and "77,7%" in html  # the organisation, and their department
    assert "Geheim VTH" not in html and "66,6%" not in html
    # Another department's id in the address: ignored, never shown.
    html = client.get(URL, {"afdeling": world["theirs"].pk}).content.decode()
    assert "Geheim VTH" not in html and "66,6%" not in html and "77,7%" not in html
    assert "Je kunt de cijfers van die afdeling niet zien" in html
    for value in ("abc", "-1", ""):
        html = client.get(URL, {"afdeling": value}).content.decode()
        assert "66,6%" not in html


def test_a_hidden_department_month_stays_hidden(world, make_user, mfa_client_for):
    sessions = Indicator.objects.get(key=SESSION_ATTENDED)
    small = DepartmentFactory(name="Klein team")
    month = months_back(4)[0]
    freeze(sessions, month, "88", {small: HIDDEN})
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    html = client.get(URL, {"afdeling": small.pk}).content.decode()
    assert "verborgen (minder dan 5 personen)" in html


@pytest.mark.parametrize("role", [Role.GRIFFIE, Role.RAADSLID, Role.MEDEWERKER])
def test_the_griffie_raadsleden_and_staff_are_refused(
    world, role, make_user, mfa_client_for, client
):
    user = make_user(role)
    if role == Role.GRIFFIE:
        client = mfa_client_for(user)
        assert f'"{URL}"' not in client.get("/admin/").content.decode()
    else:
        client.force_login(user)
    response = client.get(URL, {"afdeling": world["ours"].pk})
    assert response.status_code in (302, 403)
    assert "91%" not in response.content.decode()
    if response.status_code == 302:
        assert response["Location"] != URL


def test_anonymous_visitors_go_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]


def grow(*, months: int, departments: int) -> None:
    sessions = Indicator.objects.get(key=SESSION_ATTENDED)
    teams = [DepartmentFactory() for _ in range(departments)]
    for month in months_back(months):
        freeze(sessions, month, "90", dict.fromkeys(teams, "80"))


@pytest.mark.parametrize("kind", ["kernteam", "manager"])
def test_a_fixed_number_of_queries_at_two_sizes(
    kind, make_user, mfa_client_for, django_assert_max_num_queries
):
    user = make_user(Role.MEDEWERKER, Role.KERNTEAM if kind == "kernteam" else Role.LEIDINGGEVENDE)
    mine = DepartmentFactory(name="Eigen afdeling")
    mine.managers.add(user)
    client = mfa_client_for(user)
    grow(months=3, departments=2)
    client.get(URL, {"afdeling": mine.pk})  # warm-up: what the process caches once
    with CaptureQueriesContext(connection) as small:
        assert client.get(URL, {"afdeling": mine.pk}).status_code == 200
    count = len(small)  # now: the connection's query log is a ring that the inserts turn
    # Larger: 20 months more history (the window grows to 23 months) and 25 more departments.
    IndicatorSnapshot.objects.all().delete()
    grow(months=23, departments=25)
    client.get(URL, {"afdeling": mine.pk})  # warm-up again: the new departments reset caches
    with django_assert_max_num_queries(count):
        assert client.get(URL, {"afdeling": mine.pk}).status_code == 200
