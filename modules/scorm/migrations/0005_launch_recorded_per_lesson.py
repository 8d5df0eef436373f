"""A launch names the lesson it was for (a package can be a lesson in two modules, whose rounds
differ). Launches recorded before are dropped: they are only a gate, and a learner with a
package open at the deploy reloads the page once (the player says so) to launch it again."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("scorm", "0004_launch_recorded_per_round"),
        ("modules", "0001_module_and_lesson_pages_with_progress"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.DeleteModel(name="ScormLaunch"),
        migrations.CreateModel(
            name="ScormLaunch",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("round", models.PositiveSmallIntegerField()),
                ("first_at", models.DateTimeField(auto_now_add=True)),
                (
                    "lesson",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="scorm_launches",
                        to="modules.lessonpage",
                    ),
                ),
                (
                    "package",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="launches",
                        to="scorm.scormpackage",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="scorm_launches",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "SCORM launch",
                "verbose_name_plural": "SCORM launches",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "package", "lesson", "round"),
                        name="scorm_launch_once_per_lesson_round",
                    )
                ],
            },
        ),
    ]
