"""Weerbaar's side of the peer benchmark, run by ``benchmarks/peer_wagtail_lms.py`` in ``.venv``
with ``PYTHONPATH=site:.``: a throw-away test database (created and destroyed here, as
``benchmarks/reports_at_scale.py`` does), a module of six rich-text lessons and a final quiz, and
a logged-in medewerker who finished half the lessons. Then it answers the driver (see
``protocol.py``)."""

from __future__ import annotations

import os
import sys
from importlib.metadata import version

from protocol import lesson_html, protocol_stdout, serve

OUT = protocol_stdout()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def build():
    """The module, its lessons and the learner; returns the client and the two URLs."""
    from django.contrib.auth.models import Group
    from django.test import Client
    from wagtail.rich_text import RichText

    from accounts.models import User
    from accounts.roles import ROLE_GROUP_NAMES, Role
    from modules.learning.selectors import module_lessons
    from modules.learning.services import lesson_complete
    from tests.factories import module_with_lessons
    from tests.factories.modules import LessonPageFactory
    from tests.factories.quizzes import QuestionFactory, QuizFactory

    quiz = QuizFactory(questions=[QuestionFactory() for _ in range(5)])
    module = module_with_lessons(lessons=0, final_quiz=quiz, title="Signalen herkennen")
    for number in range(1, 7):
        LessonPageFactory(
            parent=module,
            title=f"Les {number}",
            summary="Wat je ziet en wat je doet.",
            body=[("text", RichText(lesson_html(number)))],
        )
    lessons = module_lessons(module=module)
    user = User.objects.create_user(email="medewerker@weerbaar.test", password="x" * 14)
    user.groups.add(Group.objects.get(name=ROLE_GROUP_NAMES[Role.MEDEWERKER]))
    for lesson in lessons[:3]:
        lesson_complete(user=user, lesson=lesson)
    client = Client()
    client.force_login(user)
    # The lesson a learner opens next: the first one not done yet.
    urls = {"lesson": lessons[3].url, "module": module.url}
    info = {
        "site": "weerbaar",
        "python": sys.version.split()[0],
        "django": version("Django"),
        "wagtail": version("wagtail"),
        "database": connection.vendor,
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "depth": {"lesson": lessons[3].depth, "module": module.depth},
        "urls": urls,
    }
    return client, urls, info


def main() -> None:
    setup_test_environment()
    settings.DEBUG = False
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        client, urls, info = build()
        serve(OUT, client, urls, info)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
