"""Issue 19, point 3: a figure the council reads in the PDF can be traced to the evidence pack.
Real data, a real freeze, the real PDF job and the real pack: the goal's value as the PDF prints
it is found in the pack's monthly figures, with the moment it was frozen and the definition
version, and the pack's checksums verify."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from accounts.models import AdminJob
from modules.awareness.models import SessionKind
from modules.goals.evidence import find_figure, verify_pack
from modules.goals.indicators import SESSION_ATTENDED, month_end
from modules.goals.models import Indicator, IndicatorSnapshot
from modules.goals.services import snapshot_month, target_save
from tests.factories import DepartmentFactory, a_session
from tests.goals.builders import at, attend, person
from tests.goals.frozen import last_ended

pytestmark = pytest.mark.django_db

STATUS = re.compile(r"Doel gehaald: ([0-9]+(?:,[0-9])?)% tegen een doel van 40% in")


def test_the_pdfs_goal_figure_is_in_the_evidence_pack(kernteam_user, mfa_client_for):
    month = last_ended()
    day = month_end(month) - timedelta(days=3)
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=at(day))
    team = DepartmentFactory(name="Publiekszaken")
    staff = [person(team) for _ in range(12)]
    for user in staff[:7]:
        attend(user, session, day)
    snapshot_month(month=month)
    sessions = Indicator.objects.get(key=SESSION_ATTENDED)
    target_save(
        target=None,
        indicator=sessions,
        first_month=month,
        last_month=month,
        target_value=Decimal("40"),
        owner=kernteam_user,
        rationale="Voorbeeld: een doel om het bewijsdossier te testen.",
        set_by=kernteam_user,
    )
    client = mfa_client_for(kernteam_user)
    client.post(reverse("yearly_overview"), {})
    job = AdminJob.objects.latest("pk")
    response = client.get(reverse("yearly_overview_pdf", args=[job.pk]))
    assert response.status_code == 200, job.error
    pdf = b"".join(response.streaming_content)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    printed = STATUS.search(" ".join(text.split()))
    assert printed is not None, "the PDF prints the goal's status with its figure"
    assert printed.group(1) == "58,3"  # 7 of 12, as the direct count gives
    pack = client.post(reverse("goal_evidence:download")).content
    assert verify_pack(pack) == []
    row = find_figure(pack, indicator_key=SESSION_ATTENDED, month=month, value=printed.group(1))
    assert row is not None
    snapshot = IndicatorSnapshot.objects.get(indicator=sessions, month=month)
    assert row["definitie_versie"] == str(snapshot.definition.version)
    assert row["bevroren_op"] == timezone.localtime(snapshot.frozen_at).isoformat(
        timespec="seconds"
    )
    assert (row["teller"], row["noemer"]) == ("7", "12")
    # A figure the PDF does not print is not "found".
    assert find_figure(pack, indicator_key=SESSION_ATTENDED, month=month, value="58,4") is None
