"""SCORM tracking cases found in review: what the spec allows is kept; page privacy holds."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from accounts.roles import Role
from modules.learning.models import LessonCompletion
from modules.scorm.models import ScormAttempt
from tests.scorm.conftest import scorm_lesson
from tests.scorm.tracking import launch, post_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(package_2004, content_origin):
    return scorm_lesson(package_2004)


def post(client, lesson, package, data: dict):
    # As the player's fetch sends it: JSON.stringify, UTF-8, non-ASCII not escaped.
    return post_report(client, lesson, package, json.dumps(data, ensure_ascii=False).encode())


def test_suspend_data_within_the_64000_character_limit_is_kept(learner, lesson, package_2004):
    """TrackForm allows 64 000 characters (SCORM 2004's SPM), but the view refuses any body
    over 100 000 *bytes* first: a package saving 60 000 accented characters (or a JSON state
    dense in quotes, each escaped to two bytes) gets 413, and the learner's progress is lost
    on every commit."""
    suspend_data = "é" * 60_000  # 60 000 characters, 120 000 bytes in UTF-8
    assert len(suspend_data) <= 64_000
    _user, client = learner
    launch(client, lesson)
    response = post(
        client,
        lesson,
        package_2004,
        {"completion_status": "incomplete", "suspend_data": suspend_data},
    )
    assert response.status_code == 200, response.status_code
    assert ScormAttempt.objects.get().suspend_data == suspend_data


def test_tracking_respects_the_pages_privacy_setting(make_user, lesson, package_2004):
    """A module behind Wagtail's privacy setting ("only these groups", here the kernteam) is
    not served to a medewerker, but the tracking endpoint checks only ``is_open_to`` (the
    audience): the medewerker posts "completed" and gets the lesson of a module they may not
    open completed in their name."""
    module = lesson.get_parent()
    restriction = PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=Role.KERNTEAM.group_name)])
    outsider = make_user(Role.MEDEWERKER)
    client = Client()
    client.force_login(outsider)
    assert client.get(lesson.url).status_code in (302, 403, 404)
    response = post(client, lesson, package_2004, {"completion_status": "completed"})
    assert response.status_code == 404, response.content
    assert not ScormAttempt.objects.exists()
    assert not LessonCompletion.objects.filter(enrolment__user=outsider).exists()
