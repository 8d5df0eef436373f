"""A module whose SCORM final-quiz lesson is unpublished can still be completed (found in review).

``ModulePage.final_quiz_scorm_lesson`` keeps pointing at the lesson after it is unpublished;
``_update_progress`` still requires a SCORM pass for the round, while
``scorm_final_quiz_record`` and the tracking endpoint refuse a lesson that is not live. The
learner who did every live lesson is stuck at 99% for good, with no way to pass.
"""

from __future__ import annotations

import pytest

from modules.learning.models import EnrolmentStatus
from tests.scorm.conftest import CONTENT_HOST, CONTENT_ORIGIN, make_package
from tests.scorm.test_final_quiz import (
    finish_other_lessons,
    logged_in,
    quiz_module,
    round_of,
)
from tests.scorm.tracking import track

pytestmark = pytest.mark.django_db


@pytest.fixture
def package_12(db, settings):
    settings.SCORM_CONTENT_ORIGIN = CONTENT_ORIGIN
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, CONTENT_HOST]
    return make_package("1.2")


def test_unpublishing_the_scorm_quiz_lesson_does_not_lock_learners_out(make_user, package_12):
    user = make_user()
    module, lesson = quiz_module(package_12)
    lesson.unpublish()
    module.refresh_from_db()
    client = logged_in(user)
    finish_other_lessons(client, module, lesson)
    # Not live: its page (and so a launch) is gone.
    response = track(
        client, lesson, package_12, open_first=False, completion_status="passed", score_raw="100"
    )
    enrolment = round_of(user, module)
    # Either the quiz no longer counts (the module completes with its live lessons) or the
    # learner can still pass it; here neither holds.
    assert enrolment.status == EnrolmentStatus.COMPLETED or response.status_code == 200, (
        f"status {enrolment.status}, progress {enrolment.progress}%, "
        f"track answered {response.status_code}: the round can never complete"
    )
