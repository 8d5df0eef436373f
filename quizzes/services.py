"""Writes of the quiz engine: starting an attempt, saving answers and submitting.

The engine knows nothing of modules: it is given an attempt context (the round, an
``Enrolment``, that the attempt belongs to, and the attempt's number in it) and returns results.
Whether a learner may start, and what a pass means for their module, is decided by the caller
(:mod:`modules.learning.final_quiz`).

Every write validates the whole submission first and writes nothing when any part is wrong,
then runs in one transaction holding a lock on the attempt row, so a double click, a second
tab or a replayed request records one result.
"""

from __future__ import annotations

import hashlib
import json
import random
import secrets
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, Max, OuterRef, Value
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from accounts.models import User
from accounts.roles import Role
from quizzes.forms import question_rule_errors
from quizzes.models import (
    Attempt,
    AttemptChoice,
    AttemptItem,
    AttemptStatus,
    DrawRule,
    FeedbackTiming,
    Option,
    Question,
    QuestionKind,
    QuestionPool,
    Quiz,
    QuizQuestion,
    ReviewLevel,
)
from quizzes.scoring import fraction_to_decimal, item_score, quiz_score

FIELD_PREFIX = "q"


class QuizEmpty(Exception):
    """The quiz has no questions in use: no attempt is started (none is used up)."""


def draw_questions(
    *,
    quiz: Quiz,
    rng: random.Random,
    seen: frozenset[int] = frozenset(),
    learner: User | None = None,
) -> list[Question]:
    """What :func:`_draw` draws, as questions: the fixed ones, then the drawn ones."""
    fixed, drawn = _draw(quiz=quiz, rng=rng, seen=seen, learner=learner)
    loaded = Question.objects.in_bulk(drawn) if drawn else {}
    return fixed + [loaded[question_id] for question_id in drawn]


def _draw(
    *,
    quiz: Quiz,
    rng: random.Random,
    seen: frozenset[int] = frozenset(),
    learner: User | None = None,
) -> tuple[list[Question], list[int]]:
    """The fixed questions in their order, then per draw rule a random sample of the questions
    in use in its pool (and theme, when the rule names one).

    Questions in ``seen`` (asked in the learner's earlier attempts) are drawn only when a rule
    runs out of unseen ones, so a retake asks new questions as long as the pool has them and
    the answers shown after an earlier attempt do not pass the next one. With ``learner``,
    what that person was asked before in this quiz is read in the same query as the pools.

    Only the rules' pools are ever drawn from, whatever else the bank holds. A question is
    asked once per attempt, even when it is fixed or sits in two pools that rules draw from; a
    rule whose pool holds fewer questions than it asks for gives all it has (the admin form and
    the bank check warn about that). Returns the fixed questions and the ids drawn, in three
    queries whatever the size of the pools: the pools are read as (question, theme) pairs, so
    only the questions drawn need loading.
    """
    fixed = [
        link.question
        for link in quiz.fixed_questions.select_related("question").order_by("sort_order")
        if link.question.is_active
    ]
    taken = {question.pk for question in fixed}
    rules = list(quiz.draw_rules.order_by("sort_order"))
    if not rules:
        return fixed, []
    links = Question.pools.through.objects.filter(
        questionpool_id__in={rule.pool_id for rule in rules}, question__is_active=True
    )
    if learner is not None:
        links = links.annotate(
            asked_before=Exists(
                AttemptItem.objects.filter(
                    question_id=OuterRef("question_id"), attempt__user=learner, attempt__quiz=quiz
                )
            )
        )
    else:
        links = links.annotate(asked_before=Value(False))
    # (question id, theme, asked before) per pool, in the order of the question ids.
    in_pool: dict[int, list[tuple[int, str, bool]]] = {}
    for pool_id, question_id, theme, asked in links.order_by("question_id").values_list(
        "questionpool_id", "question_id", "question__theme", "asked_before"
    ):
        in_pool.setdefault(pool_id, []).append((question_id, theme, asked or question_id in seen))
    drawn: list[int] = []
    for rule in rules:
        available = [
            (question_id, asked)
            for question_id, theme, asked in in_pool.get(rule.pool_id, [])
            if question_id not in taken and (not rule.theme or theme == rule.theme)
        ]
        fresh = [question_id for question_id, asked in available if not asked]
        sample = rng.sample(fresh, min(rule.count, len(fresh)))
        if len(sample) < rule.count:
            again = [question_id for question_id, asked in available if asked]
            sample += rng.sample(again, min(rule.count - len(sample), len(again)))
        taken.update(sample)
        drawn.extend(sample)
    rng.shuffle(drawn)
    return fixed, drawn


