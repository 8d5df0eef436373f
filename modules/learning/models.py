"""Learning modules: the page tree (index → module → lessons) and per-person progress.

Pages are declarative; writes (completing a lesson, starting a cycle) live in
:mod:`modules.learning.services`, reads in :mod:`modules.learning.selectors`.

Progress follows the summary + log pattern: one :class:`Enrolment` row per person, module and
cycle (status, progress, timestamps, the module version completed) kept consistent by database
constraints, plus :class:`LessonCompletion` rows for the lessons done in that cycle and an
append-only :class:`ProgressEvent` log. A renewal starts a new cycle, so earlier completions
stay in the history.
"""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from accounts.models import audience_field
from accounts.selectors import visible_to
from modules.blocks import LESSON_RICH_TEXT_FEATURES, LessonPageStreamBlock, TeamKitBlock
from modules.learning.rules import certificate_code
from modules.pages import AudienceRestrictedPage, SectionIndexPage


class ModuleIndexPage(SectionIndexPage):
    """The overview of all modules ("Leermodules")."""

    subpage_types = ["modules.ModulePage", "council.ReflectionPage"]

    class Meta:
        verbose_name = _("module index")


class ModulePage(AudienceRestrictedPage, Page):
    """A learning module: its lessons are its child pages, in tree order."""

    intro = RichTextField(_("introduction"), features=LESSON_RICH_TEXT_FEATURES)
    learning_goals = models.TextField(
        _("learning goals"),
        help_text=_("One goal per line, finishing the sentence 'After this module you …'."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated duration (minutes)"), default=30
    )
    audience = audience_field(
        help_text=_("Who may open this module. Leave empty for everybody who is logged in.")
    )
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        help_text=_(
            "Raise the version when the content changes in substance. Earlier completions "
            "keep the version they completed."
        ),
    )

    version_requires_renewal = models.BooleanField(
        _("this version requires renewal"),
        default=False,
        help_text=_(
            "Tick when the change is so important that everybody who completed an earlier "
            "version must do the module again. Their earlier completions stay in the history."
        ),
    )
    final_quiz = models.ForeignKey(
        "quizzes.Quiz",
        verbose_name=_("final quiz"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="modules",
        help_text=_("When set, the module is complete only when this quiz is passed as well."),
    )
    # Instead of final_quiz (never both): the quiz inside a partner's SCORM package, played
    # by this lesson of the module. Its pass is recorded per round as a ProgressEvent by
    # modules.scorm.services (the score is the learner's browser's word: docs/scorm.md).
    final_quiz_scorm_lesson = models.ForeignKey(
        "modules.LessonPage",
        verbose_name=_("final quiz in a partner's e-learning (SCORM)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Instead of a final quiz: a lesson of this module with an e-learning (SCORM) "
            "whose own quiz counts as the final quiz. Note: the score is reported by the "
            "learner's browser and cannot be verified by the server."
        ),
    )
    final_quiz_scorm_mastery = models.PositiveSmallIntegerField(
        _("pass mark of the e-learning (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "The score the e-learning must report to pass, as a percentage of its maximum. "
            "Where it reports a score, the site decides from the score, not from the "
            "e-learning's own passed or failed."
        ),
    )
    team_kit = StreamField(
        TeamKitBlock(),
        blank=True,
        verbose_name=_("werkoverleg kit"),
        help_text=_(
            "Two or three dilemmas and questions a manager discusses with the team. Managers "
            "and the kernteam open it from the module page."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("learning_goals"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("audience"),
                FieldPanel("version"),
                FieldPanel("version_requires_renewal"),
            ],
            heading=_("Module details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("final_quiz"),
                FieldPanel("final_quiz_scorm_lesson"),
                FieldPanel("final_quiz_scorm_mastery"),
            ],
            heading=_("Final quiz"),
        ),
        MultiFieldPanel([FieldPanel("team_kit")], heading=_("Werkoverleg")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("learning_goals"),
    ]
    parent_page_types = ["modules.ModuleIndexPage"]
    subpage_types = ["modules.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @property
    def learning_goal_list(self) -> list[str]:
        return [line.strip() for line in self.learning_goals.splitlines() if line.strip()]

    def clean(self):
        """One final quiz closes one module: attempts, the maximum and the waiting time are
        counted per module round, so a quiz shared by two modules would give a learner twice
        the attempts, and one module's review after the last attempt the other's answers.

        A module has one final quiz: ours or the one in a partner's package, never both."""
        super().clean()
        self._clean_scorm_final_quiz()
        if self.final_quiz_id is None:
            return
        others = ModulePage.objects.filter(final_quiz_id=self.final_quiz_id)
        if self.pk is not None:
            others = others.exclude(pk=self.pk)
        if self.translation_key is not None:
            others = others.exclude(translation_key=self.translation_key)
        if others.exists():
            raise ValidationError(
                {"final_quiz": _("This quiz is already the final quiz of another module.")}
            )

    def _clean_scorm_final_quiz(self) -> None:
        lesson_id = self.final_quiz_scorm_lesson_id
        if lesson_id is None:
            return
        if self.final_quiz_id is not None:
            raise ValidationError(
                {
                    "final_quiz_scorm_lesson": _(
                        "Choose either a final quiz or the quiz of an e-learning, not both."
                    )
                }
            )
        lesson = LessonPage.objects.filter(pk=lesson_id).first()
        if lesson is None or self.pk is None or lesson.get_parent().pk != self.pk:
            raise ValidationError({"final_quiz_scorm_lesson": _("Choose a lesson of this module.")})
        count = len(lesson.scorm_package_ids())
        if count != 1:
            raise ValidationError(
                {
                    "final_quiz_scorm_lesson": _(
                        "This lesson has no e-learning (SCORM) block. Add the block to the "
                        "lesson and publish it first."
                    )
                    if count == 0
                    else _("This lesson has more than one e-learning (SCORM); keep one.")
                }
            )

    def opens_outside_audience(self, user) -> bool:
        """A module assigned to someone is open to them, even outside its own audience."""
        # Inside: the learner cache imports these models (the page ↔ selectors cycle).
        from modules.learning.learner_cache import assigned_module_ids

        return self.pk in assigned_module_ids(user=user)

    def round_expired(self, enrolment: Enrolment, today) -> bool:
        """A completed round that no longer counts: past its expiry date, or of an outdated
        version. The next activity starts a new round."""
        if enrolment.status != EnrolmentStatus.COMPLETED:
            return False
        past_expiry = enrolment.expires_on is not None and today >= enrolment.expires_on
        return past_expiry or self.completion_outdated(enrolment)

    def completion_outdated(self, enrolment: Enrolment) -> bool:
        """A completion of an earlier version that this version asks everybody to renew."""
        return (
            self.version_requires_renewal
            and enrolment.completed_version is not None
            and enrolment.completed_version < self.version
        )

    def prepare_for_route_cache(self) -> None:
        super().prepare_for_route_cache()
        self.final_quiz  # noqa: B018 (read once per tree version, kept with the cached page)

    def get_context(self, request, *args, **kwargs):
        # Inside: the learner cache imports these models (the page ↔ selectors cycle).
        from modules.learning.learner_cache import cached_module_outline, cached_quiz_availability

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = cached_module_outline(user=request.user, module=self)
        if self.final_quiz_id is not None:
            context["quiz"] = cached_quiz_availability(user=request.user, module=self)
        elif self.final_quiz_scorm_lesson_id is not None:
            # The quiz of a partner's package: its lesson is one of the outline's steps.
            context["scorm_quiz_lesson"] = next(
                (
                    step.lesson
                    for step in context["outline"].steps
                    if step.lesson.pk == self.final_quiz_scorm_lesson_id
                ),
                None,
            )
        if self.team_kit:
            # Inside: team_kit imports these models (the same cycle).
            from modules.learning.team_kit import team_kit_open_to

            context["team_kit_open"] = team_kit_open_to(user=request.user, module=self)
        return context


class LessonPage(AudienceRestrictedPage, Page):
    """One lesson of a module; done when the learner presses "Afronden en verder"."""

    summary = models.CharField(_("summary"), max_length=250, blank=True)
    body = StreamField(LessonPageStreamBlock(), verbose_name=_("content"))
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated duration (minutes)"), default=5
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["modules.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def clean(self) -> None:
        """A lesson that is its module's final quiz (``ModulePage.final_quiz_scorm_lesson``)
        keeps exactly one SCORM block: the module checks that when it names the lesson, and
        this when the lesson changes afterwards (a second package would count too, none
        would leave the module without a final quiz)."""
        super().clean()
        if self.pk is None or not ModulePage.objects.filter(final_quiz_scorm_lesson=self).exists():
            return
        if len(self.scorm_package_ids()) != 1:
            raise ValidationError(
                {
                    "body": _(
                        "This lesson's e-learning is the final quiz of its module: keep exactly "
                        "one e-learning (SCORM) block, or choose another final quiz in the "
                        "module first."
                    )
                }
            )

    def scorm_package_ids(self) -> list[int]:
        """The packages of the SCORM blocks in the body, from its JSON."""
        return [
            (item.get("value") or {}).get("package")
            for item in self.body.raw_data
            if item.get("type") == "scorm"
        ]

    def audience_source(self) -> ModulePage:
        """A lesson is open to whoever may open its module."""
        return self._module

    @cached_property
    def _module(self) -> ModulePage:
        return ModulePage.objects.get(pk=self.get_parent().pk)

    def prepare_for_route_cache(self) -> None:
        super().prepare_for_route_cache()
        self._module  # noqa: B018 (read once per tree version, kept with the cached page)

    def get_context(self, request, *args, **kwargs):
        # Inside: the learner cache imports these models (the page ↔ selectors cycle).
        from modules.learning.learner_cache import cached_dilemma_choices, cached_module_outline

        context = super().get_context(request, *args, **kwargs)
        outline = cached_module_outline(user=request.user, module=self._module)
        context.update(
            module=self._module,
            outline=outline,
            step=outline.step_for(self),
            next_step=outline.step_after(self),
            dilemma_choices=cached_dilemma_choices(
                user=request.user, page=self, preview=getattr(request, "is_preview", False)
            ),
        )
        return context


class EnrolmentStatus(models.TextChoices):
    """Stored status. "Te laat" and "verlopen" follow from the dates (see selectors)."""

    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")


class Enrolment(models.Model):
    """A person's progress through one cycle of a module (the summary row)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    module = models.ForeignKey(
        ModulePage, verbose_name=_("module"), on_delete=models.PROTECT, related_name="enrolments"
    )
    cycle = models.PositiveSmallIntegerField(_("cycle"), default=1)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.NOT_STARTED,
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    last_lesson = models.ForeignKey(
        LessonPage,
        verbose_name=_("last lesson completed"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    completed_version = models.PositiveIntegerField(_("version completed"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    # New rounds of final-quiz attempts granted after the last attempt failed (RetakeRequest):
    # each adds the quiz's maximum number of attempts again.
    extra_attempt_rounds = models.PositiveSmallIntegerField(
        _("extra rounds of attempts"), default=0
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["user", "module", "-cycle"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "cycle"], name="modules_one_enrolment_per_cycle"
            ),
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100),
                name="modules_enrolment_progress_0_100",
            ),
            models.CheckConstraint(
                condition=(
                    Q(status=EnrolmentStatus.COMPLETED, completed_at__isnull=False, progress=100)
                    | (~Q(status=EnrolmentStatus.COMPLETED) & Q(completed_at__isnull=True))
                ),
                name="modules_enrolment_completed_has_timestamp",
            ),
        ]
        indexes = [models.Index(fields=["module", "status"])]
        permissions = [
            ("view_completion_report", _("Can see completion reports (within their scope)")),
            ("export_yearly_overview", _("Can export the yearly overview for the council")),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.module} ({self.cycle})"


class LessonCompletion(models.Model):
    """A lesson done within one enrolment cycle; unique, so a double click counts once."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="modules_lesson_done_once_per_cycle"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment}: {self.lesson}"


class ProgressEvent(models.Model):
    """Append-only history of what happened to a person's learning, for audits and support."""

    class Kind(models.TextChoices):
        STARTED = "started", _("started")
        LESSON_COMPLETED = "lesson_completed", _("lesson completed")
        MODULE_COMPLETED = "module_completed", _("module completed")
        RENEWED = "renewed", _("new cycle started")
        # The final quiz in a partner's SCORM package (ModulePage.final_quiz_scorm_lesson).
        SCORM_QUIZ_PASSED = "scorm_quiz_passed", _("final quiz passed (partner's e-learning)")
        SCORM_QUIZ_FAILED = "scorm_quiz_failed", _("final quiz failed (partner's e-learning)")

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    lesson = models.ForeignKey(
        LessonPage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress event")
        verbose_name_plural = _("progress events")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.enrolment}: {self.get_kind_display()}"


class AssignmentQuerySet(models.QuerySet):
    def applying_to(self, user) -> AssignmentQuerySet:
        """Active assignments of live modules whose audience and start-date rule include
        ``user``: the one definition of "this module is assigned to you"."""
        starters = Q(starters_from__isnull=True)
        if user.start_date is not None:
            starters |= Q(starters_from__lte=user.start_date)
        return self.filter(visible_to(user=user), starters, is_active=True, module__live=True)


class Assignment(models.Model):
    """Makes a module mandatory for an audience, with a due rule and an optional renewal.

    Kept apart from the module itself (as Kolibri keeps an exam apart from its assignment), so
    one module can be mandatory for starters within 30 days and for a department by a fixed
    date at the same time.
    """

    module = models.ForeignKey(
        ModulePage, verbose_name=_("module"), on_delete=models.CASCADE, related_name="assignments"
    )
    audience = audience_field(help_text=_("Leave empty for everybody."))
    starters_from = models.DateField(
        _("only for people who started on or after"),
        null=True,
        blank=True,
        help_text=_(
            "For onboarding: only people with a start date on or after this date get the "
            "module. Leave empty to assign it to everybody in the audience."
        ),
    )
    due_days_after_start = models.PositiveSmallIntegerField(
        _("due within days after the start date"), null=True, blank=True
    )
    due_date = models.DateField(
        _("due by"),
        null=True,
        blank=True,
        help_text=_("A fixed date, for people without a start date or when no day count is set."),
    )
    renew_every_months = models.PositiveSmallIntegerField(
        _("renew every (months)"),
        null=True,
        blank=True,
        help_text=_("A completion expires after this many months and a new round starts."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = AssignmentQuerySet.as_manager()

    panels = [
        FieldPanel("module"),
        FieldPanel("audience"),
        FieldPanel("starters_from"),
        MultiFieldPanel(
            [FieldPanel("due_days_after_start"), FieldPanel("due_date")], heading=_("Due")
        ),
        FieldPanel("renew_every_months"),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["module", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_days_after_start__isnull=False) | Q(due_date__isnull=False),
                name="modules_assignment_has_a_due_rule",
            ),
            models.CheckConstraint(
                condition=Q(renew_every_months__isnull=True) | Q(renew_every_months__gte=1),
                name="modules_assignment_renewal_at_least_a_month",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.module} ({self.audience or _('everybody')})"


def _new_certificate_code() -> str:
    return certificate_code()


class Certificate(models.Model):
    """Proof of a completed round of a module, verifiable by its code.

    One per completed enrolment. It holds no copy of personal data: the name on the PDF and the
    initials on the public verification page come from the person's account when shown.
    """

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(
        _("verification code"), max_length=24, unique=True, default=_new_certificate_code
    )
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return self.code


class RetakeRequestStatus(models.TextChoices):
    PENDING = "pending", _("waiting for a decision")
    GRANTED = "granted", _("granted")
    DECLINED = "declined", _("declined")


class RetakeRequest(models.Model):
    """A learner's request for a new round of final-quiz attempts, after the last one failed.

    The kernteam decides; granting raises the enrolment's ``extra_attempt_rounds``. At most one
    request per round waits at a time.
    """

    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="retake_requests",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RetakeRequestStatus.choices,
        default=RetakeRequestStatus.PENDING,
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("request for a new round")
        verbose_name_plural = _("requests for a new round")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=Q(status="pending"),
                name="modules_one_pending_retake_request",
            ),
            models.CheckConstraint(
                condition=Q(status="pending", decided_at__isnull=True)
                | (~Q(status="pending") & Q(decided_at__isnull=False)),
                name="modules_retake_request_decided_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} ({self.get_status_display()})"


class DilemmaChoice(models.Model):
    """The option a person picked first in a dilemma block of a lesson or trend.

    Stored so item analysis can show what people would do, in aggregates only (groups under
    the minimum hidden, raadsleden apart). The department and whether the person is a council
    member are copied at the moment of choosing, like quiz attempts. ``block_id`` and
    ``choice_id`` are the StreamField ids; the texts are copied so an editor's later change
    does not rewrite what was chosen.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dilemma_choices"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="dilemma_choices"
    )
    block_id = models.CharField(max_length=64)
    choice_id = models.CharField(max_length=64)
    dilemma_title = models.CharField(max_length=150)
    choice_text = models.CharField(max_length=250)
    department = models.ForeignKey(
        "accounts.Department", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_council_member = models.BooleanField(default=False)
    chosen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dilemma choice")
        verbose_name_plural = _("dilemma choices")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "page", "block_id"], name="modules_one_choice_per_dilemma"
            )
        ]
        indexes = [models.Index(fields=["page", "block_id"])]

    def __str__(self) -> str:
        return f"{self.dilemma_title}: {self.choice_text}"


class TeamDiscussion(models.Model):
    """A module's werkoverleg kit was discussed in a department's team meeting on a date.

    Recorded by the department's manager (or the kernteam) so the department dashboard shows
    that the conversation about ondermijning took place, not ad hoc but per module. Once per
    module, department and day; who recorded it is kept for the audit, not shown.
    """

    module = models.ForeignKey(
        ModulePage,
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        related_name="team_discussions",
    )
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("department"),
        on_delete=models.CASCADE,
        related_name="team_discussions",
    )
    discussed_on = models.DateField(_("discussed on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("team discussion")
        verbose_name_plural = _("team discussions")
        ordering = ["-discussed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["module", "department", "discussed_on"],
                name="modules_one_team_discussion_per_day",
            )
        ]
        indexes = [models.Index(fields=["department", "module", "discussed_on"])]

    def __str__(self) -> str:
        return f"{self.module} · {self.department} · {self.discussed_on}"
