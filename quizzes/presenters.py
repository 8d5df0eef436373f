"""What a quiz page may show, built from an attempt's items.

The attempt's snapshot knows which option is correct; the page must not, before submission.
These functions are the only way templates see an item: the question page gets option keys and
texts only (plus feedback for questions already answered one by one), the result page gets what
the quiz's settings allow. Tests read the rendered HTML to prove nothing leaks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from quizzes.choices import FeedbackTiming, ReviewLevel, Theme
from quizzes.models import Attempt, AttemptItem, Quiz
from quizzes.services import FIELD_PREFIX, AnswerErrors


@dataclass(frozen=True)
class ShownOption:
    key: str
    text: str
    checked: bool


@dataclass(frozen=True)
class Feedback:
    """Shown after a question was answered (one by one) or on the result page, as far as the
    review level allows (:class:`~quizzes.choices.ReviewLevel`).

    ``verdict`` (correctness and up): whether the answer was right, partly right or wrong, in
    words. ``revealed`` (full): also the feedback of the chosen options, the right answers and
    the explanation. With neither only the learner's own answer is shown: on a true/false
    question even "not correct" gives the answer away."""

    revealed: bool
    correct: bool
    partly: bool
    chosen: list[str]
    chosen_feedback: list[str]
    correct_answers: list[str]
    explanation: str
    verdict: bool = False


@dataclass(frozen=True)
class ShownQuestion:
    number: int
    position: int
    name: str
    kind: str
    scenario: str
    text: str
    multiple: bool
    options: list[ShownOption] = field(default_factory=list)
    error: str = ""

    @property
    def first_input_id(self) -> str:
        """Where the error summary links to: the question's first answer."""
        return f"{self.name}-{self.options[0].key}" if self.options else f"vraag-{self.number}"

    @property
    def described_by(self) -> str:
        """The ids that describe the fieldset: the situation, the hint and any error."""
        ids = [f"vraag-{self.number}-situatie"] if self.scenario else []
        ids.append(f"vraag-{self.number}-hint")
        if self.error:
            ids.append(f"vraag-{self.number}-fout")
        return " ".join(ids)


@dataclass(frozen=True)
class AttemptPage:
    questions: list[ShownQuestion]
    total: int
    answered: int
    feedback: Feedback | None = None
    feedback_number: int | None = None
    general_errors: list[str] = field(default_factory=list)

    @property
    def all_answered(self) -> bool:
        return self.answered == self.total

    @property
    def error_count(self) -> int:
        return len(self.general_errors) + sum(1 for q in self.questions if q.error)


LEVEL_ORDER = (ReviewLevel.THEMES, ReviewLevel.CORRECTNESS, ReviewLevel.FULL)


def level_at_least(level: str, minimum: str) -> bool:
    """Whether ``level`` shows at least what ``minimum`` shows (the levels are cumulative)."""
    return LEVEL_ORDER.index(ReviewLevel(level)) >= LEVEL_ORDER.index(ReviewLevel(minimum))


def _higher(first: str, second: str) -> str:
    return first if level_at_least(first, second) else second


def _feedback(item: AttemptItem, *, level: str) -> Feedback:
    chosen = set(item.selected or ())
    score = item.score or 0
    reveal = level == ReviewLevel.FULL
    verdict = level_at_least(level, ReviewLevel.CORRECTNESS)
    return Feedback(
        revealed=reveal,
        verdict=verdict,
        correct=score == 1 if verdict else False,
        partly=0 < score < 1 if verdict else False,
        chosen=[o["text"] for o in item.options if o["key"] in chosen],
        chosen_feedback=[
            o["feedback"] for o in item.options if o["key"] in chosen and o["feedback"]
        ]
        if reveal
        else [],
        correct_answers=[o["text"] for o in item.options if o["correct"]] if reveal else [],
        explanation=item.explanation if reveal else "",
    )


def during_attempt_level(*, quiz: Quiz) -> str:
    """What feedback after each question may show while the attempt runs: no more than the
    result page would show after a failed attempt, since the outcome is not known yet. The
    quiz editor allows that timing only with ``full`` after a fail; a quiz stored otherwise
    still leaks nothing (the learner then sees only their own answer, or its verdict)."""
    return quiz.review_after_fail


