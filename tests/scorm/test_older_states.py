"""States kept before a state named its lesson are removed by migration ``scorm/0007``: no
rule could tell safely which lesson they belonged to (a later launch, a deleted lesson, suspend
data from which quiz content restores its pass), and a wrong guess carried a pass into another
module's final quiz (found in review). What remains always names its lesson."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction

from modules.scorm.models import ScormAttempt
from modules.scorm.selectors import attempt_for
from tests.factories.modules import module_with_lessons
from tests.scorm.conftest import scorm_lesson

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("modules.scorm.migrations.0007_states_without_a_lesson_removed")


def test_every_state_names_its_lesson(make_user, package_12):
    with pytest.raises(IntegrityError), transaction.atomic():
        ScormAttempt.objects.create(user=make_user(), package=package_12, lesson=None)


def test_the_migration_removes_only_states_without_a_lesson(make_user, package_12):
    lesson = scorm_lesson(package_12)
    user = make_user()
    kept = ScormAttempt.objects.create(user=user, package=package_12, lesson=lesson)
    MIGRATION.remove_states_without_a_lesson(apps, None)
    assert list(ScormAttempt.objects.values_list("pk", flat=True)) == [kept.pk]


def test_a_state_in_one_module_is_not_read_in_another(make_user, package_12):
    first = scorm_lesson(package_12)
    second = scorm_lesson(package_12, module=module_with_lessons(lessons=1))
    user = make_user()
    ScormAttempt.objects.create(
        user=user, package=package_12, lesson=first, success_status="passed"
    )
    assert attempt_for(user=user, package=package_12, lesson=first).success_status == "passed"
    assert attempt_for(user=user, package=package_12, lesson=second) is None
