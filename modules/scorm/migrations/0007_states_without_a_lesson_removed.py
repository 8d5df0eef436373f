"""States kept before a state named its lesson (``lesson`` empty, before 0006) are removed, and
every state now names its lesson.

No rule tells safely which lesson such a state belongs to: launches recorded before 0005 are
gone (a later launch may be in another module), a deleted lesson leaves its package's only
other holder looking clear, and even a state without its status keeps the content's own
suspend data, from which quiz content restores its answers and reports its pass again. Taken
over by another module's final quiz, any of these would carry a pass across (found in
review). Removing them costs a learner their place in the package; the lesson they completed
stays completed (that is the learning app's record), and the next launch starts the package
afresh. Going back cannot restore them.
"""

import django.db.models.deletion
from django.db import migrations, models


def remove_states_without_a_lesson(apps, schema_editor):
    ScormAttempt = apps.get_model("scorm", "ScormAttempt")
    ScormAttempt.objects.filter(lesson__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0011_module_final_quiz_can_be_a_scorm_lesson"),
        ("scorm", "0006_attempt_kept_per_lesson"),
    ]

    operations = [
        migrations.RunPython(remove_states_without_a_lesson, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="scormattempt",
            name="lesson",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="scorm_attempts",
                to="modules.lessonpage",
            ),
        ),
    ]
