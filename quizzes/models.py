"""The quiz engine's data: question pools, a question bank, quizzes, and attempts with their
answers.

Editors keep pools, questions and quizzes in the Wagtail admin as snippets (questions and
quizzes with revisions and preview). A question belongs to one or more named pools; a quiz
draws from a pool (and theme), never from the whole bank, so a council question cannot land in
a new employee's quiz. Each question names the lesson that teaches it and carries a version:
editing a question that was already answered makes a new version, and attempts keep the
version they answered.

A learner's attempt stores a *snapshot* of the questions and the option order drawn for it
(:class:`AttemptItem`), so a reload shows the same attempt, an editor's later change cannot
alter the scoring of an attempt already under way, and item analysis still knows what was
asked. Scoring lives in :mod:`quizzes.scoring`; writes in :mod:`quizzes.services`.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PreviewableMixin, RevisionMixin
from wagtail.search import index

from quizzes.choices import AttemptStatus, FeedbackTiming, QuestionKind, ReviewLevel, Theme
from quizzes.forms import QuestionAdminForm, QuizAdminForm


class QuestionPool(models.Model):
    """A named set of questions that quizzes draw from, such as "Onboarding" or "Raadsleden".

    Pools keep audiences apart: the onboarding quiz only draws from its own pool, whatever
    else the bank holds. A question may be in more than one pool.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Who the questions in this pool are for.")
    )

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        verbose_name = _("question pool")
        verbose_name_plural = _("question pools")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Question(RevisionMixin, PreviewableMixin, index.Indexed, ClusterableModel):
    """One question of the bank, with its options as inline children.

    ``source_page`` is the lesson (or trend) that teaches what the question asks: the result
    page sends a learner who got it wrong there, and the bank check flags questions in use
    without one. ``version`` goes up when a question that was already answered is edited
    (:func:`quizzes.services.question_record_edit`); ``fingerprint`` is the hash of the content
    that version was made from.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=QuestionKind.choices)
    theme = models.CharField(_("theme"), max_length=32, choices=Theme.choices, db_index=True)
    scenario = models.TextField(
        _("situation"),
        blank=True,
        help_text=_("Scenario questions only: the situation the learner reads first."),
    )
    text = models.CharField(_("question"), max_length=300)
    explanation = models.TextField(
        _("explanation"), help_text=_("Shown after answering: why the right answer is right.")
    )
    is_active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("Questions not in use are never drawn for new attempts."),
    )
    pools = ParentalManyToManyField(
        QuestionPool,
        verbose_name=_("pools"),
        related_name="questions",
        help_text=_("The quizzes that draw from these pools can ask this question."),
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("taught in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "The lesson (or trend) that teaches the answer. Required for questions in use."
        ),
    )
    source_note = models.CharField(
        _("part of the lesson"),
        max_length=150,
        blank=True,
        help_text=_(
            "Optional: the block or heading in that lesson, for example a dilemma's title."
        ),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("theme")], heading=_("Kind and theme")),
        FieldPanel("pools"),
        FieldPanel("scenario"),
        FieldPanel("text"),
        InlinePanel("options", label=_("options"), min_num=2, max_num=6),
        FieldPanel("explanation"),
        MultiFieldPanel(
            [FieldPanel("source_page"), FieldPanel("source_note")], heading=_("Teaching source")
        ),
        FieldPanel("is_active"),
    ]
    base_form_class = QuestionAdminForm
    search_fields = [
        index.SearchField("text"),
        index.SearchField("scenario"),
        index.AutocompleteField("text"),
        index.FilterField("theme"),
        index.FilterField("kind"),
        index.FilterField("is_active"),
    ]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["theme", "pk"]

    def __str__(self) -> str:
        return self.text

    def get_preview_template(self, request, mode_name):
        return "quizzes/question_preview.html"


class Option(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("answer"), max_length=250)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = models.TextField(
        _("feedback"),
        blank=True,
        help_text=_("Shown when the learner chose this answer. Required for scenario questions."),
    )

    panels = [FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self) -> str:
        return self.text


class Quiz(RevisionMixin, ClusterableModel):
    """A quiz: fixed questions and/or questions drawn at random from pools.

    The review levels say what the result page shows at three moments (after a failed attempt
    while attempts remain, after the last failed attempt, after passing). The default for a
    mandatory quiz keeps the right answers back until the learner passed or has no attempts
    left, so answers cannot be harvested by failing on purpose. ``retry_wait_minutes`` is the
    waiting time after a failed attempt before the next one may start.
    """

    title = models.CharField(_("title"), max_length=150)
    intro = models.TextField(_("introduction"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum number of attempts"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Per round of the module. Leave empty for no maximum."),
    )
    feedback_timing = models.CharField(
        _("show feedback"),
        max_length=16,
        choices=FeedbackTiming.choices,
        default=FeedbackTiming.AFTER_QUIZ,
    )
    retry_wait_minutes = models.PositiveIntegerField(
        _("waiting time after a failed attempt (minutes)"),
        default=0,
        help_text=_("How long a learner waits before the next attempt. 0 for no waiting time."),
    )
    review_after_fail = models.CharField(
        _("after a failed attempt, while attempts remain, show"),
        max_length=16,
        choices=ReviewLevel.choices,
        default=ReviewLevel.THEMES,
    )
    review_after_last = models.CharField(
        _("after the last failed attempt, show"),
        max_length=16,
        choices=ReviewLevel.choices,
        default=ReviewLevel.FULL,
    )
    review_after_pass = models.CharField(
        _("after passing, show"),
        max_length=16,
        choices=ReviewLevel.choices,
        default=ReviewLevel.FULL,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("max_attempts"),
                FieldPanel("retry_wait_minutes"),
                FieldPanel("feedback_timing"),
            ],
            heading=_("Rules"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("review_after_fail"),
                FieldPanel("review_after_last"),
                FieldPanel("review_after_pass"),
            ],
            heading=_("What the learner sees after an attempt"),
        ),
        InlinePanel(
            "fixed_questions",
            label=_("fixed questions"),
            help_text=_("Asked in every attempt, in this order."),
        ),
        InlinePanel(
            "draw_rules",
            label=_("questions drawn at random"),
            help_text=_(
                "For example: 3 questions on Reporting from the pool Onboarding, 2 on Drugs."
            ),
        ),
    ]
    base_form_class = QuizAdminForm

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_mark__gte=1, pass_mark__lte=100),
                name="quizzes_quiz_pass_mark_1_100",
            ),
            models.CheckConstraint(
                condition=Q(max_attempts__isnull=True) | Q(max_attempts__gte=1),
                name="quizzes_quiz_max_attempts_at_least_one",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class QuizQuestion(Orderable):
    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="fixed_questions")
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("fixed question")
        verbose_name_plural = _("fixed questions")
        constraints = [
            models.UniqueConstraint(fields=["quiz", "question"], name="quizzes_question_once")
        ]


class DrawRule(Orderable):
    """Draw ``count`` questions in use from ``pool``, of ``theme`` (or of any theme when the
    theme is left empty)."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="draw_rules")
    pool = models.ForeignKey(
        QuestionPool, verbose_name=_("pool"), on_delete=models.PROTECT, related_name="draw_rules"
    )
    theme = models.CharField(
        _("theme"),
        max_length=32,
        choices=Theme.choices,
        blank=True,
        help_text=_("Leave empty to draw from every theme in the pool."),
    )
    count = models.PositiveSmallIntegerField(
        _("number of questions"), validators=[MinValueValidator(1)]
    )

    panels = [FieldPanel("pool"), FieldPanel("theme"), FieldPanel("count")]

    class Meta(Orderable.Meta):
        verbose_name = _("draw rule")
        verbose_name_plural = _("draw rules")
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "pool", "theme"], name="quizzes_one_rule_per_pool_theme"
            ),
            models.CheckConstraint(condition=Q(count__gte=1), name="quizzes_draw_at_least_one"),
        ]


