"""Serving a package on the content origin, the player on the lesson page, and tracking.

The content origin is another host of the same server (``scorm.testserver`` here): package
files answer only there and only with a valid token; tracking answers only on the site, to
the learner the lesson is open to.
"""

from __future__ import annotations

import json
import re

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from modules.learning.models import LessonCompletion
from modules.scorm.content_origin import grant_token
from modules.scorm.models import ScormAttempt
from modules.scorm.services import CmiReport, attempt_record, launch_record
from modules.scorm.views import MAX_TRACK_BODY
from tests.factories.accounts import AudienceFactory
from tests.scorm.conftest import CONTENT_HOST, scorm_lesson
from tests.scorm.tracking import player_html, track, wrapper_path


@pytest.fixture
def lesson(package_12, content_origin):
    return scorm_lesson(package_12)


def test_the_lesson_frames_the_wrapper_on_the_content_origin(learner, lesson, package_12):
    _user, client = learner
    html = player_html(client, lesson)
    assert 'sandbox="allow-scripts allow-same-origin allow-forms"' in html
    assert 'data-content-origin="http://scorm.testserver"' in html
    response = client.get(lesson.url)
    assert "http://scorm.testserver" in response["Content-Security-Policy"].split("frame-src")[1]
    wrapper = Client().get(wrapper_path(html), HTTP_HOST=CONTENT_HOST)
    assert wrapper.status_code == 200
    body = wrapper.content.decode()
    assert 'data-launch="index.html"' in body
    assert "scorm/vendor/scorm12.min.js" in body
    policy = wrapper["Content-Security-Policy"]
    assert "connect-src 'self'" in policy
    assert "frame-ancestors 'self' http://testserver" in policy
    assert "X-Frame-Options" not in wrapper
    assert not wrapper.cookies


def test_package_files_are_served_only_on_the_content_origin_with_a_valid_token(
    learner, lesson, package_12
):
    _user, client = learner
    base = wrapper_path(player_html(client, lesson))
    anonymous = Client()
    file = anonymous.get(f"{base}index.html", HTTP_HOST=CONTENT_HOST)
    assert file.status_code == 200
    assert file["Content-Type"].startswith("text/html")
    assert b"Test-e-learning" in b"".join(file.streaming_content)
    assert anonymous.get(f"{base}images/pixel.svg", HTTP_HOST=CONTENT_HOST).status_code == 200
    # Not on the site's own origin.
    assert client.get(f"{base}index.html").status_code == 404
    # Nothing outside the package, no forged or foreign token.
    assert anonymous.get(f"{base}../imsmanifest.xml", HTTP_HOST=CONTENT_HOST).status_code == 404
    assert anonymous.get(f"{base}bestaat-niet.html", HTTP_HOST=CONTENT_HOST).status_code == 404
    forged = signing.dumps({"u": 1, "p": package_12.pk, "o": "http://testserver"}, salt="x")
    path = reverse("scorm_content_file", args=[forged, "index.html"])
    assert anonymous.get(path, HTTP_HOST=CONTENT_HOST).status_code == 404


def test_an_expired_token_opens_nothing(learner, lesson, package_12, settings):
    user, _client = learner
    token = grant_token(
        user_id=user.pk,
        package_id=package_12.pk,
        lesson_id=lesson.pk,
        parent_origin="http://testserver",
    )
    path = reverse("scorm_content_file", args=[token, "index.html"])
    assert Client().get(path, HTTP_HOST=CONTENT_HOST).status_code == 200
    settings.SCORM_TOKEN_MAX_AGE_HOURS = -1
    assert Client().get(path, HTTP_HOST=CONTENT_HOST).status_code == 404


def test_a_deactivated_learner_token_opens_nothing(learner, lesson, package_12):
    user, client = learner
    base = wrapper_path(player_html(client, lesson))
    user.is_active = False
    user.save()
    assert Client().get(f"{base}index.html", HTTP_HOST=CONTENT_HOST).status_code == 404


def test_the_content_host_serves_nothing_else_of_the_site(learner, lesson):
    _user, client = learner
    assert client.get(lesson.url, HTTP_HOST=CONTENT_HOST).status_code == 404
    assert client.get("/admin/", HTTP_HOST=CONTENT_HOST).status_code == 404
    assert client.get(reverse("account_login"), HTTP_HOST=CONTENT_HOST).status_code == 404


def test_without_a_content_origin_the_block_says_it_cannot_play(learner, package_12, settings):
    settings.SCORM_CONTENT_ORIGIN = ""
    lesson = scorm_lesson(package_12)
    _user, client = learner
    html = player_html(client, lesson)
    assert "kan op deze site nog niet worden afgespeeld" in html
    assert "<iframe" not in html


