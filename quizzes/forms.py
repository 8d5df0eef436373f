"""Admin forms: the rules editors must follow when they write questions and quizzes.

The admin forms check what a single field cannot: the number of correct options per question
kind, that a question in use names the lesson that teaches it, that a quiz has questions, that
its draw rules can be filled from their pools, and that feedback during the attempt does not
give answers away before a retake. Their checks run over the inline formsets, so an editor sees
the problem before anything is saved. (A pool that is fillable but small for the attempts
allowed is only a warning, shown after saving: see ``quizzes.wagtail_hooks``.)

This module is imported by :mod:`quizzes.models` (as the panels' base forms), so it reaches the
models only through the instances the form hands it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from quizzes.choices import FeedbackTiming, QuestionKind, ReviewLevel, Theme

TRUE_FALSE_OPTIONS = ("Waar", "Niet waar")


def _kept_forms(formset) -> list:
    """Inline forms that will be saved (filled in and not marked for deletion)."""
    kept = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE"):
            continue
        kept.append(form)
    return kept


class QuestionAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_active") and not cleaned.get("source_page"):
            # A question in use sends those who get it wrong to its lesson (bank check rule
            # ``no_source``), so it cannot be in use without one.
            self.add_error("source_page", _("Choose the lesson where this is explained."))
        formset = self.formsets.get("options")
        if formset is None or not formset.is_valid():
            return cleaned
        options = [form.cleaned_data for form in _kept_forms(formset)]
        errors = question_rule_errors(
            kind=cleaned.get("kind"),
            scenario=cleaned.get("scenario", ""),
            options=[
                {"text": o["text"], "correct": o["is_correct"], "feedback": o.get("feedback", "")}
                for o in options
            ],
        )
        for error in errors:
            self.add_error(None, error)
        return cleaned


def question_rule_errors(*, kind: str | None, scenario: str, options: list[dict]) -> list[str]:
    """What is wrong with a question of this kind and these options (empty when fine).

    Shared by the admin form and the demo-content loader, so shipped content obeys the same
    rules as content an editor writes.
    """
    errors: list = []
    correct = sum(1 for option in options if option["correct"])
    single_answer = (QuestionKind.SINGLE, QuestionKind.SCENARIO, QuestionKind.TRUE_FALSE)
    if kind in single_answer and correct != 1:
        errors.append(_("This kind of question needs exactly one correct answer."))
    if kind == QuestionKind.MULTIPLE and not (1 <= correct < len(options)):
        errors.append(
            _("A multiple-response question needs at least one correct and one wrong answer.")
        )
    if kind == QuestionKind.TRUE_FALSE and tuple(o["text"] for o in options) != TRUE_FALSE_OPTIONS:
        errors.append(_("A true-or-false question has exactly the answers 'Waar' and 'Niet waar'."))
    if kind == QuestionKind.SCENARIO:
        if not scenario.strip():
            errors.append(_("A scenario question needs a situation."))
        if any(not option["feedback"].strip() for option in options):
            errors.append(_("A scenario question needs feedback on every answer."))
    if len(options) < 2:
        errors.append(_("A question needs at least two answers."))
    return errors


def pool_questions_in_use(pool, theme: str = "") -> int:
    """How many questions in use ``pool`` holds (of ``theme``, or of every theme for "")."""
    questions = pool.questions.filter(is_active=True)
    return questions.filter(theme=theme).count() if theme else questions.count()


def theme_label(theme: str) -> str:
    return str(dict(Theme.choices).get(theme, _("any theme")))


class QuizAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("feedback_timing") == FeedbackTiming.AFTER_EACH_QUESTION
            and cleaned.get("review_after_fail") != ReviewLevel.FULL
        ):
            # Feedback per question shows the right answer during the attempt: with a retake
            # ahead, the learner would carry the answers over.
            self.add_error(
                "feedback_timing",
                _(
                    "Feedback after each question shows the right answers during the attempt. "
                    "Choose it only when a failed attempt may show the right answers too."
                ),
            )
        fixed = self.formsets.get("fixed_questions")
        rules = self.formsets.get("draw_rules")
        if fixed is None or rules is None:
            return cleaned
        # Read the rules before the formset's own checks run: its unique check removes the
        # pool and theme from a repeated rule, and says so only in terms of field names.
        rule_data = [dict(form.cleaned_data) for form in rules.forms if _is_kept(form)]
        for error in duplicate_rule_errors(rule_data):
            self.add_error(None, error)
        if not (fixed.is_valid() and rules.is_valid()):
            return cleaned
        if not _kept_forms(fixed) and not rule_data:
            self.add_error(None, _("Add fixed questions or a rule to draw questions."))
        for error in unfillable_rule_errors(rule_data):
            self.add_error(None, error)
        return cleaned


def _is_kept(form) -> bool:
    return form.is_valid() and bool(form.cleaned_data) and not form.cleaned_data.get("DELETE")


def duplicate_rule_errors(rules: list[dict]) -> list[str]:
    """A pool and theme named by two rules (the second would only draw what the first left)."""
    errors: list[str] = []
    seen: set[tuple[int, str]] = set()
    for rule in rules:
        pool, theme = rule.get("pool"), rule.get("theme") or ""
        if pool is None:
            continue
        if (pool.pk, theme) in seen:
            errors.append(
                _("Use one draw rule per pool and theme: %(pool)s (%(theme)s) is there twice.")
                % {"pool": pool.name, "theme": theme_label(theme)}
            )
        seen.add((pool.pk, theme))
    return errors


def unfillable_rule_errors(rules: list[dict]) -> list[str]:
    """Rules that ask for more questions in use than their pool and theme hold: such a rule
    can never be filled. One query per rule."""
    errors: list[str] = []
    for rule in rules:
        pool, theme, count = rule.get("pool"), rule.get("theme") or "", rule.get("count")
        if pool is None or not count:
            continue
        available = pool_questions_in_use(pool, theme)
        if available < count:
            errors.append(
                _(
                    "The rule for the pool %(pool)s (%(theme)s) asks for %(count)s questions, "
                    "but the pool holds only %(available)s in use: it can never be filled."
                )
                % {
                    "pool": pool.name,
                    "theme": theme_label(theme),
                    "count": count,
                    "available": available,
                }
            )
    return errors