class Attempt(models.Model):
    """One try at a quiz by one person, within one round (enrolment) of a module; at most one
    open per round and quiz.

    ``public_id`` is what URLs carry, so attempt numbers cannot be guessed; every view still
    checks that the attempt is the requester's own. The department and whether the person is a
    council member are copied at the start, so item analysis can aggregate per group without
    reaching for the person (and raadsleden never end up in staff figures).
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    enrolment = models.ForeignKey(
        "modules.Enrolment", on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(
        _("status"), max_length=16, choices=AttemptStatus.choices, default=AttemptStatus.OPEN
    )
    department = models.ForeignKey(
        "accounts.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_council_member = models.BooleanField(default=False)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    regraded_at = models.DateTimeField(_("regraded"), null=True, blank=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-started_at"]
        permissions = [
            ("view_item_analysis", _("Can see the item analysis (aggregates only)")),
            ("regrade_attempt", _("Can regrade attempts after a question's key was fixed")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "quiz"],
                condition=Q(status=AttemptStatus.OPEN),
                name="quizzes_one_open_attempt_per_round",
            ),
            models.UniqueConstraint(
                fields=["enrolment", "quiz", "number"], name="quizzes_attempt_number_unique"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        status=AttemptStatus.SUBMITTED,
                        submitted_at__isnull=False,
                        score__isnull=False,
                        passed__isnull=False,
                    )
                    | Q(status=AttemptStatus.OPEN, submitted_at__isnull=True, score__isnull=True)
                ),
                name="quizzes_submitted_attempt_has_result",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="quizzes_attempt_score_0_100",
            ),
        ]
        indexes = [models.Index(fields=["quiz", "status", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.number} ({self.user})"

    @property
    def is_open(self) -> bool:
        return self.status == AttemptStatus.OPEN


class AttemptItem(models.Model):
    """One question as drawn for an attempt: a snapshot, the learner's answer and its score.

    ``options`` holds the options in the order shown, each as ``{"key", "option_id", "text",
    "correct", "feedback"}``. ``key`` is a random token, the only thing a page ever shows, so
    neither the order nor the values in the form reveal the right answer.
    """

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    question = models.ForeignKey(
        Question, on_delete=models.SET_NULL, null=True, related_name="attempt_items"
    )
    question_version = models.PositiveIntegerField(default=1)
    # Where the question is taught, copied at the draw: the result page's "reread" links.
    source_page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    theme = models.CharField(max_length=32, choices=Theme.choices)
    kind = models.CharField(max_length=16, choices=QuestionKind.choices)
    scenario = models.TextField(blank=True)
    text = models.CharField(max_length=300)
    explanation = models.TextField()
    options = models.JSONField()
    selected = models.JSONField(null=True, blank=True)  # the option keys the learner chose
    answered_at = models.DateTimeField(null=True, blank=True)
    # Answered with its feedback shown (one question at a time): the answer is final.
    locked = models.BooleanField(default=False)
    score = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)

    class Meta:
        verbose_name = _("attempt question")
        verbose_name_plural = _("attempt questions")
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "position"], name="quizzes_item_position_unique"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=1),
                name="quizzes_item_score_0_1",
            ),
        ]
        indexes = [models.Index(fields=["question", "question_version"])]

    def __str__(self) -> str:
        return f"{self.attempt}: {self.position}"

    @property
    def number(self) -> int:
        return self.position + 1

    @property
    def is_multiple(self) -> bool:
        return self.kind == QuestionKind.MULTIPLE


class AttemptChoice(models.Model):
    """One option chosen in a submitted attempt: the row item analysis counts.

    Written once, when the attempt is submitted (open attempts never count). The option's text
    and correctness are copied from the attempt's snapshot, not linked, so an editor may rewrite
    or remove options (even while attempts are open) without breaking a submission.
    """

    item = models.ForeignKey(AttemptItem, on_delete=models.CASCADE, related_name="choices")
    question = models.ForeignKey(Question, on_delete=models.SET_NULL, null=True, related_name="+")
    option_text = models.CharField(max_length=250)
    is_correct = models.BooleanField()

    class Meta:
        verbose_name = _("chosen answer")
        verbose_name_plural = _("chosen answers")
        indexes = [models.Index(fields=["question", "is_correct"])]

    def __str__(self) -> str:
        return self.option_text
