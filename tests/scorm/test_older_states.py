"""States kept before a state named its lesson: migration ``scorm/0007`` gives each its lesson
where that is clear (launched in one lesson only, or one lesson holds the package), and clears
the result of the others, so no lesson takes over a pass reported in another module."""

from __future__ import annotations

import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.utils import timezone

from modules.scorm.models import ScormAttempt, ScormLaunch
from tests.factories.modules import module_with_lessons
from tests.scorm.conftest import scorm_lesson

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module(
    "modules.scorm.migrations.0007_older_states_named_by_their_lesson"
)


def older_state(user, package, **kwargs) -> ScormAttempt:
    """A passed state as it was kept before 0006: no lesson."""
    return ScormAttempt.objects.create(
        user=user,
        package=package,
        lesson=None,
        completion_status="completed",
        success_status="passed",
        score_raw=Decimal(90),
        location="pagina-7",
        suspend_data="voortgang",
        completed_at=timezone.now(),
        final_quiz_result="passed",
        final_quiz_percent=Decimal(90),
        **kwargs,
    )


def migrate() -> None:
    MIGRATION.name_lessons(apps, None)


def test_a_package_held_by_one_lesson_names_that_lesson(make_user, package_12):
    lesson = scorm_lesson(package_12)
    state = older_state(make_user(), package_12)
    migrate()
    state.refresh_from_db()
    assert state.lesson_id == lesson.pk
    assert (state.success_status, state.final_quiz_result) == ("passed", "passed")


def test_a_package_in_two_modules_follows_the_one_launch(make_user, package_12):
    first = scorm_lesson(package_12)
    second = scorm_lesson(package_12, module=module_with_lessons(lessons=1))
    user = make_user()
    ScormLaunch.objects.create(user=user, package=package_12, lesson=second, round=1)
    state = older_state(user, package_12)
    migrate()
    state.refresh_from_db()
    assert state.lesson_id == second.pk != first.pk


def test_an_unclear_state_keeps_the_place_and_forgets_the_result(make_user, package_12):
    """Two modules hold the package and the learner launched it in neither (or in both): the
    first lesson to read it would otherwise get the pass."""
    scorm_lesson(package_12)
    scorm_lesson(package_12, module=module_with_lessons(lessons=1))
    state = older_state(make_user(), package_12)
    migrate()
    migrate()  # twice changes nothing more
    state.refresh_from_db()
    assert state.lesson_id is None
    assert (state.location, state.suspend_data) == ("pagina-7", "voortgang")
    assert (state.completion_status, state.success_status, state.final_quiz_result) == ("",) * 3
    assert state.completed_at is None and state.score_raw is None


def test_a_lesson_with_a_state_of_its_own_keeps_it(make_user, package_12):
    lesson = scorm_lesson(package_12)
    user = make_user()
    own = ScormAttempt.objects.create(
        user=user, package=package_12, lesson=lesson, completion_status="incomplete"
    )
    state = older_state(user, package_12)
    migrate()
    own.refresh_from_db()
    state.refresh_from_db()
    assert own.completion_status == "incomplete"
    assert state.lesson_id is None and state.success_status == ""
