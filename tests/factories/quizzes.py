"""Question bank and quiz factories: small banks per test, built like editors build them."""

from __future__ import annotations

import factory

from quizzes.models import (
    DrawRule,
    Option,
    Question,
    QuestionKind,
    QuestionPool,
    Quiz,
    QuizQuestion,
    Theme,
)
from quizzes.services import question_fingerprint

TEST_POOL = "Testpool"


class QuestionPoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionPool
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Pool {n}")


def shared_pool() -> QuestionPool:
    """The pool questions go into unless a test names others, and that ``draw={...}`` uses."""
    return QuestionPoolFactory(name=TEST_POOL)


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question with options. ``options`` is a list of (text, correct) pairs; by default the
    kind decides: one right of three, two right of four (multiple), or Waar/Niet waar.
    ``pools`` defaults to the shared test pool."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    kind = QuestionKind.SINGLE
    theme = Theme.MELDEN
    text = factory.Sequence(lambda n: f"Vraag {n}?")
    explanation = factory.Sequence(lambda n: f"Uitleg bij vraag {n}.")
    scenario = factory.LazyAttribute(
        lambda q: (
            "Een aanvrager wil zijn vergunning snel." if q.kind == QuestionKind.SCENARIO else ""
        )
    )

    @factory.post_generation
    def options(self, create, extracted, **kwargs):
        if extracted is None:
            extracted = {
                QuestionKind.MULTIPLE: [("A", True), ("B", True), ("C", False), ("D", False)],
                QuestionKind.TRUE_FALSE: [("Waar", True), ("Niet waar", False)],
            }.get(self.kind, [("Goed", True), ("Fout 1", False), ("Fout 2", False)])
        for order, (text, correct) in enumerate(extracted):
            Option.objects.create(
                question=self,
                text=text,
                is_correct=correct,
                feedback=f"Feedback bij {text}.",
                sort_order=order,
            )
        self.fingerprint = question_fingerprint(question=self)
        Question.objects.filter(pk=self.pk).update(fingerprint=self.fingerprint)

    @factory.post_generation
    def pools(self, create, extracted, **kwargs):
        # Through the link table: on a ClusterableModel, pools.set() waits for the next save().
        pools = extracted if extracted is not None else [shared_pool()]
        Question.pools.through.objects.bulk_create(
            Question.pools.through(question_id=self.pk, questionpool_id=pool.pk) for pool in pools
        )


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quiz
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Eindtoets {n}")
    pass_mark = 70

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        for order, question in enumerate(extracted or []):
            QuizQuestion.objects.create(quiz=self, question=question, sort_order=order)

    @factory.post_generation
    def draw(self, create, extracted, **kwargs):
        """``draw={"melden": 3, "drugs": 2}`` draws per theme from the test pool;
        ``draw=[(pool, theme, count), ...]`` from the pools named ("" for any theme)."""
        if isinstance(extracted, dict):
            extracted = [(shared_pool(), theme, count) for theme, count in extracted.items()]
        for order, (pool, theme, count) in enumerate(extracted or []):
            DrawRule.objects.create(
                quiz=self, pool=pool, theme=theme, count=count, sort_order=order
            )


def pass_final_quiz(user, module, *, seed: int = 1):
    """Do the module's lessons and pass its final quiz through the real services (answers
    chosen from the attempt's own snapshot, as a learner who knows them would). Returns the
    submitted attempt."""
    import random

    from modules.learning.final_quiz import final_quiz_start, final_quiz_submit
    from modules.learning.selectors import module_lessons
    from modules.learning.services import lesson_complete
    from quizzes.selectors import attempt_items

    for lesson in module_lessons(module=module):
        lesson_complete(user=user, lesson=lesson)
    attempt = final_quiz_start(user=user, module=module, rng=random.Random(seed))
    final_quiz_submit(
        user=user,
        attempt=attempt,
        data={
            f"q{item.position}": [option["key"] for option in item.options if option["correct"]]
            for item in attempt_items(attempt=attempt)
        },
    )
    attempt.refresh_from_db()
    return attempt
