"""The demo's quizzes draw only from their own pools, and every question names a live lesson.

The tests read the package's shared demo (``conftest.py``); each test runs in its own
savepoint on top of it, so a test that switches questions off leaves the next one the demo as
loaded.
"""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest
from django.core.management import call_command

from demo.content.plan import COUNCIL_PACK, ONBOARDING_MODULE, ONBOARDING_PACK
from demo.loader import PACKS_DIR
from modules.learning.models import LessonPage, ModulePage
from modules.trends.models import TrendPage
from quizzes.bank_check import bank_check
from quizzes.models import Question, QuestionPool, Quiz
from quizzes.services import draw_questions

pytestmark = pytest.mark.django_db

DRAWS = 1_000


def _pack_item(pack: str, folder: str, key: str) -> dict:
    return json.loads((PACKS_DIR / pack / folder / f"{key}.json").read_text(encoding="utf-8"))


# What the packs say: the onboarding quiz's draw per theme, and the two pools' names.
ONBOARDING_DRAW = {
    rule["theme"]: rule["count"]
    for rule in _pack_item(ONBOARDING_PACK, "modules", ONBOARDING_MODULE)["final_quiz"]["draw"]
}
ONBOARDING_POOL = _pack_item(ONBOARDING_PACK, "pools", "onboarding")["name"]
COUNCIL_POOL = _pack_item(COUNCIL_PACK, "pools", "raadsleden")["name"]


def _onboarding() -> ModulePage:
    return ModulePage.objects.get(slug=ONBOARDING_MODULE)


def _council_quiz_module() -> ModulePage:
    return ModulePage.objects.get(final_quiz__draw_rules__pool__name=COUNCIL_POOL)


def _refreshers() -> list[TrendPage]:
    return list(TrendPage.objects.live().filter(refresher__isnull=False))


def _in_pools(pool_ids) -> set[int]:
    return set(
        Question.pools.through.objects.filter(questionpool_id__in=pool_ids).values_list(
            "question_id", flat=True
        )
    )


def _draw_many(quiz: Quiz, *, seed: int) -> list[list[Question]]:
    rng = random.Random(seed)
    return [draw_questions(quiz=quiz, rng=rng) for _ in range(DRAWS)]


def _assert_draws_stay_in_their_pools(quiz: Quiz, *, seed: int) -> set[int]:
    """Every drawn question is in use and in a pool of one of the quiz's rules, never in any
    other pool; returns the questions that were drawn at least once."""
    rule_pools = set(quiz.draw_rules.values_list("pool_id", flat=True))
    assert rule_pools, f"{quiz} draws from no pool"
    allowed = set(
        Question.objects.filter(pk__in=_in_pools(rule_pools), is_active=True).values_list(
            "pk", flat=True
        )
    )
    elsewhere = _in_pools(QuestionPool.objects.exclude(pk__in=rule_pools).values("pk"))
    seen: set[int] = set()
    for drawn in _draw_many(quiz, seed=seed):
        ids = [question.pk for question in drawn]
        assert len(ids) == len(set(ids))
        assert set(ids) <= allowed
        assert not set(ids) & elsewhere
        assert all(question.is_active for question in drawn)
        seen.update(ids)
    return seen


def test_the_onboarding_quiz_draws_only_from_the_onboarding_pool():
    quiz = _onboarding().final_quiz
    assert set(quiz.draw_rules.values_list("pool__name", flat=True)) == {ONBOARDING_POOL}
    seen = _assert_draws_stay_in_their_pools(quiz, seed=14)

    pool = Question.objects.filter(pools__name=ONBOARDING_POOL, is_active=True)
    assert pool.count() >= 60
    # A thousand draws reach the whole pool: no theme is starved by its rule.
    assert seen == set(pool.values_list("pk", flat=True))
    drawn = draw_questions(quiz=quiz, rng=random.Random(1))
    assert Counter(question.theme for question in drawn) == Counter(ONBOARDING_DRAW)


