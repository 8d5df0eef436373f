"""The quiz engine's fixed vocabularies: themes, question kinds, feedback timing, review
levels and attempt status. Kept apart from :mod:`quizzes.models` so the admin forms and the
database-free scorer can use them without importing the models (which import the forms)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    """The priority themes of Dordrecht's approach, plus safeguards and reporting."""

    DRUGS = "drugs", _("Drugs")
    MENSENHANDEL = "mensenhandel", _("Human trafficking")
    KWETSBARE_BEDRIJVEN = "kwetsbare_bedrijven", _("Vulnerable businesses and places")
    FRAUDE = "fraude", _("Fraud and money laundering")
    EXCESSIEF_GEWELD = "excessief_geweld", _("Excessive violence")
    BIBOB_INTEGRITEIT = "bibob_integriteit", _("Bibob and integrity")
    MELDEN = "melden", _("Reporting")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple response")
    TRUE_FALSE = "true_false", _("True or false")
    SCENARIO = "scenario", _("Scenario")


class FeedbackTiming(models.TextChoices):
    AFTER_QUIZ = "after_quiz", _("After the whole quiz")
    AFTER_EACH_QUESTION = "after_each", _("After each question")


class ReviewLevel(models.TextChoices):
    """What the result page shows at a moment after an attempt (Moodle's review options,
    simplified to three cumulative levels). The score and the themes to reread are always
    shown."""

    THEMES = "themes", _("Score and the themes to reread")
    CORRECTNESS = "correctness", _("Also whether each answer was right")
    FULL = "full", _("Also the right answers, the feedback and the explanations")


class AttemptStatus(models.TextChoices):
    OPEN = "open", _("open")
    SUBMITTED = "submitted", _("submitted")