def test_committed_progress_is_kept_and_completion_completes_the_lesson(
    learner, lesson, package_12
):
    user, client = learner
    response = track(
        client,
        lesson,
        package_12,
        completion_status="incomplete",
        location="stap-2",
        suspend_data="stap=2",
    )
    assert response.status_code == 200, response.content
    assert response.json() == {
        "completed": False,
        "newly_completed": False,
        "final_quiz": "",
        "module_completed": False,
    }
    attempt = ScormAttempt.objects.get(user=user, package=package_12)
    assert (attempt.location, attempt.suspend_data) == ("stap-2", "stap=2")
    assert not LessonCompletion.objects.filter(lesson=lesson).exists()

    # The next visit resumes from what was kept.
    state = re.search(
        r'<script id="scorm-state-[^"]+" type="application/json">(.*?)</script>',
        player_html(client, lesson),
    ).group(1)
    assert json.loads(state)["suspend_data"] == "stap=2"
    assert json.loads(state)["entry"] == "resume"

    response = track(client, lesson, package_12, completion_status="passed", score_raw="80.123456")
    assert response.json()["completed"] is True
    assert response.json()["newly_completed"] is True
    completion = LessonCompletion.objects.get(lesson=lesson)
    assert completion.enrolment.user == user
    attempt.refresh_from_db()
    assert str(attempt.score_raw) == "80.1235"
    # Later reports do not undo it.
    later = track(client, lesson, package_12, completion_status="incomplete").json()
    assert (later["completed"], later["newly_completed"]) == (True, False)
    assert LessonCompletion.objects.filter(lesson=lesson).count() == 1


def test_a_scorm_2004_package_completes_on_completion_status(learner, package_2004, content_origin):
    user, client = learner
    lesson = scorm_lesson(package_2004)
    assert (
        track(
            client, lesson, package_2004, completion_status="incomplete", success_status="unknown"
        ).json()["completed"]
        is False
    )
    response = track(
        client,
        lesson,
        package_2004,
        completion_status="completed",
        success_status="passed",
        score_scaled="0.8",
        score_raw="80",
        score_min="0",
        score_max="100",
    )
    assert response.json()["completed"] is True
    assert LessonCompletion.objects.filter(lesson=lesson, enrolment__user=user).exists()


def test_tracking_refuses_bad_input_and_keeps_nothing(learner, lesson, package_12):
    _user, client = learner
    url = reverse("scorm_track", args=[lesson.pk, package_12.pk])
    assert track(client, lesson, package_12, completion_status="gewonnen").status_code == 400
    assert (
        track(
            client, lesson, package_12, completion_status="completed", score_scaled="2"
        ).status_code
        == 400
    )
    too_long = track(
        client, lesson, package_12, completion_status="incomplete", suspend_data="x" * 64_001
    )
    assert too_long.status_code in (400, 413)
    huge = client.post(url, data="x" * (MAX_TRACK_BODY + 1), content_type="application/json")
    assert huge.status_code == 413
    assert client.post(url, data="[1]", content_type="application/json").status_code == 400
    assert client.post(url, data="{", content_type="application/json").status_code == 400
    assert client.get(url).status_code == 405
    assert not ScormAttempt.objects.exists()
    assert not LessonCompletion.objects.exists()


def test_tracking_needs_the_csrf_token(medewerker, lesson, package_12):
    client = Client(enforce_csrf_checks=True)
    client.force_login(medewerker)
    assert track(client, lesson, package_12, completion_status="completed").status_code == 403
    assert not ScormAttempt.objects.exists()


def test_tracking_is_for_the_logged_in_learner_the_lesson_is_open_to(
    make_user, lesson, package_12, package_2004
):
    anonymous = Client()
    assert (
        track(anonymous, lesson, package_12, open_first=False, completion_status="completed")
    ).status_code == 403
    insider = make_user(Role.RAADSLID)
    client = Client()
    client.force_login(insider)
    # A package the lesson does not play: as if it did not exist.
    assert track(client, lesson, package_2004, completion_status="completed").status_code == 404
    # A module for council members only: a medewerker's post finds nothing.
    module = lesson.get_parent().specific
    module.audience = AudienceFactory(roles=[Role.RAADSLID])
    module.save_revision().publish()
    stranger = make_user(Role.MEDEWERKER)
    client.force_login(stranger)
    assert (
        track(client, lesson, package_12, open_first=False, completion_status="completed")
    ).status_code == 404
    assert not ScormAttempt.objects.exists()
    client.force_login(insider)
    assert track(client, lesson, package_12, completion_status="completed").status_code == 200
    assert ScormAttempt.objects.get().user == insider


def test_the_lesson_page_query_count_does_not_grow_with_other_learners(
    learner, lesson, package_12, make_user, django_assert_max_num_queries
):
    _user, client = learner

    def others(count: int) -> None:
        for _ in range(count):
            other = make_user()
            launch_record(user=other, lesson=lesson, package=package_12)
            attempt_record(
                user=other,
                lesson=lesson,
                package=package_12,
                report=CmiReport("incomplete", "", None, None, None, None, "", "x"),
            )

    client.get(lesson.url)  # warm-up (route and outline caches)
    others(1)
    with django_assert_max_num_queries(30) as few:
        client.get(lesson.url)
    others(5)
    with django_assert_max_num_queries(30) as many:
        client.get(lesson.url)
    assert len(many.captured_queries) == len(few.captured_queries)
