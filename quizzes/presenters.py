"""What a quiz page may show, built from an attempt's items.

The attempt's snapshot knows which option is correct; the page must not, before submission.
These functions are the only way templates see an item: the question page gets option keys and
texts only (plus feedback for questions already answered one by one), the result page gets what
the quiz's settings allow. Tests read the rendered HTML to prove nothing leaks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from quizzes.models import Attempt, AttemptItem, ReviewLevel
from quizzes.services import FIELD_PREFIX, AnswerErrors


@dataclass(frozen=True)
class ShownOption:
    key: str
    text: str
    checked: bool


@dataclass(frozen=True)
class Feedback:
    """Shown after a question was answered (one by one) or on the result page. With
    ``revealed`` false only the learner's own answer is shown: no verdict, no feedback, no
    explanation, since on a true/false question even "not correct" gives the answer away."""

    revealed: bool
    correct: bool
    partly: bool
    chosen: list[str]
    chosen_feedback: list[str]
    correct_answers: list[str]
    explanation: str


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


def _feedback(item: AttemptItem, *, reveal: bool) -> Feedback:
    chosen = set(item.selected or ())
    score = item.score or 0
    return Feedback(
        revealed=reveal,
        correct=score == 1,
        partly=0 < score < 1,
        chosen=[o["text"] for o in item.options if o["key"] in chosen],
        chosen_feedback=[
            o["feedback"] for o in item.options if o["key"] in chosen and o["feedback"]
        ]
        if reveal
        else [],
        correct_answers=[o["text"] for o in item.options if o["correct"]] if reveal else [],
        explanation=item.explanation if reveal else "",
    )


def attempt_page_items(
    *,
    items: Sequence[AttemptItem],
    posted: Mapping | None,
    errors: AnswerErrors | None,
    one_by_one: bool,
) -> AttemptPage:
    """The questions to ask now; one at a time when feedback follows each question."""
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
    return AttemptPage(
        questions=questions,
        total=len(items),
        answered=len(locked) if one_by_one else sum(1 for item in items if item.selected),
        feedback=_feedback(last_locked, reveal=True) if one_by_one and last_locked else None,
        feedback_number=last_locked.number if one_by_one and last_locked else None,
        general_errors=list(dict.fromkeys(general)),  # each message once
    )


@dataclass(frozen=True)
class ResultItem:
    number: int
    scenario: str
    text: str
    feedback: Feedback


def review_level(*, attempt: Attempt, attempts_left: int | None) -> str:
    """What the result page may show for a submitted attempt: the quiz's review level for
    this moment. ``attempts_left`` comes from the caller (the module knows the rounds);
    ``None`` means no maximum, so a failed attempt is never the last."""
    quiz = attempt.quiz
    if attempt.passed:
        return quiz.review_after_pass
    if attempts_left == 0:
        return quiz.review_after_last
    return quiz.review_after_fail


def result_items(*, items: Sequence[AttemptItem], level: str) -> list[ResultItem]:
    """Per question: the learner's answer and, as far as ``level`` allows, its feedback, the
    correct answer and the explanation (:func:`review_level`)."""
    reveal = level == ReviewLevel.FULL
    return [
        ResultItem(
            number=item.number,
            scenario=item.scenario,
            text=item.text,
            feedback=_feedback(item, reveal=reveal),
        )
        for item in items
    ]
