"""Admin forms: the rules editors must follow when they write questions and quizzes.

The admin forms check what a single field cannot: the number of correct options per question
kind, and that a quiz has questions. Their checks run over the inline formsets, so an editor
sees the problem before anything is saved.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from quizzes.choices import QuestionKind

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


class QuizAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        fixed = self.formsets.get("fixed_questions")
        rules = self.formsets.get("draw_rules")
        if fixed is None or rules is None or not (fixed.is_valid() and rules.is_valid()):
            return cleaned
        rule_forms = _kept_forms(rules)
        if not _kept_forms(fixed) and not rule_forms:
            self.add_error(None, _("Add fixed questions or a rule to draw questions."))
        themes = [form.cleaned_data["theme"] for form in rule_forms]
        if len(themes) != len(set(themes)):
            self.add_error(None, _("Use one draw rule per theme."))
        return cleaned
