"""Raadsleden in sessions are visible individually to nobody else (issue 15).

The kernteam's participant list, the session reports and their exports, and the learner pages
never show a raadslid by name or email; raadsleden show only as counts of five or more, else
"minder dan 5". A raadslid still checks in with the code and sees their own place.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from modules.awareness.models import Registration, SessionKind
from tests.factories import AudienceFactory, a_session

pytestmark = pytest.mark.django_db

SECRET_SURNAME = "Geheimraad"


@pytest.fixture
def council_session(make_user):
    """A werkbezoek for the council that started 20 minutes ago: six raadsleden with a place
    (three came), one on the waitlist, and one colleague of the kernteam with a place."""
    council = AudienceFactory(name="Raadsleden", roles=[Role.RAADSLID])
    started = timezone.now() - timedelta(minutes=20)
    session = a_session(
        title="Werkbezoek met het kernteam",
        kind=SessionKind.WERKBEZOEK,
        audience=council,
        starts_at=started,
        ends_at=started + timedelta(hours=2),
        capacity=6,
    )
    members = [
        make_user(Role.RAADSLID, first_name=f"Lid{n}", last_name=SECRET_SURNAME) for n in range(7)
    ]
    for n, member in enumerate(members[:6]):
        Registration.objects.create(
            session=session,
            user=member,
            status="registered",
            attended_at=started if n < 3 else None,
        )
    Registration.objects.create(
        session=session, user=members[6], status="waitlisted", waitlisted_at=started
    )
    colleague = make_user(first_name="Kees", last_name="Collega")
    Registration.objects.create(session=session, user=colleague, status="registered")
    return {"session": session, "members": members, "colleague": colleague}


def assert_no_council_member_named(text: str, members) -> None:
    assert SECRET_SURNAME not in text
    for member in members:
        assert member.email not in text
        assert f'value="{member.pk}"' not in text


def report_rows(client, name: str) -> tuple[str, list[dict]]:
    response = client.get(reverse(f"sessions_report_{name}"), {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return text, list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_the_kernteams_participant_list_counts_raadsleden_and_names_none(
    council_session, kernteam_user, mfa_client_for
):
    client = mfa_client_for(kernteam_user)
    url = reverse("awareness_attendance", args=[council_session["session"].pk])
    body = client.get(url).content.decode()
    assert_no_council_member_named(body, council_session["members"])
    assert "Kees Collega" in body  # staff stay on the list by name
    assert "1 deelnemer" in body  # the heading counts the named list only
    council = body[body.index('id="council-title"') :]
    # Six places: shown. Three came (and 6 - 3 is small too), one waits: "minder dan 5".
    assert "<dd>6</dd>" in council
    assert council.count("minder dan 5") == 2


def test_saving_the_list_leaves_raadsleden_check_ins_alone(
    council_session, kernteam_user, mfa_client_for
):
    client = mfa_client_for(kernteam_user)
    url = reverse("awareness_attendance", args=[council_session["session"].pk])
    colleague = council_session["colleague"]
    response = client.post(url, {"aanwezig": [str(colleague.pk)]}, follow=True)
    body = response.content.decode()
    assert "1 aanwezig" in body  # the message counts the named list only
    assert_no_council_member_named(body, council_session["members"])
    present = set(
        Registration.objects.filter(attended_at__isnull=False).values_list("user_id", flat=True)
    )
    assert present == {colleague.pk, *(m.pk for m in council_session["members"][:3])}


def test_the_session_reports_and_exports_show_raadsleden_as_counts_only(
    council_session, kernteam_user, mfa_client_for, make_user
):
    few = a_session(title="Klein gesprek", kind=SessionKind.GESPREK)
    for _ in range(2):
        Registration.objects.create(
            session=few,
            user=make_user(Role.RAADSLID, last_name=SECRET_SURNAME),
            status="registered",
        )
    client = mfa_client_for(kernteam_user)
    text, rows = report_rows(client, "sessions")
    assert_no_council_member_named(text, council_session["members"])
    by_title = {row["Sessie"]: row for row in rows}
    visit = by_title["Werkbezoek met het kernteam"]
    assert visit["Soort sessie"] == "Werkbezoek"
    assert (visit["Plaatsen bezet"], visit["Wachtlijst"], visit["Aanwezig"]) == ("1", "0", "0")
    assert visit["Raadsleden: plaatsen bezet"] == "6"
    assert visit["Raadsleden: aanwezig"] == "minder dan 5"
    small = by_title["Klein gesprek"]
    assert small["Plaatsen bezet"] == "0"
    assert small["Raadsleden: plaatsen bezet"] == "minder dan 5"

    html = client.get(reverse("sessions_report_sessions")).content.decode()
    assert_no_council_member_named(html, council_session["members"])
    assert "minder dan 5" in html

    text, (year,) = report_rows(client, "years")
    assert_no_council_member_named(text, council_session["members"])
    assert year["Plaatsen bezet"] == "1"
    assert year["Raadsleden: plaatsen bezet"] == "6"


def test_a_raadslid_checks_in_with_the_code_and_sees_only_their_own_place(council_session, client):
    session = council_session["session"]
    member = council_session["members"][4]  # has a place, not checked in yet
    client.force_login(member)
    body = client.get(session.url).content.decode()
    assert "Je bent aangemeld" in body
    # No count of places that would tell how many other raadsleden come.
    assert "van 6 vrij" not in body and "op de wachtlijst" not in body
    for other in council_session["members"]:
        if other != member:
            assert other.email not in body and other.get_full_name() not in body
    response = client.post(
        reverse("session_checkin", args=[session.pk]),
        {"code": session.checkin_code_at(timezone.now())},
        follow=True,
    )
    assert "Je bent ingecheckt" in response.content.decode()
    assert Registration.objects.get(user=member).attended_at is not None

    ics = client.get(reverse("session_ics", args=[session.pk])).content.decode()
    assert SECRET_SURNAME not in ics


def test_other_roles_cannot_open_the_participant_list(council_session, client, make_user):
    url = reverse("awareness_attendance", args=[council_session["session"].pk])
    client.force_login(council_session["members"][0])
    assert client.get(url).status_code in (302, 403)


@pytest.mark.parametrize("raadsleden", [6, 30])
def test_the_participant_list_runs_a_constant_number_of_queries(
    raadsleden, make_user, kernteam_user, mfa_client_for, django_assert_max_num_queries
):
    session = a_session(starts_at=timezone.now() - timedelta(minutes=5), capacity=100)
    for _ in range(raadsleden):
        Registration.objects.create(
            session=session, user=make_user(Role.RAADSLID), status="registered"
        )
        Registration.objects.create(session=session, user=make_user(), status="registered")
    client = mfa_client_for(kernteam_user)
    url = reverse("awareness_attendance", args=[session.pk])
    with django_assert_max_num_queries(25):
        assert client.get(url).status_code == 200
