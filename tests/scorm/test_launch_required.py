"""A report counts only after the content origin served the package to the learner in their
current round: a hand-made POST for a package never opened is refused and nothing is kept."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from modules.learning.models import Enrolment, EnrolmentStatus, LessonCompletion
from modules.scorm.content_origin import grant_token
from modules.scorm.models import ScormAttempt, ScormLaunch
from tests.factories import AudienceFactory
from tests.factories.modules import LessonPageFactory
from tests.scorm.conftest import CONTENT_HOST, scorm_lesson
from tests.scorm.test_final_quiz import finish_other_lessons, logged_in, quiz_module
from tests.scorm.tracking import launch, player_html, track

pytestmark = pytest.mark.django_db


@pytest.fixture
def package_12(package_12, content_origin):
    return package_12


def test_a_report_for_a_package_never_opened_is_refused_and_nothing_is_kept(make_user, package_12):
    user = make_user()
    module, lesson = quiz_module(package_12)
    client = logged_in(user)
    finish_other_lessons(client, module, lesson)
    forged = track(
        client, lesson, package_12, open_first=False, completion_status="passed", score_raw="100"
    )
    assert forged.status_code == 409
    assert forged.json() == {"error": "not_launched"}
    assert not ScormAttempt.objects.exists()
    assert not LessonCompletion.objects.filter(lesson=lesson).exists()
    assert Enrolment.objects.get(user=user, module=module).status != EnrolmentStatus.COMPLETED
    # Opening the lesson page alone is not a launch either: the wrapper has to be served.
    assert client.get(lesson.url).status_code == 200
    assert not ScormLaunch.objects.exists()
    # Played for real: kept, and the module completes.
    launch(client, lesson)
    assert ScormLaunch.objects.get().round == 1
    played = track(
        client, lesson, package_12, open_first=False, completion_status="passed", score_raw="100"
    )
    assert played.status_code == 200
    assert played.json()["module_completed"] is True


def test_a_launch_of_last_round_does_not_count_in_a_renewal(make_user, package_12):
    user = make_user()
    module, lesson = quiz_module(package_12)
    client = logged_in(user)
    finish_other_lessons(client, module, lesson)
    track(client, lesson, package_12, completion_status="passed", score_raw="90")
    first = Enrolment.objects.get(user=user, module=module)
    Enrolment.objects.filter(pk=first.pk).update(expires_on=date.today() - timedelta(days=1))
    finish_other_lessons(client, module, lesson)
    refused = track(
        client, lesson, package_12, open_first=False, completion_status="passed", score_raw="90"
    )
    assert refused.status_code == 409
    assert not Enrolment.objects.filter(
        user=user, module=module, cycle=2, status=EnrolmentStatus.COMPLETED
    ).exists()
    launch(client, lesson)
    assert sorted(ScormLaunch.objects.values_list("round", flat=True)) == [1, 2]
    again = track(
        client, lesson, package_12, open_first=False, completion_status="passed", score_raw="90"
    )
    assert again.status_code == 200 and again.json()["module_completed"] is True


def test_the_wrapper_records_no_launch_for_a_lesson_that_does_not_play_it_or_is_not_open(
    make_user, package_12
):
    user = make_user()
    module, lesson = quiz_module(package_12)
    plain = LessonPageFactory(parent=module, title="Gewone les")

    def wrapper(lesson_id: int, user_id: int = user.pk):
        token = grant_token(
            user_id=user_id,
            package_id=package_12.pk,
            lesson_id=lesson_id,
            parent_origin="http://testserver",
        )
        path = reverse("scorm_content_wrapper", args=[token])
        return Client().get(path, HTTP_HOST=CONTENT_HOST)

    assert wrapper(plain.pk).status_code == 404  # the lesson does not play this package
    # Not open to this learner: the module is for raadsleden only (no assignment opens it).
    module.assignments.all().delete()
    module.audience = AudienceFactory(roles=[Role.RAADSLID])
    module.save_revision().publish()
    assert wrapper(lesson.pk).status_code == 404
    module.audience = None
    module.save_revision().publish()
    lesson.unpublish()
    assert wrapper(lesson.pk).status_code == 404  # not live
    assert not ScormLaunch.objects.exists()
    lesson.save_revision().publish()
    assert wrapper(lesson.pk).status_code == 200
    assert ScormLaunch.objects.filter(user=user, round=1).count() == 1
    assert wrapper(lesson.pk).status_code == 200  # once per round
    assert ScormLaunch.objects.count() == 1


def test_a_launch_in_one_module_does_not_count_in_another(make_user, package_12):
    """The same package is an ordinary lesson in one module and the final quiz of another:
    opened only in the first, a report for the second's quiz is refused."""
    user = make_user()
    elsewhere = scorm_lesson(package_12)
    module, lesson = quiz_module(package_12)
    client = logged_in(user)
    finish_other_lessons(client, module, lesson)
    launch(client, elsewhere)
    refused = track(
        client, lesson, package_12, open_first=False, completion_status="passed", score_raw="100"
    )
    assert refused.status_code == 409
    assert Enrolment.objects.get(user=user, module=module).status != EnrolmentStatus.COMPLETED
    launch(client, lesson)
    assert ScormLaunch.objects.filter(user=user).count() == 2
    played = track(
        client, lesson, package_12, open_first=False, completion_status="passed", score_raw="100"
    )
    assert played.status_code == 200 and played.json()["module_completed"] is True


def test_a_pass_in_one_module_does_not_carry_into_another_modules_quiz(make_user, package_12):
    """The package is passed as an ordinary lesson of one module; in another module, where it
    is the final quiz, the learner starts afresh: nothing completed, nothing seeded."""
    user = make_user()
    elsewhere = scorm_lesson(package_12)
    module, lesson = quiz_module(package_12)
    client = logged_in(user)
    passed = track(client, elsewhere, package_12, completion_status="passed", score_raw="95")
    assert passed.json()["completed"] is True
    state = re.search(
        r'<script id="scorm-state-[^"]+" type="application/json">(.*?)</script>',
        player_html(client, lesson),
    ).group(1)
    assert json.loads(state)["entry"] == "ab-initio"
    report = track(client, lesson, package_12, completion_status="incomplete")
    assert report.json()["completed"] is False and report.json()["module_completed"] is False
    assert ScormAttempt.objects.filter(user=user, package=package_12).count() == 2
    assert not Enrolment.objects.filter(
        user=user, module=module, status=EnrolmentStatus.COMPLETED
    ).exists()
