"""Test data for the goals: people with start and end dates, completions, attendance and quiz
answers at chosen moments in the past (the services stamp "now", so the rows are written with
their dates directly; what is counted is the real database, never a mock)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from accounts.roles import Role
from modules.awareness.models import AttendanceMethod, Registration, RegistrationStatus
from modules.learning.models import Assignment, Enrolment, EnrolmentStatus, ModulePage
from quizzes.models import Attempt, AttemptItem, AttemptStatus, Question
from tests.factories import QuestionFactory, QuizFactory, UserFactory, module_with_lessons

# The month the tests measure: September 2026 (its 12-month period starts on 1 October 2025).
MONTH = date(2026, 9, 1)
LONG_AGO = date(2020, 1, 1)


def at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def person(department, *, start=LONG_AGO, end=None, council=False, **kwargs):
    roles = [Role.RAADSLID] if council else [Role.MEDEWERKER]
    return UserFactory(department=department, start_date=start, end_date=end, roles=roles, **kwargs)


def onboarding_module(*, starters_from=date(2025, 1, 1)) -> ModulePage:
    module = module_with_lessons(lessons=0)
    Assignment.objects.create(module=module, starters_from=starters_from, due_days_after_start=30)
    return module


def complete(user, module, on: date, *, cycle: int = 1) -> Enrolment:
    return Enrolment.objects.create(
        user=user,
        module=module,
        cycle=cycle,
        status=EnrolmentStatus.COMPLETED,
        progress=100,
        started_at=at(on, 9),
        completed_at=at(on),
        completed_version=1,
    )


def attend(user, session, on: date) -> Registration:
    return Registration.objects.create(
        session=session,
        user=user,
        status=RegistrationStatus.REGISTERED,
        attended_at=at(on),
        attendance_method=AttendanceMethod.KERNTEAM,
    )


class QuizDesk:
    """One module with a quiz that every test attempt belongs to, and a question per theme."""

    def __init__(self):
        self.quiz = QuizFactory()
        self.module = module_with_lessons(lessons=0)
        self.questions: dict[str, Question] = {}

    def question(self, theme: str) -> Question:
        if theme not in self.questions:
            self.questions[theme] = QuestionFactory(theme=theme)
        return self.questions[theme]

    def answered(
        self, user, on: date, scores: list[tuple[str, float]], *, department="", council=False
    ) -> Attempt:
        """A submitted attempt of ``user`` on ``on`` with one answer per (theme, score);
        ``department`` defaults to the person's own (as the quiz copies it at the start)."""
        enrolment, _created = Enrolment.objects.get_or_create(user=user, module=self.module)
        number = enrolment.quiz_attempts.count() + 1
        attempt = Attempt.objects.create(
            user=user,
            quiz=self.quiz,
            enrolment=enrolment,
            number=number,
            status=AttemptStatus.SUBMITTED,
            department=user.department if department == "" else department,
            is_council_member=council,
            submitted_at=at(on),
            score=100,
            passed=True,
        )
        for position, (theme, score) in enumerate(scores):
            AttemptItem.objects.create(
                attempt=attempt,
                position=position,
                question=self.question(theme),
                theme=theme,
                kind="single",
                text="Vraag?",
                explanation="Uitleg.",
                options=[],
                score=score,
            )
        return attempt