def _snapshot(question: Question, options: Sequence, rng: random.Random, used: set[str]) -> dict:
    """An attempt item's copy of a question, with options in a per-attempt random order."""
    ordered = list(options)
    if question.kind != QuestionKind.TRUE_FALSE:  # "Waar" before "Niet waar" reads naturally
        rng.shuffle(ordered)
    snapshot = []
    for option in ordered:
        key = secrets.token_hex(4)
        while key in used:
            key = secrets.token_hex(4)
        used.add(key)
        snapshot.append(
            {
                "key": key,
                "option_id": option.pk,
                "text": option.text,
                "correct": option.is_correct,
                "feedback": option.feedback,
            }
        )
    return {
        "question": question,
        "question_version": question.version,
        "source_page_id": question.source_page_id,
        "theme": question.theme,
        "kind": question.kind,
        "scenario": question.scenario,
        "text": question.text,
        "explanation": question.explanation,
        "options": snapshot,
    }


def attempt_start(
    *, user: User, quiz: Quiz, enrolment, number: int, rng: random.Random | None = None
) -> Attempt:
    """A new attempt at ``quiz`` in the round ``enrolment`` (its ``number``-th), with its
    questions drawn and their options shuffled.

    Raises :class:`QuizEmpty` when the quiz has no questions in use. When another request
    started an attempt in this round at the same moment, that attempt is returned. The draw
    prefers questions the learner was not asked before in this quiz (any round).
    """
    rng = rng or random.SystemRandom()
    fixed, drawn = _draw(quiz=quiz, rng=rng, learner=user)
    if not fixed and not drawn:
        raise QuizEmpty
    # The options with their questions in one query: the drawn questions come with them.
    options_by_question: dict[int, list] = defaultdict(list)
    loaded: dict[int, Question] = {question.pk: question for question in fixed}
    for option in (
        Option.objects.filter(question_id__in=[*loaded, *drawn])
        .select_related("question")
        .order_by("question_id", "sort_order", "pk")
    ):
        options_by_question[option.question_id].append(option)
        loaded.setdefault(option.question_id, option.question)
    missing = [question_id for question_id in drawn if question_id not in loaded]
    if missing:  # a question without options (never saved so by the editor or the services)
        loaded.update(Question.objects.in_bulk(missing))
    questions = fixed + [loaded[question_id] for question_id in drawn]
    used: set[str] = set()
    snapshots = [
        _snapshot(question, options_by_question[question.pk], rng, used) for question in questions
    ]
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                user=user,
                quiz=quiz,
                enrolment=enrolment,
                number=number,
                department_id=user.department_id,
                is_council_member=user.has_role(Role.RAADSLID),
            )
            AttemptItem.objects.bulk_create(
                AttemptItem(attempt=attempt, position=position, **snapshot)
                for position, snapshot in enumerate(snapshots)
            )
    except IntegrityError:
        # A second tab started an attempt in this round at the same moment: use that one.
        return Attempt.objects.get(enrolment=enrolment, quiz=quiz, status=AttemptStatus.OPEN)
    return attempt


