"""Regrading: score the attempts of an earlier version of a question again after its key was
fixed.

An editor who finds a wrong key fixes it in the admin; because people already answered the
question, that edit makes a new version (:func:`quizzes.services.question_record_edit`) and
the attempts keep the version they answered. Those attempts were scored with the wrong key.
:func:`regrade_preview` says what regrading them would change; :func:`regrade_apply` does it.

Only which options count as right is taken from the question as it is now, matched by the
option's id: the items keep the text they were asked and their ``question_version``. An
option removed since keeps the flag it had (the question no longer says whether it is right),
and the preview names such options. What a changed result means for a learner's module is the
caller's business (:mod:`modules.learning.regrade`): the engine knows nothing of modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.changes import people_changed
from quizzes.models import Attempt, AttemptChoice, AttemptItem, AttemptStatus, Question
from quizzes.scoring import fraction_to_decimal, item_score, quiz_score
from quizzes.services import chosen_answers_record

REGRADE_PERMISSION = "quizzes.regrade_attempt"


class RegradeRefused(Exception):
    """Regrading cannot be done (unknown version, or a key that would leave items without a
    right answer); the message says why, in Dutch, for the admin."""


@dataclass(frozen=True)
class RegradedAttempt:
    """One submitted attempt that holds the question in the version regraded."""

    attempt: Attempt
    old_score: Decimal
    new_score: Decimal
    old_passed: bool
    new_passed: bool
    items_changed: int

    @property
    def changed(self) -> bool:
        return self.items_changed > 0

    @property
    def now_passed(self) -> bool:
        """Failed before, passed now."""
        return not self.old_passed and self.new_passed

    @property
    def now_failed(self) -> bool:
        """Passed before, failed now."""
        return self.old_passed and not self.new_passed


@dataclass(frozen=True)
class RegradeResult:
    question: Question
    version: int
    attempts: list[RegradedAttempt]
    # Texts of options the attempts were shown that the question no longer has: their flag
    # stays as it was.
    removed_options: list[str]
    # Items that would have no right option left (the preview warns; applying is refused).
    items_without_key: int
    applied: bool

    @property
    def changed(self) -> list[RegradedAttempt]:
        return [row for row in self.attempts if row.changed]

    @property
    def now_passed(self) -> list[RegradedAttempt]:
        return [row for row in self.attempts if row.now_passed]

    @property
    def now_failed(self) -> list[RegradedAttempt]:
        return [row for row in self.attempts if row.now_failed]


def _check_version(question: Question, version: int) -> None:
    if not 1 <= version <= question.version:
        raise RegradeRefused(
            _("Question %(question)s has no version %(version)s.")
            % {"question": question.pk, "version": version}
        )


def _attempts_with(question: Question, version: int, *, lock: bool):
    """The submitted attempts holding the question in ``version``, with all their items."""
    attempts = Attempt.objects.filter(
        status=AttemptStatus.SUBMITTED,
        pk__in=AttemptItem.objects.filter(question=question, question_version=version).values(
            "attempt_id"
        ),
    ).order_by("pk")
    items = AttemptItem.objects.filter(attempt__in=attempts.values("pk")).order_by(
        "attempt_id", "position"
    )
    if lock:
        attempts = attempts.select_for_update(of=("self",))
        items = items.select_for_update(of=("self",))
    attempts = list(attempts.select_related("quiz", "user", "enrolment"))
    by_attempt: dict[int, list[AttemptItem]] = {attempt.pk: [] for attempt in attempts}
    for item in items:
        by_attempt.setdefault(item.attempt_id, []).append(item)
    return attempts, by_attempt


def _plan(question: Question, version: int, *, lock: bool):
    """Per attempt: the items with their new snapshot and score (unsaved), and the figures.
    Four queries, whatever the number of attempts."""
    _check_version(question, version)
    key = dict(question.options.values_list("pk", "is_correct"))
    attempts, by_attempt = _attempts_with(question, version, lock=lock)
    removed: dict[int, str] = {}
    without_key = 0
    rows: list[RegradedAttempt] = []
    changed_items: dict[int, list[AttemptItem]] = {}
    for attempt in attempts:
        items = by_attempt.get(attempt.pk, [])
        changed = []
        for item in items:
            if item.question_id != question.pk or item.question_version != version:
                continue
            options = []
            for option in item.options:
                option_id = option.get("option_id")
                if option_id in key:
                    options.append({**option, "correct": key[option_id]})
                else:
                    removed.setdefault(option_id, option["text"])
                    options.append(option)
            if not any(option["correct"] for option in options):
                without_key += 1
            if options != item.options:
                item.options = options
                item.score = fraction_to_decimal(
                    item_score(kind=item.kind, options=options, selected=item.selected)
                )
                changed.append(item)
        old_score, old_passed = attempt.score, bool(attempt.passed)
        new_score, new_passed = old_score, old_passed
        if changed:
            # Every item scored again from its snapshot, with the quiz's pass mark (as
            # attempt_submit does). An attempt nothing changed in keeps its result, even when
            # the pass mark was changed since.
            score = quiz_score(
                item_points=[
                    item_score(kind=item.kind, options=item.options, selected=item.selected)
                    for item in items
                ],
                pass_mark=attempt.quiz.pass_mark,
            )
            new_score, new_passed = score.percent, score.passed
            changed_items[attempt.pk] = changed
        rows.append(
            RegradedAttempt(
                attempt=attempt,
                old_score=old_score,
                new_score=new_score,
                old_passed=old_passed,
                new_passed=new_passed,
                items_changed=len(changed),
            )
        )
    return rows, changed_items, sorted(removed.values()), without_key


def regrade_preview(question: Question, version: int) -> RegradeResult:
    """What regrading the attempts of ``version`` of ``question`` would change; writes nothing."""
    rows, _changed, removed, without_key = _plan(question, version, lock=False)
    return RegradeResult(
        question=question,
        version=version,
        attempts=rows,
        removed_options=removed,
        items_without_key=without_key,
        applied=False,
    )


@transaction.atomic
def regrade_apply(question: Question, version: int, by: User) -> RegradeResult:
    """Regrade every submitted attempt holding ``version`` of ``question`` with the question's
    current key: the items' snapshot flags and score, the chosen answers' ``is_correct``, and
    the attempt's score, pass and ``regraded_at``. One transaction holding locks on the
    attempts and their items, so a second regrade waits and then finds nothing to change.

    Refused when ``by`` lacks :data:`REGRADE_PERMISSION`, or when an item would be left
    without a right option (a key that was not fixed but removed).
    """
    if not by.has_perm(REGRADE_PERMISSION):
        raise PermissionDenied
    question = Question.objects.select_for_update().get(pk=question.pk)
    rows, changed_items, removed, without_key = _plan(question, version, lock=True)
    if without_key:
        raise RegradeRefused(
            _(
                "After regrading, %(count)s answers would have no right option. Mark the right "
                "answer in the question first."
            )
            % {"count": without_key}
        )
    now = timezone.now()
    items = [item for changed in changed_items.values() for item in changed]
    if items:
        AttemptItem.objects.bulk_update(items, ["options", "score"])
        # The chosen answers are copied from the snapshot (as at submission), so write them
        # again from the new one.
        AttemptChoice.objects.filter(item__in=items).delete()
        chosen_answers_record(items=items)
    attempts = []
    for row in rows:
        if not row.changed:
            continue
        row.attempt.score = row.new_score
        row.attempt.passed = row.new_passed
        row.attempt.regraded_at = now
        attempts.append(row.attempt)
    Attempt.objects.bulk_update(attempts, ["score", "passed", "regraded_at"])
    # The bulk updates send no post_save; every regraded attempt's learner may now see another
    # score, pass or theme result (core.changes).
    people_changed(user_ids={row.attempt.user_id for row in rows}, reason="attempt")
    return RegradeResult(
        question=question,
        version=version,
        attempts=rows,
        removed_options=removed,
        items_without_key=0,
        applied=True,
    )


def regradable_versions(question: Question) -> list[tuple[int, int]]:
    """(version, number of submitted attempts) for each version of ``question`` that attempts
    were submitted with, oldest first. One query."""
    rows = (
        AttemptItem.objects.filter(question=question, attempt__status=AttemptStatus.SUBMITTED)
        .values("question_version")
        .annotate(attempts=Count("attempt_id", distinct=True))
        .order_by("question_version")
    )
    return [(row["question_version"], row["attempts"]) for row in rows]