def attempt_page_items(
    *,
    items: Sequence[AttemptItem],
    posted: Mapping | None,
    errors: AnswerErrors | None,
    one_by_one: bool,
    quiz: Quiz | None = None,
) -> AttemptPage:
    """The questions to ask now; one at a time when feedback follows each question (its
    feedback at :func:`during_attempt_level` of ``quiz``)."""
    per_item = errors.per_item if errors else {}
    locked = [item for item in items if item.locked]
    ask = [item for item in items if not item.locked]
    if one_by_one:
        ask = ask[:1]
    questions = []
    for item in ask:
        name = f"{FIELD_PREFIX}{item.position}"
        if posted is not None:
            checked = set(posted.getlist(name)) if hasattr(posted, "getlist") else set()
        else:
            checked = set(item.selected or ())
        questions.append(
            ShownQuestion(
                number=item.number,
                position=item.position,
                name=name,
                kind=item.kind,
                scenario=item.scenario,
                text=item.text,
                multiple=item.is_multiple,
                options=[
                    ShownOption(key=o["key"], text=o["text"], checked=o["key"] in checked)
                    for o in item.options
                ],
                error=per_item.get(item.number, ""),
            )
        )
    # Errors about questions not on the page (already answered, or not the next one) go in the
    # general list, so the error summary never announces a problem it does not show.
    shown = {question.number for question in questions}
    general = list(errors.general) if errors else []
    general += [message for number, message in per_item.items() if number not in shown]
    last_locked = max(locked, key=lambda item: item.answered_at) if locked else None
    shown_level = during_attempt_level(quiz=quiz) if quiz is not None else ReviewLevel.FULL
    return AttemptPage(
        questions=questions,
        total=len(items),
        answered=len(locked) if one_by_one else sum(1 for item in items if item.selected),
        feedback=_feedback(last_locked, level=shown_level) if one_by_one and last_locked else None,
        feedback_number=last_locked.number if one_by_one and last_locked else None,
        general_errors=list(dict.fromkeys(general)),  # each message once
    )


@dataclass(frozen=True)
class ResultItem:
    number: int
    scenario: str
    text: str
    theme: str
    feedback: Feedback


@dataclass(frozen=True)
class ThemeResult:
    """How many questions of one theme the learner got fully right ("Melden: 2 van 3 goed")."""

    theme: str
    label: str
    right: int
    total: int

    @property
    def all_right(self) -> bool:
        return self.right == self.total


def review_level(*, attempt: Attempt, attempts_left: int | None, round_passed: bool = False) -> str:
    """What the result page may show for a submitted attempt: the quiz's review level for
    this moment. ``attempts_left`` comes from the caller (the module knows the rounds);
    ``None`` means no maximum, so a failed attempt is never the last. ``round_passed``: a later
    attempt of the same round passed, so the earlier ones are reviewed as after passing.

    With feedback after each question the learner already saw the after-fail level during the
    attempt, so the result page never shows less than that."""
    quiz = attempt.quiz
    if attempt.passed or round_passed:
        level = quiz.review_after_pass
    elif attempts_left == 0:
        level = quiz.review_after_last
    else:
        level = quiz.review_after_fail
    if quiz.feedback_timing == FeedbackTiming.AFTER_EACH_QUESTION:
        level = _higher(level, during_attempt_level(quiz=quiz))
    return level


def result_items(*, items: Sequence[AttemptItem], level: str) -> list[ResultItem]:
    """Per question, as far as ``level`` allows (:func:`review_level`): nothing at ``themes``
    (even the learner's own answer, next to the theme's score, can give a key away); the
    learner's answer and whether it was right at ``correctness``; also the feedback, the right
    answer and the explanation at ``full``."""
    if not level_at_least(level, ReviewLevel.CORRECTNESS):
        return []
    return [
        ResultItem(
            number=item.number,
            scenario=item.scenario,
            text=item.text,
            theme=item.theme,
            feedback=_feedback(item, level=level),
        )
        for item in items
    ]


def _fully_right(item: AttemptItem) -> bool:
    return item.score is not None and item.score == 1


# A theme shown on its own needs this many questions in the attempt: "0 van 1 goed" on a
# true/false question would give its key away. Smaller themes are counted together.
MIN_THEME_QUESTIONS = 3
OTHER_THEMES = "overig"


def theme_results(*, items: Sequence[AttemptItem]) -> list[ThemeResult]:
    """Per theme (in the fixed order of :class:`~quizzes.choices.Theme`): questions fully
    right out of the questions asked. Shown at every review level, so a theme with fewer than
    :data:`MIN_THEME_QUESTIONS` questions is not shown alone: such themes are counted together
    as "Overige onderwerpen", and left out when even together they are fewer."""
    totals: dict[str, list[int]] = {}
    for item in items:
        right_total = totals.setdefault(item.theme, [0, 0])
        right_total[0] += _fully_right(item)
        right_total[1] += 1
    order = {value: index for index, value in enumerate(Theme.values)}
    labels = dict(Theme.choices)
    shown: list[ThemeResult] = []
    other = [0, 0]
    for theme, (right, total) in sorted(totals.items(), key=lambda kv: order.get(kv[0], 99)):
        if total >= MIN_THEME_QUESTIONS:
            label = str(labels.get(theme, theme))
            shown.append(ThemeResult(theme=theme, label=label, right=right, total=total))
        else:
            other[0] += right
            other[1] += total
    if other[1] >= MIN_THEME_QUESTIONS:
        shown.append(
            ThemeResult(theme=OTHER_THEMES, label=_("Other themes"), right=other[0], total=other[1])
        )
    return shown


def reread_page_ids(*, items: Sequence[AttemptItem]) -> list[int]:
    """The teaching sources (copied at the draw) of the questions not fully right, each once,
    in question order. The caller keeps only the pages the learner may open."""
    ids = [item.source_page_id for item in items if item.source_page_id and not _fully_right(item)]
    return list(dict.fromkeys(ids))
