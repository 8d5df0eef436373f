"""The load benchmark's data: staff who did every lesson of a yearly module and now take its
final quiz, each already logged in.

Built through the apps' services where one object is made (pool, questions, quiz, module,
audience, assignment) and with ``bulk_create`` where thousands are (people, their rounds and
lesson completions, as ``benchmarks/reports_at_scale.py`` does); the bulk writes skip model
signals, so they announce themselves through :func:`core.changes.people_changed`.

Sessions are made the way ``django.contrib.auth.login`` makes them, through the session engine
the settings name, with allauth's authentication record (a single sign-on) so that nothing
asks for a second factor: the people of the peak are already logged in (SSO, or an earlier
session). Runs inside the runner's process, under the production settings.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.models import Department, User
from accounts.roles import ROLE_GROUP_NAMES, Role
from accounts.services import audience_create
from core.changes import everybody_changed, people_changed
from modules.learning.models import Enrolment, EnrolmentStatus, LessonCompletion, ProgressEvent
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, module_set_final_quiz
from quizzes.services import Draw, pool_get_or_create, question_create, quiz_create
from tests.factories import module_with_lessons

KINDS = ("single", "multiple", "true_false", "scenario")
THEMES = ("melden", "drugs", "mensenhandel", "fraude")
BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


@dataclass(frozen=True)
class Plan:
    """What the locust users need: the pages, one session per person and how to answer."""

    module_id: int
    module_url: str
    people: list[dict]  # {"user_id", "session_key"}
    correct: dict[str, list[str]]  # question text -> the texts of its right options

    def as_json(self) -> dict:
        return {
            "module_id": self.module_id,
            "module_url": self.module_url,
            "people": self.people,
            "correct": self.correct,
            "session_cookie": settings.SESSION_COOKIE_NAME,
        }


def _options(kind: str, n: int) -> list[dict]:
    """Options of one question; the load client tells the right ones by their label under the
    question's text (the page itself never says which is right)."""
    if kind == "true_false":
        options = [
            {"text": "Waar", "correct": n % 2 == 0},
            {"text": "Niet waar", "correct": n % 2 == 1},
        ]
    elif kind == "multiple":
        options = [
            {"text": f"Klopt {n}a", "correct": True},
            {"text": f"Klopt {n}b", "correct": True},
            {"text": f"Klopt niet {n}c", "correct": False},
            {"text": f"Klopt niet {n}d", "correct": False},
        ]
    else:
        options = [
            {"text": f"Goed antwoord {n}", "correct": True},
            {"text": f"Ander antwoord {n}x", "correct": False},
            {"text": f"Ander antwoord {n}y", "correct": False},
        ]
    return [{**option, "feedback": f"Toelichting bij {option['text']}."} for option in options]


def build(*, people: int, departments: int = 40, pool_size: int = 40, draw: int = 10) -> Plan:
    started = time.perf_counter()
    today = timezone.localdate()
    with transaction.atomic():
        everybody = audience_create(name="Alle medewerkers", roles=[Role.MEDEWERKER])
        module = module_with_lessons(
            lessons=6, title="Ondermijning herkennen", slug="ondermijning", audience=everybody
        )
        lessons = list(module_lessons(module=module))
        pool = pool_get_or_create(name="Jaarlijkse toets")
        correct: dict[str, list[str]] = {}
        for n in range(pool_size):
            kind = KINDS[n % len(KINDS)]
            options = _options(kind, n)
            text = f"Vraag {n}: wat doe je als je dit ziet?"
            question_create(
                theme=THEMES[n % len(THEMES)],
                kind=kind,
                text=text,
                explanation=f"Uitleg bij vraag {n}.",
                scenario="Een aanvrager wil snel een vergunning." if kind == "scenario" else "",
                options=options,
                pools=[pool],
                source_page=lessons[n % len(lessons)],
            )
            correct[text] = [option["text"] for option in options if option["correct"]]
        quiz = quiz_create(
            title="Jaarlijkse toets ondermijning",
            draw=[Draw(pool=pool, count=draw)],
            pass_mark=60,
            max_attempts=3,
        )
        module_set_final_quiz(module=module, quiz=quiz)
        assignment_create(
            module=module,
            audience=everybody,
            due_date=today + timedelta(days=30),
            renew_every_months=12,
        )

        depts = Department.objects.bulk_create(
            Department(name=f"Afdeling {n}", code=f"L{n}") for n in range(departments)
        )
        password = make_password(None)  # SSO people: no usable password
        users = User.objects.bulk_create(
            User(
                email=f"load{n}@weerbaar.test",
                first_name="Medewerker",
                last_name=str(n),
                department=depts[n % departments],
                start_date=today - timedelta(days=400 + n % 900),
                password=password,
            )
            for n in range(people)
        )
        staff = Group.objects.get(name=ROLE_GROUP_NAMES[Role.MEDEWERKER])
        User.groups.through.objects.bulk_create(
            User.groups.through(user_id=user.pk, group_id=staff.pk) for user in users
        )
        now = timezone.now()
        enrolments = Enrolment.objects.bulk_create(
            Enrolment(
                user=user,
                module=module,
                cycle=1,
                status=EnrolmentStatus.IN_PROGRESS,
                progress=86,
                last_lesson=lessons[-1],
                started_at=now - timedelta(days=2),
                due_date=today + timedelta(days=30),
            )
            for user in users
        )
        LessonCompletion.objects.bulk_create(
            (
                LessonCompletion(enrolment=enrolment, lesson=lesson)
                for enrolment in enrolments
                for lesson in lessons
            ),
            batch_size=5000,
        )
        ProgressEvent.objects.bulk_create(
            (
                ProgressEvent(enrolment=enrolment, kind=ProgressEvent.Kind.STARTED)
                for enrolment in enrolments
            ),
            batch_size=5000,
        )
        people_changed(user_ids=[user.pk for user in users], reason="enrolment")
        everybody_changed(reason="benchmark build")
    sessions = [{"user_id": user.pk, "session_key": logged_in_session(user)} for user in users]
    print(f"built {people} people in {time.perf_counter() - started:.1f} s")
    return Plan(
        module_id=module.pk,
        module_url=module.url,
        people=sessions,
        correct=correct,
    )


def logged_in_session(user: User) -> str:
    """A session as ``login()`` leaves it after a single sign-on: the user, the backend, the
    password hash's HMAC and allauth's record of how they authenticated."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = BACKEND
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store["account_authentication_methods"] = [
        {"method": "socialaccount", "at": time.time(), "provider": "entra", "uid": str(user.pk)}
    ]
    store["account_authentication_methods_user"] = str(user.pk)
    store.create()
    return store.session_key