def test_council_and_refresher_questions_never_reach_the_onboarding_pool():
    onboarding = _in_pools(QuestionPool.objects.filter(name=ONBOARDING_POOL).values("pk"))
    council_quiz = _council_quiz_module().final_quiz
    others = [council_quiz, *(trend.refresher.specific.final_quiz for trend in _refreshers())]
    assert len(others) >= 2
    for quiz in others:
        pools = quiz.draw_rules.values("pool_id")
        assert not onboarding & _in_pools(pools)
        assert ONBOARDING_POOL not in set(quiz.draw_rules.values_list("pool__name", flat=True))


def test_the_council_quiz_draws_only_from_the_council_pool():
    quiz = _council_quiz_module().final_quiz
    seen = _assert_draws_stay_in_their_pools(quiz, seed=15)
    assert seen == set(
        Question.objects.filter(pools__name=COUNCIL_POOL, is_active=True).values_list(
            "pk", flat=True
        )
    )


def test_each_refresher_draws_only_from_its_own_trend_pool():
    trends = _refreshers()
    assert trends
    for number, trend in enumerate(trends):
        quiz = trend.refresher.specific.final_quiz
        seen = _assert_draws_stay_in_their_pools(quiz, seed=16 + number)
        # The refresher's questions are taught by this trend, and only by it.
        assert set(
            Question.objects.filter(pk__in=seen).values_list("source_page_id", flat=True)
        ) == {trend.pk}


def test_questions_switched_off_are_never_drawn():
    """Take the first two questions of every theme out of use: a thousand draws never ask them
    (the rules still have enough in every theme)."""
    quiz = _onboarding().final_quiz
    pool = Question.objects.filter(pools__name=ONBOARDING_POOL).order_by("pk")
    off = [
        pk
        for theme in ONBOARDING_DRAW
        for pk in pool.filter(theme=theme).values_list("pk", flat=True)[:2]
    ]
    Question.objects.filter(pk__in=off).update(is_active=False)
    seen = _assert_draws_stay_in_their_pools(quiz, seed=17)
    assert not seen & set(off)


def test_every_question_in_use_names_a_live_lesson_of_its_own_quiz():
    """Onboarding questions are taught in the onboarding lessons, council questions in the
    council quiz's module, refresher questions by their trend; all of those pages are live."""
    in_use = Question.objects.filter(is_active=True).select_related("source_page")
    assert in_use.exists()
    for question in in_use:
        assert question.source_page is not None, question.text
        assert question.source_page.live, question.text

    def sources(pool_name: str) -> set[int]:
        return set(
            Question.objects.filter(pools__name=pool_name, is_active=True).values_list(
                "source_page_id", flat=True
            )
        )

    onboarding_lessons = set(
        LessonPage.objects.child_of(_onboarding()).live().values_list("pk", flat=True)
    )
    assert sources(ONBOARDING_POOL) <= onboarding_lessons
    council_lessons = set(
        LessonPage.objects.child_of(_council_quiz_module()).live().values_list("pk", flat=True)
    )
    assert sources(COUNCIL_POOL) <= council_lessons
    # Every onboarding question says which part of its lesson teaches it.
    assert not Question.objects.filter(pools__name=ONBOARDING_POOL, source_note="").exists()


def test_the_draw_rules_leave_room_for_retakes():
    """Each rule of a quiz with more than one attempt has at least twice its count in use, so
    a retake sees mostly other questions (the bank check's small_pool rule)."""
    report = bank_check()
    assert not [finding for finding in report.findings if finding.code == "small_pool"]
    assert not [finding for finding in report.findings if finding.code == "unfillable_rule"]


def test_the_demo_bank_passes_check_question_bank():
    """The kernteam's check finds no error in the demo bank (it exits 1 when it does)."""
    call_command("check_question_bank")
    assert bank_check().errors == []
