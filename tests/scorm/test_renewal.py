"""A renewal round plays a partner's package afresh: last round's state (its "passed", score and
suspend data) is neither seeded into the player nor kept by the server, so a SCORM final quiz
must be passed again (found in review: opening and closing the lesson passed it)."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from modules.learning.models import Enrolment, EnrolmentStatus, ProgressEvent
from modules.scorm.models import ScormAttempt
from tests.scorm.conftest import make_package
from tests.scorm.test_final_quiz import finish_other_lessons, logged_in, quiz_module
from tests.scorm.tracking import track

STATE = re.compile(r'<script id="scorm-state-[^"]*" type="application/json">(.*?)</script>', re.S)


@pytest.fixture
def package_12(db, content_origin):
    return make_package("1.2")


def seeded_state(client, lesson) -> dict:
    html = client.get(lesson.url).content.decode()
    found = STATE.search(html)
    assert found, "no SCORM player on the lesson page"
    return json.loads(found.group(1))


def test_a_renewal_round_plays_the_package_afresh_and_needs_a_new_pass(make_user, package_12):
    user = make_user()
    module, lesson = quiz_module(package_12)
    client = logged_in(user)
    finish_other_lessons(client, module, lesson)
    track(
        client, lesson, package_12, completion_status="passed", score_raw="85", suspend_data="q=9"
    )
    first = Enrolment.objects.get(user=user, module=module)
    assert first.status == EnrolmentStatus.COMPLETED
    assert seeded_state(client, lesson)["completion_status"] == "passed"  # same round: resumes
    Enrolment.objects.filter(pk=first.pk).update(expires_on=date.today() - timedelta(days=1))

    # The new round: the player starts from nothing.
    assert seeded_state(client, lesson) == {
        "learner_id": f"weerbaar-{user.pk}",
        "entry": "ab-initio",
    }
    # Opened and closed without playing: what the runtime then reports.
    response = track(client, lesson, package_12, completion_status="incomplete")
    assert response.status_code == 200, response.content
    assert response.json()["final_quiz"] == "" and response.json()["module_completed"] is False
    # Nothing in a second round, if the report started one at all.
    assert not ProgressEvent.objects.filter(
        enrolment__user=user, enrolment__cycle=2, kind=ProgressEvent.Kind.SCORM_QUIZ_PASSED
    ).exists()
    assert not Enrolment.objects.filter(
        user=user, module=module, cycle=2, status=EnrolmentStatus.COMPLETED
    ).exists()
    assert not Enrolment.objects.filter(
        user=user, module=module, cycle=2, lesson_completions__lesson=lesson
    ).exists()
    attempt = ScormAttempt.objects.get(user=user, package=package_12)
    assert (attempt.round, attempt.final_quiz_result, attempt.completed_at) == (2, "", None)
    assert attempt.suspend_data == ""
    # Played again and passed: the new round is complete; the first round's history stays.
    finish_other_lessons(client, module, lesson)
    track(client, lesson, package_12, completion_status="passed", score_raw="90")
    second = Enrolment.objects.get(user=user, module=module, cycle=2)
    assert second.status == EnrolmentStatus.COMPLETED
    assert second.events.filter(kind=ProgressEvent.Kind.SCORM_QUIZ_PASSED).count() == 1
    first.refresh_from_db()
    assert first.events.filter(kind=ProgressEvent.Kind.SCORM_QUIZ_PASSED).count() == 1
