"""Importing a valid pack: what it makes, drafts or published, and the second import."""

from __future__ import annotations

import pytest

from modules.contentpacks.importer import pack_apply, pack_check, pack_read

pytestmark = pytest.mark.django_db


def test_dry_run_of_a_valid_pack_plans_everything_new(pack_site, pack_builder):
    plan = pack_check(pack_read(pack_builder.write()))
    assert plan.error_lines() == []
    assert plan.counts()["module"]["new"] == 2


def test_apply_publish_builds_everything(pack_site, pack_builder):
    from modules.learning.models import LessonPage, ModulePage

    result = pack_apply(pack_read(pack_builder.write()), by=None, publish=True)
    assert result.counts["module"]["new"] == 2
    module = ModulePage.objects.get(slug="signalen-herkennen")
    assert module.live and module.final_quiz is not None
    lesson = LessonPage.objects.get(slug="wat-is-ondermijning")
    print(lesson.body.raw_data)
    plan = pack_check(pack_read(pack_builder.write()))
    assert plan.error_lines() == []
    assert set(plan.counts()["module"]) == {"new", "changed", "unchanged"}
    assert plan.counts()["module"]["unchanged"] == 2, plan.counts()
