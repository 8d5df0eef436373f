"""The trend's forms: the page editor's (``TrendPage.base_form_class``) and the reader's
"Ik heb dit gelezen" button."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from modules.learning.models import LessonPage, ModulePage
from quizzes.selectors import quiz_question_count

MIN_REFRESHER_QUESTIONS, MAX_REFRESHER_QUESTIONS = 2, 5


def refresher_error(refresher: ModulePage) -> str | None:
    """Why ``refresher`` cannot be a trend's refresher, or None: a refresher is short, only a
    final quiz with two to five questions and no lessons."""
    quiz = refresher.final_quiz
    count = quiz_question_count(quiz=quiz) if quiz is not None else 0
    if not MIN_REFRESHER_QUESTIONS <= count <= MAX_REFRESHER_QUESTIONS:
        return _(
            "A refresher needs a final quiz with two to five questions; this one has %(count)d."
        ) % {"count": count}
    if LessonPage.objects.child_of(refresher).exists():
        return _("A refresher is only a quiz: choose a module without lessons.")
    return None


class TrendPageForm(WagtailAdminPageForm):
    """The page editor's form for a trend.

    ``review_by`` has a callable default, so Django gives its form field
    ``show_hidden_initial`` and compares the posted date with a hidden "initial-" input that
    Wagtail's editor never renders: the form then always reports a change, and every workflow
    action from the editor (approving, too) first saves a new revision in the reviewer's name.
    Without it the field compares with the trend's stored date, like every other field.

    The chosen refresher is checked here (:func:`refresher_error`), not in the model.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "review_by" in self.fields:
            self.fields["review_by"].show_hidden_initial = False

    def clean(self):
        cleaned_data = super().clean()
        refresher = cleaned_data.get("refresher")
        if refresher is not None:
            error = refresher_error(refresher.specific)
            if error is not None:
                self.add_error("refresher", error)
        return cleaned_data


class TrendReadForm(forms.Form):
    """ "Ik heb dit gelezen": the reader marks the trend as read, so it is no longer "Nieuw"
    for them (the button posts ``gelezen=1``)."""

    gelezen = forms.BooleanField()
