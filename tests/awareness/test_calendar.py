"""The .ics file, read back with a standard iCalendar parser (the ``icalendar`` library)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import a_session

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_the_calendar_file_has_the_event_times_in_amsterdam_time(client, medewerker):
    starts = datetime(2027, 3, 30, 9, 30, tzinfo=AMSTERDAM)  # just after the switch to summer time
    session = a_session(
        title="Ondermijning op bedrijventerreinen",
        starts_at=starts,
        ends_at=starts.replace(hour=11, minute=45),
        location="Stadskantoor, zaal 3",
    )
    client.force_login(medewerker)
    response = client.get(reverse("session_ics", args=[session.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")

    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]).startswith(f"bewustwordingssessie-{session.pk}@")
    assert event["DTSTAMP"].dt.tzinfo is not None
    start, end = event["DTSTART"], event["DTEND"]
    assert start.params["TZID"] == "Europe/Amsterdam"
    assert start.dt == starts and end.dt == starts.replace(hour=11, minute=45)
    assert start.dt.utcoffset().total_seconds() == 2 * 3600  # CEST
    assert str(event["SUMMARY"]) == "Ondermijning op bedrijventerreinen"
    assert str(event["LOCATION"]) == "Stadskantoor, zaal 3"
    assert str(event["ORGANIZER"]).startswith("mailto:")  # required with METHOD (RFC 5546)
    assert int(event["SEQUENCE"]) >= 0
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Amsterdam"


def test_a_session_outside_the_audience_has_no_calendar_file(client, make_user):
    from accounts.roles import Role
    from tests.factories import AudienceFactory

    session = a_session(audience=AudienceFactory(roles=[Role.RAADSLID]))
    client.force_login(make_user(Role.MEDEWERKER))
    assert client.get(reverse("session_ics", args=[session.pk])).status_code == 404