@dataclass
class AnswerErrors:
    """What was wrong with a submission, in Dutch, per question number and in general."""

    general: list[str] = field(default_factory=list)
    per_item: dict[int, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.general or self.per_item)

    @property
    def count(self) -> int:
        return len(self.general) + len(self.per_item)


def parse_answers(
    *, items: Sequence[AttemptItem], data: Mapping, require_all: bool, only: set[int] | None = None
) -> tuple[dict[int, list[str]], AnswerErrors]:
    """Check a posted form against the attempt; return chosen keys per item position.

    ``data`` is a ``QueryDict`` (or a dict of lists). Fields are named ``q<position>`` and
    carry option keys. ``only`` limits which positions may be answered (one question at a
    time). Nothing is written here.
    """
    errors = AnswerErrors()
    by_position = {item.position: item for item in items}
    owner_of_key = {option["key"]: item.position for item in items for option in item.options}
    answers: dict[int, list[str]] = {}
    for name in data:
        if not name.startswith(FIELD_PREFIX):
            continue
        suffix = name[len(FIELD_PREFIX) :]
        position = int(suffix) if is_small_number(suffix) else None
        item = by_position.get(position) if position is not None else None
        if item is None or (only is not None and position not in only):
            errors.general.append(_("Your answers include a question that is not in this quiz."))
            continue
        values = _values(data, name)
        number = item.number
        if item.locked:
            errors.per_item[number] = _("You already answered this question.")
            continue
        if len(values) > len(item.options):
            errors.per_item[number] = _("You sent more answers than this question has.")
            continue
        if len(set(values)) != len(values):
            errors.per_item[number] = _("You chose the same answer twice.")
            continue
        own_keys = {option["key"] for option in item.options}
        if any(value not in own_keys for value in values):
            if any(owner_of_key.get(value) not in (None, position) for value in values):
                errors.per_item[number] = _("This answer belongs to another question.")
            else:
                errors.per_item[number] = _("This answer does not exist. Choose one of the list.")
            continue
        if not item.is_multiple and len(values) > 1:
            errors.per_item[number] = _("Choose one answer.")
            continue
        if values:
            answers[position] = values
    if require_all:
        for item in items:
            wanted = only is None or item.position in only
            if wanted and not item.locked and item.position not in answers:
                errors.per_item.setdefault(item.number, _("Choose an answer to this question."))
    return answers, errors


def is_small_number(text: str) -> bool:
    """ASCII digits only ("²" is a digit to ``str.isdigit`` but not to ``int``)."""
    return text.isascii() and text.isdecimal() and len(text) < 4


def _values(data: Mapping, name: str) -> list[str]:
    if hasattr(data, "getlist"):
        return [str(value) for value in data.getlist(name)]
    value = data[name]
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


def _locked_attempt(*, user: User, attempt: Attempt) -> tuple[Attempt, list[AttemptItem]]:
    if attempt.user_id != user.pk:
        raise PermissionDenied
    attempt = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
    return attempt, list(attempt.items.order_by("position"))


@dataclass(frozen=True)
class SaveResult:
    attempt: Attempt
    errors: AnswerErrors
    items: list[AttemptItem]


@transaction.atomic
def attempt_save_answers(*, user: User, attempt: Attempt, data: Mapping) -> SaveResult:
    """Keep the answers given so far, to come back later. Unanswered questions may stay open."""
    attempt, items = _locked_attempt(user=user, attempt=attempt)
    if not attempt.is_open:
        return SaveResult(attempt=attempt, errors=AnswerErrors(), items=items)
    answers, errors = parse_answers(items=items, data=data, require_all=False)
    if errors:
        return SaveResult(attempt=attempt, errors=errors, items=items)
    _store(items, answers, lock=False)
    return SaveResult(attempt=attempt, errors=errors, items=items)


