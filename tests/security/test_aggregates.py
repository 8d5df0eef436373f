"""Aggregates cannot be turned back into people.

* "Weerbaarheid in cijfers" never shows a count of one to four people, months included, nor a
  figure whose difference with a total next to it is one to four, on screen and in the PDF.
* The griffie's "Deelname van de raad" publishes frozen figures per closed calendar quarter:
  two exports on different days give the same figures, whatever members did in between, and
  the running quarter is never shown (so its changes cannot isolate one member).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from accounts.models import AdminJob, AdminJobKind, User
from accounts.roles import Role
from core.dates import add_months
from modules.council.models import CouncilParticipationSnapshot
from modules.council.selectors import published_council_participation
from modules.learning.models import Enrolment
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from portal.mydata import self_study_delete
from tests.factories import AudienceFactory, DepartmentFactory, module_with_lessons

pytestmark = pytest.mark.django_db

MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
FIGURE = r"(\d+|minder dan \d+)"
MONTH_ROW = re.compile(rf"(?:{MONTHS}) \d{{4}}\s+{FIGURE}\s+{FIGURE}")


def plain_text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def small_month_counts(text: str) -> list[str]:
    return [
        value
        for row in MONTH_ROW.findall(text)
        for value in row
        if value.isdigit() and 0 < int(value) < 5
    ]


@pytest.fixture
def small_year(make_user):
    """Six people must do a module; five completed it (two last month, three this month)."""
    today = timezone.localdate()
    department = DepartmentFactory(name="Publiekszaken")
    module = module_with_lessons(lessons=1, title="Onboarding ondermijning")
    assignment_create(
        module=module,
        audience=AudienceFactory(departments=[department]),
        due_date=today + timedelta(days=10),
    )
    people = [make_user(Role.MEDEWERKER, department=department) for _ in range(6)]
    lesson = module_lessons(module=module)[0]
    for person in people[:5]:
        lesson_complete(user=person, lesson=lesson)
    last_month = timezone.make_aware(
        datetime.combine(add_months(today.replace(day=1), -1) + timedelta(days=9), time(12))
    )
    Enrolment.objects.filter(user__in=people[:2]).update(
        completed_at=last_month, started_at=last_month
    )
    return people


def test_the_yearly_overview_never_shows_a_small_count(small_year, make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM, department=None))
    html = client.get(reverse("yearly_overview")).content.decode()
    text = plain_text(html)
    assert "Onboarding ondermijning" in text
    assert len(MONTH_ROW.findall(text)) == 12
    assert small_month_counts(text) == []
    assert "minder dan 5" in text
    # Six people and five completed: "5" or "83%" would say that exactly one did not.
    assert not re.search(r"Onboarding ondermijning 6 5\b", text) and "83%" not in text

    # The PDF is made by a background job (run at once by the tests' task backend).
    assert client.post(reverse("yearly_overview")).status_code == 302
    job = AdminJob.objects.filter(kind=AdminJobKind.YEARLY_OVERVIEW).latest("pk")
    response = client.get(reverse("yearly_overview_pdf", args=[job.pk]))
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    pdf = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    pdf = " ".join(pdf.split())
    assert len(MONTH_ROW.findall(pdf)) == 12
    assert small_month_counts(pdf) == []
    assert "minder dan 5" in pdf
    assert not re.search(r"Onboarding ondermijning 6 5\b", pdf) and "83%" not in pdf


def current_quarter_start(today):
    return today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)


def export_rows(client) -> list[dict[str, str]]:
    response = client.get(reverse("council_participation_report"), {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def quarter_label(start) -> str:
    return f"Kwartaal {(start.month - 1) // 3 + 1} van {start.year}"


@pytest.fixture
def council_last_quarter(make_user):
    """Ten members (all since before last quarter), five of whom completed the council's
    module in the middle of last quarter."""
    today = timezone.localdate()
    last_quarter = add_months(current_quarter_start(today), -3)
    during = timezone.make_aware(datetime.combine(last_quarter + timedelta(days=20), time(12)))
    audience = AudienceFactory(roles=[Role.RAADSLID])
    module = module_with_lessons(lessons=1, title="De raad en ondermijning", audience=audience)
    members = [make_user(Role.RAADSLID) for _ in range(10)]
    User.objects.filter(pk__in=[m.pk for m in members]).update(
        date_joined=during - timedelta(days=60)
    )
    lesson = module_lessons(module=module)[0]
    for member in members[:5]:
        lesson_complete(user=member, lesson=lesson)
    Enrolment.objects.filter(user__in=members[:5]).update(
        created_at=during, started_at=during, completed_at=during
    )
    return {"members": members, "lesson": lesson, "last_quarter": last_quarter}


def test_the_griffie_report_freezes_a_closed_quarter(
    council_last_quarter, make_user, mfa_client_for
):
    griffie = mfa_client_for(make_user(Role.GRIFFIE))
    label = quarter_label(council_last_quarter["last_quarter"])
    running = quarter_label(current_quarter_start(timezone.localdate()))

    def module_row(rows):
        return next(
            row
            for row in rows
            if row["Module"] == "De raad en ondermijning" and row.get("Kwartaal", label) == label
        )

    first = export_rows(griffie)
    before = module_row(first)
    assert (before["Begonnen"], before["Afgerond"]) == ("5", "5")
    assert all(row.get("Kwartaal") != running for row in first)

    # In between: one member deletes their self-study, two others complete the module now.
    members, lesson = council_last_quarter["members"], council_last_quarter["lesson"]
    self_study_delete(user=members[0])
    for member in members[5:7]:
        lesson_complete(user=member, lesson=lesson)

    second = export_rows(griffie)
    assert module_row(second) == before
    assert all(row.get("Kwartaal") != running for row in second)
    html = griffie.get(reverse("council_participation_report")).content.decode()
    assert "per kwartaal" in html and label in html and running not in html

    # And on a later day (the selector takes the day) the same quarter reads the same.
    later = published_council_participation(today=timezone.localdate() + timedelta(days=35))
    quarter = next(q for q in later if q.start == council_last_quarter["last_quarter"])
    figures = next(m for m in quarter.figures.modules if m.module == "De raad en ondermijning")
    assert (figures.started, figures.completed) == (5, 5)


def test_two_quarters_side_by_side_do_not_single_out_the_few_who_acted_in_between(
    council_last_quarter, make_user, mfa_client_for
):
    """Of twenty members, five completed the module two quarters ago and two more last quarter:
    "5, then 7" would tell the griffie that exactly two members completed it last quarter."""
    lesson = council_last_quarter["lesson"]
    members = council_last_quarter["members"] + [make_user(Role.RAADSLID) for _ in range(10)]
    last_quarter = council_last_quarter["last_quarter"]
    earlier_quarter = add_months(last_quarter, -3)
    before = timezone.make_aware(datetime.combine(earlier_quarter + timedelta(days=20), time(12)))
    during = timezone.make_aware(datetime.combine(last_quarter + timedelta(days=20), time(12)))
    User.objects.filter(pk__in=[m.pk for m in members]).update(
        date_joined=before - timedelta(days=60)
    )
    Enrolment.objects.filter(user__in=members[:5]).update(
        created_at=before, started_at=before, completed_at=before
    )
    for member in members[5:7]:
        lesson_complete(user=member, lesson=lesson)
    Enrolment.objects.filter(user__in=members[5:7]).update(
        created_at=during, started_at=during, completed_at=during
    )

    griffie = mfa_client_for(make_user(Role.GRIFFIE))
    rows = {
        row["Kwartaal"]: row
        for row in export_rows(griffie)
        if row["Module"] == "De raad en ondermijning"
    }
    assert (rows[quarter_label(earlier_quarter)]["Afgerond"]) == "5"
    assert rows[quarter_label(last_quarter)]["Begonnen"] == "minder dan 5"
    assert rows[quarter_label(last_quarter)]["Afgerond"] == "minder dan 5"
    # The same on a later day: the earlier quarter still decides what the later one may show.
    later = published_council_participation(today=timezone.localdate() + timedelta(days=1))
    shown = {
        q.start: next(m for m in q.figures.modules if m.module == "De raad en ondermijning")
        for q in later
        if q.figures.shown
    }
    assert (shown[earlier_quarter].completed, shown[last_quarter].completed) == (5, None)


def test_the_daily_command_freezes_the_quarters_that_ended(council_last_quarter):
    call_command("publish_council_quarters")
    snapshot = CouncilParticipationSnapshot.objects.get(
        quarter_start=council_last_quarter["last_quarter"]
    )
    module = next(
        m for m in snapshot.figures["modules"] if m["module"] == "De raad en ondermijning"
    )
    assert (module["started"], module["completed"]) == (5, 5)
    # The running quarter is never frozen.
    assert not CouncilParticipationSnapshot.objects.filter(
        quarter_start=current_quarter_start(timezone.localdate())
    ).exists()
