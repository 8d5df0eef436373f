"""Hidden council counts cannot be worked out by subtraction (review of issue 15).

A year total minus the shown session rows, the places minus the staff's places in a full
session, a waitlist position with only raadsleden ahead, and numbers that vanish when the first
raadslid registers: each would tell how many raadsleden came. These tests pin the rules of
:mod:`modules.reporting.attendance` and :mod:`modules.awareness.selectors`.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from modules.awareness.models import Registration, SessionKind, SessionTemplate
from tests.factories import AudienceFactory, a_session

pytestmark = pytest.mark.django_db

FEW = "minder dan 5"


def report(client, name: str) -> list[dict]:
    response = client.get(reverse(f"sessions_report_{name}"), {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def held_session(title: str, *, days_ago: int, **kwargs):
    starts = timezone.now() - timedelta(days=days_ago)
    return a_session(title=title, starts_at=starts, ends_at=starts + timedelta(hours=2), **kwargs)


def council_places(make_user, session, count: int, *, attended: int = 0) -> None:
    for n in range(count):
        Registration.objects.create(
            session=session,
            user=make_user(Role.RAADSLID),
            status="registered",
            attended_at=session.starts_at if n < attended else None,
        )


@pytest.fixture
def this_year_days():
    """Days ago that stay within this calendar year (both sessions in the same year row)."""
    today = timezone.localdate()
    return (0, 0) if today.timetuple().tm_yday < 3 else (1, 2)


def test_a_year_hides_its_council_total_when_it_would_give_back_a_hidden_session(
    make_user, kernteam_user, mfa_client_for, this_year_days
):
    visit = held_session("Werkbezoek", days_ago=this_year_days[0], kind=SessionKind.WERKBEZOEK)
    talk = held_session("Gesprek", days_ago=this_year_days[1], kind=SessionKind.GESPREK)
    council_places(make_user, visit, 7, attended=7)
    council_places(make_user, talk, 3, attended=3)
    client = mfa_client_for(kernteam_user)
    by_title = {row["Sessie"]: row for row in report(client, "sessions")}
    assert by_title["Werkbezoek"]["Raadsleden: plaatsen bezet"] == "7"
    assert by_title["Gesprek"]["Raadsleden: plaatsen bezet"] == FEW
    (year,) = report(client, "years")
    # 10 - 7 would be 3: the year's figures are hidden too.
    assert year["Raadsleden: plaatsen bezet"] == FEW
    assert year["Raadsleden: aanwezig"] == FEW
    html = client.get(reverse("sessions_report_years")).content.decode()
    assert ">10<" not in html


def test_a_year_shows_its_council_total_when_the_hidden_sessions_add_up_to_five_or_more(
    make_user, kernteam_user, mfa_client_for, this_year_days
):
    first = held_session("Gesprek een", days_ago=this_year_days[0])
    second = held_session("Gesprek twee", days_ago=this_year_days[1])
    council_places(make_user, first, 3)
    council_places(make_user, second, 3)
    client = mfa_client_for(kernteam_user)
    (year,) = report(client, "years")
    # 6 - 0 shown gives only the sum of two hidden sessions, not either one.
    assert year["Raadsleden: plaatsen bezet"] == "6"
    # Nobody came to either: a hidden 0, so the year's 0 would say so. Hidden.
    assert year["Raadsleden: aanwezig"] == FEW


@pytest.fixture
def full_session(make_user):
    """Six places: three staff, three raadsleden, and one colleague waiting."""
    session = a_session(title="Volle sessie", capacity=6)
    council_places(make_user, session, 3)
    for _ in range(3):
        Registration.objects.create(session=session, user=make_user(), status="registered")
    waiting = make_user(first_name="Wim", last_name="Wachter")
    Registration.objects.create(
        session=session, user=waiting, status="waitlisted", waitlisted_at=timezone.now()
    )
    return session


def test_a_full_session_with_few_raadsleden_shows_no_places_or_waitlist(
    full_session, kernteam_user, mfa_client_for
):
    client = mfa_client_for(kernteam_user)
    (row,) = report(client, "sessions")
    assert row["Raadsleden: plaatsen bezet"] == FEW
    assert row["Plaatsen bezet"] == "3"  # the staff's places, as on the named list
    assert (row["Plaatsen"], row["Wachtlijst"]) == ("—", "—")  # 6 - 3 would give 3

    body = client.get(reverse("awareness_attendance", args=[full_session.pk])).content.decode()
    assert "3 deelnemers" in body
    assert "op de wachtlijst." not in body
    assert "Wachtlijst: —" in body


def test_a_session_with_five_raadsleden_or_none_shows_its_places_and_waitlist(
    make_user, kernteam_user, mfa_client_for
):
    session = a_session(title="Grote sessie", capacity=6)
    council_places(make_user, session, 5)
    Registration.objects.create(session=session, user=make_user(), status="registered")
    Registration.objects.create(
        session=session, user=make_user(), status="waitlisted", waitlisted_at=timezone.now()
    )
    client = mfa_client_for(kernteam_user)
    (row,) = report(client, "sessions")
    assert (row["Plaatsen"], row["Wachtlijst"], row["Raadsleden: plaatsen bezet"]) == (
        "6",
        "1",
        "5",
    )
    body = client.get(reverse("awareness_attendance", args=[session.pk])).content.decode()
    assert "1 persoon op de wachtlijst." in body
    assert "Wachtlijst: —" not in body


# -- Casustafel: contact persons only -----------------------------------------------------------


@pytest.mark.parametrize(
    "roles",
    [[Role.MEDEWERKER], [], [Role.AANDACHTSFUNCTIONARIS, Role.MEDEWERKER]],
    ids=["alle-medewerkers", "iedereen", "extra-rol"],
)
def test_a_casustafel_needs_an_audience_of_contact_persons_only(roles):
    audience = AudienceFactory(name="Alle medewerkers", roles=roles)
    session = a_session()
    session.kind, session.audience = SessionKind.CASUSTAFEL, audience
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "alleen voor aandachtsfunctionarissen" in str(error.value.message_dict["audience"])
    template = SessionTemplate(
        title="Casustafel", kind=SessionKind.CASUSTAFEL, capacity=12, audience=audience
    )
    with pytest.raises(ValidationError) as error:
        template.clean()
    assert "audience" in error.value.message_dict


def test_a_casustafel_for_contact_persons_passes():
    audience = AudienceFactory(name="Aandachtsfunctionarissen", roles=[Role.AANDACHTSFUNCTIONARIS])
    session = a_session()
    session.kind, session.audience = SessionKind.CASUSTAFEL, audience
    session.clean()  # no error
    SessionTemplate(
        title="Casustafel", kind=SessionKind.CASUSTAFEL, capacity=12, audience=audience
    ).clean()


# -- Learner pages -------------------------------------------------------------------------------


def staff_only():
    return AudienceFactory(name="Medewerkers", roles=[Role.MEDEWERKER])


def test_no_waitlist_position_when_raadsleden_may_be_ahead(client, make_user):
    session = a_session(capacity=1)  # no audience: raadsleden may register too
    Registration.objects.create(session=session, user=make_user(), status="registered")
    first = timezone.now() - timedelta(minutes=10)
    for minutes in (0, 1):
        Registration.objects.create(
            session=session,
            user=make_user(Role.RAADSLID),
            status="waitlisted",
            waitlisted_at=first + timedelta(minutes=minutes),
        )
    colleague = make_user()
    Registration.objects.create(
        session=session, user=colleague, status="waitlisted", waitlisted_at=timezone.now()
    )
    client.force_login(colleague)
    body = client.get(session.url).content.decode()
    assert "Je staat op de wachtlijst." in body
    assert "nummer" not in body


def test_a_staff_only_session_tells_the_waitlist_position(client, make_user):
    session = a_session(capacity=1, audience=staff_only())
    Registration.objects.create(session=session, user=make_user(), status="registered")
    Registration.objects.create(
        session=session,
        user=make_user(),
        status="waitlisted",
        waitlisted_at=timezone.now() - timedelta(minutes=5),
    )
    colleague = make_user()
    Registration.objects.create(
        session=session, user=colleague, status="waitlisted", waitlisted_at=timezone.now()
    )
    client.force_login(colleague)
    body = client.get(session.url).content.decode()
    assert "nummer 2" in body


def test_sessions_open_to_raadsleden_hide_their_numbers_before_any_raadslid_registers(
    client, make_user
):
    open_session = a_session(title="Voor iedereen", capacity=10)
    council_audience = AudienceFactory(name="Raad", roles=[Role.RAADSLID, Role.MEDEWERKER])
    council_session = a_session(title="Met de raad", capacity=10, audience=council_audience)
    colleague = make_user()
    client.force_login(colleague)
    for session in (open_session, council_session):
        body = client.get(session.url).content.decode()
        assert "van 10 vrij" not in body
        assert "Er zijn nog plaatsen vrij" in body
    overview = client.get(open_session.get_parent().url).content.decode()
    assert "10 plaatsen vrij" not in overview


def test_a_staff_only_session_shows_its_free_places(client, make_user):
    session = a_session(title="Alleen medewerkers", capacity=10, audience=staff_only())
    Registration.objects.create(session=session, user=make_user(), status="registered")
    client.force_login(make_user())
    body = client.get(session.url).content.decode()
    assert "9 van 10 vrij" in body
    overview = client.get(session.get_parent().url).content.decode()
    assert "9 plaatsen vrij" in overview


def test_raadsleden_holding_offered_places_cannot_be_worked_out(
    make_user, kernteam_user, mfa_client_for
):
    """An offer holds a place (as the services count it): 4 places, 2 staff registered and 2
    raadsleden offered must not read "4 places, 2 taken, 0 raadsleden"."""
    session = a_session(title="Aanbod", capacity=4)
    until = timezone.now() + timedelta(days=2)
    for _ in range(2):
        Registration.objects.create(session=session, user=make_user(), status="registered")
        Registration.objects.create(
            session=session,
            user=make_user(Role.RAADSLID),
            status="offered",
            offer_expires_at=until,
        )
    offered_staff = make_user(first_name="Olga", last_name="Aanbod")
    client = mfa_client_for(kernteam_user)
    (row,) = report(client, "sessions")
    assert row["Raadsleden: plaatsen bezet"] == FEW
    assert (row["Plaatsen"], row["Wachtlijst"]) == ("—", "—")  # 4 - 2 would give 2
    assert row["Plaatsen bezet"] == "2"

    body = client.get(reverse("awareness_attendance", args=[session.pk])).content.decode()
    assert "Wachtlijst: —" in body
    council = body[body.index('id="council-title"') :]
    assert f"Plaatsen bezet</dt><dd>{FEW}</dd>" in council  # not 0

    # Staff holding an offer are on the kernteam's list, marked as an offer.
    staff = Registration.objects.filter(session=session, status="registered").first()
    Registration.objects.filter(pk=staff.pk).update(status="offered", offer_expires_at=until)
    Registration.objects.create(
        session=session, user=offered_staff, status="waitlisted", waitlisted_at=until
    )
    body = client.get(reverse("awareness_attendance", args=[session.pk])).content.decode()
    assert "2 deelnemers" in body
    assert "aanbod" in body and f'value="{staff.user_id}"' not in body
    assert "Olga Aanbod" not in body  # the waitlist stays hidden with few raadsleden