@transaction.atomic
def attempt_answer_question(
    *, user: User, attempt: Attempt, position: int, data: Mapping
) -> SaveResult:
    """Feedback after each question: answer one question; its answer is then final."""
    attempt, items = _locked_attempt(user=user, attempt=attempt)
    if not attempt.is_open or attempt.quiz.feedback_timing != FeedbackTiming.AFTER_EACH_QUESTION:
        return SaveResult(attempt=attempt, errors=AnswerErrors(), items=items)
    next_open = next((item.position for item in items if not item.locked), None)
    if position != next_open:
        errors = AnswerErrors(general=[_("Answer the questions in order, one at a time.")])
        return SaveResult(attempt=attempt, errors=errors, items=items)
    answers, errors = parse_answers(items=items, data=data, require_all=True, only={position})
    if errors:
        return SaveResult(attempt=attempt, errors=errors, items=items)
    _store(items, answers, lock=True)
    return SaveResult(attempt=attempt, errors=errors, items=items)


def _store(items: Sequence[AttemptItem], answers: dict[int, list[str]], *, lock: bool) -> None:
    now = timezone.now()
    changed = []
    for item in items:
        if item.position not in answers:
            continue
        item.selected = answers[item.position]
        item.answered_at = now
        item.score = fraction_to_decimal(
            item_score(kind=item.kind, options=item.options, selected=item.selected)
        )
        item.locked = item.locked or lock
        changed.append(item)
    if not changed:
        return
    if connection.vendor == "postgresql":
        _update_items_at_once(changed, now)
    else:
        AttemptItem.objects.bulk_update(changed, ["selected", "answered_at", "score", "locked"])


def _update_items_at_once(items: Sequence[AttemptItem], now) -> None:
    """One ``UPDATE ... FROM (VALUES ...)`` for every answered item (PostgreSQL).

    What ``bulk_update`` writes, without its ``CASE WHEN`` per field and item: at the peak a
    submission's write was a third of its CPU, most of it building those expressions."""
    table = connection.ops.quote_name(AttemptItem._meta.db_table)
    rows = ", ".join(["(%s, %s, %s, %s)"] * len(items))
    params: list = []
    for item in items:
        params += [item.pk, json.dumps(item.selected), item.score, item.locked]
    # Only the table's quoted name and placeholders are put into the text; values are bound.
    sql = (
        f"UPDATE {table} AS item SET selected = v.selected::jsonb, answered_at = %s, "  # noqa: S608
        "score = v.score::numeric, locked = v.locked::boolean "
        f"FROM (VALUES {rows}) AS v(id, selected, score, locked) WHERE item.id = v.id::bigint"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [now, *params])


@dataclass(frozen=True)
class SubmitResult:
    attempt: Attempt
    errors: AnswerErrors
    items: list[AttemptItem]
    newly_submitted: bool


@transaction.atomic
def attempt_submit(*, user: User, attempt: Attempt, data: Mapping) -> SubmitResult:
    """Score the attempt on the server; a second submission returns the first result.

    Every question must be answered. What a pass means for the learner's module is the
    caller's business (:func:`modules.learning.final_quiz.final_quiz_submit`).
    """
    attempt, items = _locked_attempt(user=user, attempt=attempt)
    if not attempt.is_open:
        return SubmitResult(
            attempt=attempt, errors=AnswerErrors(), items=items, newly_submitted=False
        )
    answers, errors = parse_answers(items=items, data=data, require_all=True)
    if errors:
        return SubmitResult(attempt=attempt, errors=errors, items=items, newly_submitted=False)
    _store(items, answers, lock=True)
    points = [
        item_score(kind=item.kind, options=item.options, selected=item.selected) for item in items
    ]
    score = quiz_score(item_points=points, pass_mark=attempt.quiz.pass_mark)
    attempt.status = AttemptStatus.SUBMITTED
    attempt.submitted_at = timezone.now()
    attempt.score = score.percent
    attempt.passed = score.passed
    attempt.save(update_fields=["status", "submitted_at", "score", "passed"])
    chosen_answers_record(items=items)
    return SubmitResult(attempt=attempt, errors=errors, items=items, newly_submitted=True)


