""" "Weerbaarheid in cijfers" opens with the goals: each indicator's chart, table and status for
the organisation, on the page and in the PDF (drawn: the chart's line and target colours are
on page 1 of the rendered PDF); the quarterly version for the griffie covers three months,
keeps the goals' history, and is made only by whoever may make the yearly one (the kernteam
and the griffie)."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from accounts.models import AdminJob
from accounts.roles import Role
from modules.goals.charts import TARGET_COLOUR, VALUE_COLOUR
from modules.goals.indicators import SESSION_ATTENDED
from modules.goals.models import Indicator
from modules.reporting.yearly import QUARTER, yearly_overview
from tests.factories import DepartmentFactory
from tests.goals.frozen import HIDDEN, a_target, freeze, months_back

pytestmark = pytest.mark.django_db

NAME = "Bewustwordingssessie bijgewoond in de laatste 12 maanden"


@pytest.fixture
def goals(make_user):
    sessions = Indicator.objects.get(key=SESSION_ATTENDED)
    team = DepartmentFactory(name="Geheim team")
    months = months_back(14)
    for n, month in enumerate(months):
        freeze(sessions, month, str(80 + n), {team: "55.5"})
    a_target(sessions, months[0], months[-1], "90", by=make_user(Role.KERNTEAM))
    return {"months": months}


def pdf_of(client, **data) -> tuple[AdminJob, bytes]:
    client.post(reverse("yearly_overview"), data)
    job = AdminJob.objects.latest("pk")
    response = client.get(reverse("yearly_overview_pdf", args=[job.pk]))
    assert response.status_code == 200, job.error
    return job, b"".join(response.streaming_content)


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def pixels_like(image, colour: str, tolerance: int = 24) -> int:
    """How many pixels of ``image`` are within ``tolerance`` of ``colour`` per channel."""
    want = rgb(colour)
    return sum(
        1
        for pixel in image.get_flattened_data()
        if all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], want, strict=True))
    )


def test_the_pdf_opens_with_the_goal_charts(goals, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    _job, content = pdf_of(client)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert NAME in text and "Doelen en hun status" in text
    assert "Doel gehaald: 93% tegen een doel van 90% in" in text
    assert "Geheim team" not in text and "55,5" not in text  # organisation level only
    # The page with the sessions chart (its table's caption is text): its measured line and
    # its dashed target are drawn. The headings use another blue (#00548a), so these pixels
    # are the chart's.
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]
    number = next(
        n for n, page in enumerate(pages) if "Cijfers per maand: Bewustwordingssessie" in page
    )
    assert number <= 2  # the goals open the report (after their status table)
    image = pypdfium2.PdfDocument(content)[number].render(scale=2).to_pil().convert("RGB")
    assert pixels_like(image, VALUE_COLOUR, tolerance=6) > 200
    assert pixels_like(image, TARGET_COLOUR, tolerance=6) > 50


def test_without_frozen_months_the_pdf_says_so_and_draws_no_line(kernteam_user, mfa_client_for):
    _job, content = pdf_of(mfa_client_for(kernteam_user))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Nog geen bevroren maand" in text
    document = pypdfium2.PdfDocument(content)
    for number in range(min(3, len(document))):
        image = document[number].render(scale=2).to_pil().convert("RGB")
        assert pixels_like(image, VALUE_COLOUR, tolerance=6) < 200  # the legends only


def test_the_page_shows_the_goals_and_hides_small_groups(goals, kernteam_user, mfa_client_for):
    sessions = Indicator.objects.get(key=SESSION_ATTENDED)
    freeze(sessions, months_back(15)[0], HIDDEN)
    html = mfa_client_for(kernteam_user).get(reverse("yearly_overview")).content.decode()
    assert NAME in html and 'role="img"' in html
    assert "verborgen (minder dan 5 personen)" in html
    assert "Geheim team" not in html


def test_the_quarterly_version_covers_three_months_and_keeps_the_goal_history(
    goals, kernteam_user, mfa_client_for
):
    client = mfa_client_for(kernteam_user)
    html = client.get(reverse("yearly_overview"), {"periode": "kwartaal"}).content.decode()
    assert "Weerbaarheid in cijfers: kwartaaloverzicht" in html
    assert 'name="periode" value="kwartaal"' in html
    overview = yearly_overview(today=timezone.localdate(), now=timezone.now(), period=QUARTER)
    assert len(overview.months) == 3
    assert len(overview.goals[0].points) == 14  # the goals keep their history
    job, content = pdf_of(client, periode="kwartaal")
    assert job.params == {"period": "kwartaal"} and job.summary["period"] == "kwartaal"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "kwartaal tot en met" in " ".join(text.split()) and NAME in text
    response = client.get(reverse("yearly_overview_pdf", args=[job.pk]))
    assert "weerbaarheid-in-cijfers-kwartaal-" in response["Content-Disposition"]
    # A waiting yearly job does not stand in for a quarterly one, nor the other way round.
    year_job, _content = pdf_of(client)
    assert year_job.params == {"period": "jaar"} and year_job.pk != job.pk


def test_the_griffie_makes_the_quarterly_pdf_and_sees_only_its_own(
    goals, kernteam_user, make_user, mfa_client_for
):
    """The quarterly version is for the griffie: it makes one itself, and a PDF somebody
    else made (the kernteam's) stays theirs."""
    kernteam = mfa_client_for(kernteam_user)
    kernteam_job, _content = pdf_of(kernteam, periode="kwartaal")
    kernteam.logout()  # the fixture logs one client in: the griffie's session is a new one
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.GRIFFIE))
    job, content = pdf_of(client, periode="kwartaal")
    assert job.pk != kernteam_job.pk and job.params == {"period": "kwartaal"}
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "kwartaal tot en met" in " ".join(text.split()) and NAME in text
    assert client.get(reverse("yearly_overview_pdf", args=[kernteam_job.pk])).status_code == 404


@pytest.mark.parametrize("role", [Role.BEHEER, Role.LEIDINGGEVENDE])
def test_only_who_may_make_the_yearly_pdf_makes_the_quarterly_one(
    goals, role, make_user, mfa_client_for
):
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    response = client.post(reverse("yearly_overview"), {"periode": "kwartaal"})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not AdminJob.objects.exists()
    response = client.get(reverse("yearly_overview"), {"periode": "kwartaal"})
    assert response.status_code == 302 and NAME not in response.content.decode()
