"""A module whose final quiz's questions name the lessons that teach them, and a learner who
answers it over HTTP: shared by the review-level, attempt-policy, retake and remediation tests.

Every option text, option feedback and explanation is unique, so a test can look for each of
them in a page and know where it came from."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from modules.learning.models import ModulePage
from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from quizzes.models import Attempt, AttemptStatus, Question, Theme
from quizzes.selectors import attempt_items
from tests.factories import QuestionFactory, QuizFactory, module_with_lessons

# (kind, theme) of the four questions; the first two are taught in the first lesson.
KINDS = [
    ("single", Theme.MELDEN),
    ("multiple", Theme.MELDEN),
    ("scenario", Theme.DRUGS),
    ("true_false", Theme.FRAUDE),
]


def _options(kind: str, n: int) -> list[tuple[str, bool]]:
    if kind == "true_false":
        return [("Waar", True), ("Niet waar", False)]
    if kind == "multiple":
        return [
            (f"Juist antwoord {n}a", True),
            (f"Juist antwoord {n}b", True),
            (f"Onjuist antwoord {n}c", False),
            (f"Onjuist antwoord {n}d", False),
        ]
    return [
        (f"Juist antwoord {n}a", True),
        (f"Onjuist antwoord {n}b", False),
        (f"Onjuist antwoord {n}c", False),
    ]


def taught_module(*, questions: int = 4, lessons: int = 2, **quiz_kwargs) -> ModulePage:
    """A live module of ``lessons`` lessons ending with a quiz of ``questions`` fixed
    questions (pass mark 75%), each taught in one of the lessons (in turn, two per lesson)."""
    quiz_kwargs.setdefault("pass_mark", 75)
    made = []
    for n in range(questions):
        kind, theme = KINDS[n % len(KINDS)]
        made.append(QuestionFactory(kind=kind, theme=theme, options=_options(kind, n)))
    quiz = QuizFactory(questions=made, **quiz_kwargs)
    module = module_with_lessons(lessons=lessons, final_quiz=quiz)
    taught_in = module_lessons(module=module)
    for n, question in enumerate(made):
        Question.objects.filter(pk=question.pk).update(
            source_page=taught_in[(n // 2) % len(taught_in)]
        )
    return module


def finish_lessons(user, module) -> None:
    for lesson in module_lessons(module=module):
        lesson_complete(user=user, lesson=lesson)


def answer_all(item, *, right: bool) -> list[str]:
    keys = [o["key"] for o in item.options if o["correct"] == right]
    return keys if right else keys[:1]


def take_quiz(client: Client, user, module, *, right: int = 0):
    """Start (over HTTP) and hand in an attempt answering the first ``right`` questions right
    and the others wrong. Returns the submitted attempt and its items."""
    response = client.post(reverse("quiz_start", args=[module.pk]))
    attempt = Attempt.objects.filter(user=user, status=AttemptStatus.OPEN).first()
    assert attempt is not None, response
    items = attempt_items(attempt=attempt)
    data = {
        f"q{item.position}": answer_all(item, right=index < right)
        for index, item in enumerate(items)
    }
    response = client.post(reverse("attempt", args=[attempt.public_id]), data)
    assert response.status_code == 302
    attempt.refresh_from_db()
    return attempt, items


def result_html(client: Client, attempt) -> str:
    return client.get(reverse("attempt_result", args=[attempt.public_id])).content.decode()