def chosen_answers_record(*, items: Sequence[AttemptItem]) -> None:
    """The rows item analysis counts: one per option chosen, copied from the items' snapshot
    (at submission, and again by a regrade after the snapshot's key changed)."""
    AttemptChoice.objects.bulk_create(
        AttemptChoice(
            item=item,
            question_id=item.question_id,
            option_text=option["text"],
            is_correct=option["correct"],
        )
        for item in items
        for option in item.options
        if option["key"] in (item.selected or ())
    )


class InvalidQuestion(ValueError):
    pass


def _content_hash(
    *, kind: str, scenario: str, text: str, explanation: str, options: Sequence[Sequence]
) -> str:
    """The hash of a question's content; ``options`` as (id, text, correct, feedback).

    Options are taken in the order of their ids, not of the editor's sort order: options are
    shuffled per attempt, so moving one up or down changes nothing a learner is asked (and an
    attempt's snapshot, which holds them shuffled, hashes the same as the question it came
    from)."""
    content = {
        "kind": kind,
        "scenario": scenario,
        "text": text,
        "explanation": explanation,
        "options": sorted(
            ([option_id or 0, option_text, bool(correct), feedback or ""])
            for option_id, option_text, correct, feedback in options
        ),
    }
    encoded = json.dumps(content, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(encoded).hexdigest()


def question_fingerprint(*, question: Question, options: Sequence[Option] | None = None) -> str:
    """A hash of what a learner is asked and what counts as right: the kind, situation,
    question, explanation and every option's text, correctness and feedback. Theme, pools,
    teaching source, whether it is in use and the options' order are not part of it (moving
    a question or reordering its options changes nothing it asks)."""
    options = list(question.options.all()) if options is None else list(options)
    return _content_hash(
        kind=question.kind,
        scenario=question.scenario,
        text=question.text,
        explanation=question.explanation,
        options=[
            (option.pk, option.text, option.is_correct, option.feedback) for option in options
        ],
    )


def snapshot_fingerprint(*, item: AttemptItem) -> str:
    """The same hash over an attempt item's snapshot: what that attempt was asked."""
    return _content_hash(
        kind=item.kind,
        scenario=item.scenario,
        text=item.text,
        explanation=item.explanation,
        options=[
            (option.get("option_id"), option["text"], option["correct"], option.get("feedback"))
            for option in item.options
        ],
    )


@transaction.atomic
def question_record_edit(*, question: Question) -> Question:
    """After an edit (the admin's ``after_edit_snippet`` hook): a question whose content
    changed while attempts hold its current version gets a new version, so those attempts
    keep the version they answered. Edits before anyone drew it stay in the same version, and
    so do edits of the theme, pools or source. Idempotent.

    What counts is the content the attempts of the current version were actually asked (their
    snapshot), not only the stored fingerprint: a fingerprint left empty or made by an older
    hash cannot then hide an edit, nor cause a version nobody needs. An attempt that was only
    drawn (still open) counts too: its snapshot was made from the current version. Four
    queries at most.
    """
    question = Question.objects.select_for_update().get(pk=question.pk)
    fingerprint = question_fingerprint(question=question)
    # Reverting to an older revision restores that revision's version number too; a version
    # never goes down, or two different texts would share a number.
    highest = AttemptItem.objects.filter(question=question).aggregate(top=Max("question_version"))
    if (highest["top"] or 0) > question.version:
        question.version = highest["top"]
        question.fingerprint = ""
    if fingerprint == question.fingerprint:
        return question
    latest = (
        AttemptItem.objects.filter(question=question, question_version=question.version)
        .order_by("-pk")
        .first()
    )
    if latest is not None and snapshot_fingerprint(item=latest) != fingerprint:
        question.version += 1
    question.fingerprint = fingerprint
    question.save(update_fields=["version", "fingerprint"])
    return question


def pool_get_or_create(*, name: str, description: str = "") -> QuestionPool:
    pool, _created = QuestionPool.objects.get_or_create(
        name=name, defaults={"description": description}
    )
    return pool


@transaction.atomic
def question_create(
    *,
    theme: str,
    kind: str,
    text: str,
    explanation: str,
    options: Sequence[Mapping],
    pools: Sequence[QuestionPool],
    scenario: str = "",
    source_page: Page | None = None,
    source_note: str = "",
) -> Question:
    """A question with its options in ``pools``, checked by the same rules as the admin form."""

    errors = question_rule_errors(
        kind=kind,
        scenario=scenario,
        options=[{**option, "feedback": option.get("feedback", "")} for option in options],
    )
    if not pools:
        errors.append(_("A question belongs to at least one pool."))
    if errors:
        raise InvalidQuestion(f"{text}: {'; '.join(str(error) for error in errors)}")
    question = Question.objects.create(
        theme=theme,
        kind=kind,
        text=text,
        explanation=explanation,
        scenario=scenario,
        source_page=source_page,
        source_note=source_note,
    )
    # Through the link table: on a ClusterableModel, pools.set() waits for the next full save.
    Question.pools.through.objects.bulk_create(
        Question.pools.through(question_id=question.pk, questionpool_id=pool.pk) for pool in pools
    )
    Option.objects.bulk_create(
        Option(
            question=question,
            text=option["text"],
            is_correct=option["correct"],
            feedback=option.get("feedback", ""),
            sort_order=order,
        )
        for order, option in enumerate(options)
    )
    question.fingerprint = question_fingerprint(question=question)
    question.save(update_fields=["fingerprint"])
    question.save_revision()
    return question


def question_set_source(*, question: Question, source_page: Page, source_note: str = "") -> None:
    """Name the page (and part) that teaches ``question``, for a source made after the
    question, such as a trend whose refresher quiz draws from it. Not part of the version:
    what the learner is asked does not change."""
    Question.objects.filter(pk=question.pk).update(source_page=source_page, source_note=source_note)
    question.source_page, question.source_note = source_page, source_note


@dataclass(frozen=True)
class Draw:
    """One draw rule for :func:`quiz_create`: ``count`` questions from ``pool`` (of ``theme``,
    or of any theme when it is empty)."""

    pool: QuestionPool
    count: int
    theme: str = ""


@transaction.atomic
def quiz_create(
    *,
    title: str,
    draw: Sequence[Draw] = (),
    questions: Sequence[Question] = (),
    pass_mark: int = 70,
    max_attempts: int | None = None,
    retry_wait_minutes: int = 0,
    intro: str = "",
    feedback_timing: str = FeedbackTiming.AFTER_QUIZ,
    review_after_fail: str = ReviewLevel.THEMES,
    review_after_last: str = ReviewLevel.FULL,
    review_after_pass: str = ReviewLevel.FULL,
) -> Quiz:
    """A quiz with fixed ``questions`` (asked first, in this order) and/or questions drawn
    per :class:`Draw` rule for every attempt."""

    quiz = Quiz.objects.create(
        title=title,
        intro=intro,
        pass_mark=pass_mark,
        max_attempts=max_attempts,
        retry_wait_minutes=retry_wait_minutes,
        feedback_timing=feedback_timing,
        review_after_fail=review_after_fail,
        review_after_last=review_after_last,
        review_after_pass=review_after_pass,
    )
    QuizQuestion.objects.bulk_create(
        QuizQuestion(quiz=quiz, question=question, sort_order=order)
        for order, question in enumerate(questions)
    )
    DrawRule.objects.bulk_create(
        DrawRule(quiz=quiz, pool=rule.pool, theme=rule.theme, count=rule.count, sort_order=order)
        for order, rule in enumerate(draw)
    )
    quiz.save_revision()
    return quiz
