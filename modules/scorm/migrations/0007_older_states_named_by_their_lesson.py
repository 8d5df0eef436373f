"""States kept before a state named its lesson (``lesson`` empty, before 0006) get their lesson
where it is clear which one it was; the others lose what they said about the result.

Taken over by whichever lesson read one first, such a state could carry a pass from one
module into another module's final quiz (a package can be a lesson in two modules). Clear is:
the learner launched the package in one lesson only (``ScormLaunch``), or only one lesson
holds the package. Otherwise the state keeps the learner's place in the content (location,
suspend data) and forgets its status, score, completion and verdict, so the lesson that
takes it over starts without a result. A lesson that already has its own state keeps it, and
the older state is treated as unclear. Nothing to undo: going back leaves the rows as they
are now.
"""

import json
from collections import defaultdict

from django.db import migrations

SCORM_BLOCK = "scorm"


def _blocks(body) -> list:
    """The stored blocks of a lesson body, however the database driver hands them back."""
    raw = getattr(body, "raw_data", body)
    if isinstance(raw, str | bytes):
        raw = json.loads(raw or "[]")
    return list(raw or [])


def name_lessons(apps, schema_editor):
    ScormAttempt = apps.get_model("scorm", "ScormAttempt")
    ScormLaunch = apps.get_model("scorm", "ScormLaunch")
    LessonPage = apps.get_model("modules", "LessonPage")
    older = list(ScormAttempt.objects.filter(lesson__isnull=True))
    if not older:
        return
    holders: dict[int, set[int]] = defaultdict(set)
    for lesson_id, body in LessonPage.objects.values_list("pk", "body"):
        for block in _blocks(body):
            if isinstance(block, dict) and block.get("type") == SCORM_BLOCK:
                package = (block.get("value") or {}).get("package")
                if package is not None:
                    holders[package].add(lesson_id)
    launched: dict[tuple[int, int], set[int]] = defaultdict(set)
    for user_id, package_id, lesson_id in ScormLaunch.objects.filter(
        package_id__in={state.package_id for state in older}
    ).values_list("user_id", "package_id", "lesson_id"):
        launched[(user_id, package_id)].add(lesson_id)
    taken = set(
        ScormAttempt.objects.filter(lesson__isnull=False).values_list(
            "user_id", "package_id", "lesson_id"
        )
    )
    for state in older:
        lessons = launched.get((state.user_id, state.package_id)) or holders.get(
            state.package_id, set()
        )
        if len(lessons) == 1:
            (lesson_id,) = lessons
            if (state.user_id, state.package_id, lesson_id) not in taken:
                state.lesson_id = lesson_id
                taken.add((state.user_id, state.package_id, lesson_id))
                state.save(update_fields=["lesson"])
                continue
        state.completion_status = state.success_status = ""
        state.score_raw = state.score_min = state.score_max = state.score_scaled = None
        state.completed_at = None
        state.final_quiz_result = ""
        state.final_quiz_percent = None
        state.save(
            update_fields=[
                "completion_status",
                "success_status",
                "score_raw",
                "score_min",
                "score_max",
                "score_scaled",
                "completed_at",
                "final_quiz_result",
                "final_quiz_percent",
            ]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0011_module_final_quiz_can_be_a_scorm_lesson"),
        ("scorm", "0006_attempt_kept_per_lesson"),
    ]

    operations = [migrations.RunPython(name_lessons, migrations.RunPython.noop)]
