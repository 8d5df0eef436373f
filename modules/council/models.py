"""The private self-reflection and the griffie's recommendations.

:class:`Reflection` rows hold a council member's own answers. Nothing in the admin, the reports
or any export for others reads them: only the member sees them (on the reflection page and in
"Mijn gegevens"), and only the member can delete them.

:class:`CouncilParticipationSnapshot` holds the griffie's figures for one closed calendar
quarter, taken once after the quarter ended and never changed, so that two reports read on
different days cannot be compared to follow one member.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from accounts.models import audience_field
from modules.blocks import LESSON_RICH_TEXT_FEATURES
from modules.council.forms import ReflectionDeleteForm, ReflectionForm
from modules.pages import AudienceRestrictedPage


class ReflectionAnswer(models.TextChoices):
    """How far a statement holds for the member; no answer is right or wrong."""

    YES = "yes", _("That is true for me")
    PARTLY = "partly", _("Partly true")
    NO = "no", _("Not true for me")
    UNSURE = "unsure", _("I don't know")


class ReflectionStatementBlock(blocks.StructBlock):
    statement = blocks.CharBlock(label=_("statement"), max_length=200)
    tip = blocks.TextBlock(label=_("tip"), help_text=_("Shown after the member has answered."))

    class Meta:
        icon = "help"
        label = _("Statement")
        description = _("A statement in the first person, with a tip shown after answering.")
        preview_value = {
            "statement": "Ik weet bij wie ik terechtkan als iemand mij onder druk zet.",
            "tip": "Bespreek twijfel met de griffier of de burgemeester.",
        }


class ReflectionPage(AudienceRestrictedPage, Page):
    """ "Hoe weerbaar ben ik?": statements a member answers for themselves, privately.

    :meth:`serve_open` only ever reads and writes the visitor's own :class:`Reflection`,
    through :class:`modules.council.forms.ReflectionForm` (or the delete form) and
    :mod:`modules.council.services`.
    """

    answer_choices = ReflectionAnswer.choices

    intro = RichTextField(_("introduction"), features=LESSON_RICH_TEXT_FEATURES)
    statements = StreamField(
        [("statement", ReflectionStatementBlock())],
        verbose_name=_("statements"),
        min_num=1,
    )
    audience = audience_field(
        help_text=_("Who may open this reflection. Leave empty for everybody who is logged in.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("audience"),
        FieldPanel("statements"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["modules.ModuleIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("self-reflection")
        verbose_name_plural = _("self-reflections")

    def serve_open(self, request, *args, **kwargs):
        """GET shows the statements with the visitor's answers and, for answered ones, the
        tip; POST saves (or, with ``verwijderen``, deletes) the visitor's own answers."""
        # Imported here: the services and selectors import this module's models (a cycle).
        from modules.council import selectors, services

        user = request.user
        saved = selectors.own_reflection(user=user, page=self)
        form = ReflectionForm(page=self, reflection=saved)
        delete_form = ReflectionDeleteForm()
        if request.method == "POST" and request.POST.get("verwijderen"):
            delete_form = ReflectionDeleteForm(request.POST)
            if delete_form.is_valid():
                services.reflection_delete(user=user, page=self)
                messages.success(request, gettext("Your answers have been deleted."))
                return HttpResponseRedirect(self.url)
        elif request.method == "POST":
            form = ReflectionForm(request.POST, page=self, reflection=saved)
            if form.is_valid():
                try:
                    services.reflection_save(
                        user=user, page=self, answers=form.answers(), notes=form.notes()
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(
                        request, gettext("Your answers have been saved. Only you can see them.")
                    )
                    return HttpResponseRedirect(self.url + "#tips")
        context = self.get_context(
            request, *args, form=form, delete_form=delete_form, reflection=saved, **kwargs
        )
        errors = form.error_links() + delete_form.error_links()
        return TemplateResponse(
            request, self.get_template(request), context, status=400 if errors else 200
        )

    def get_context(self, request, *args, form=None, delete_form=None, reflection=None, **kwargs):
        """The forms and the tips of the visitor's own saved answers. Without a form (Wagtail's
        preview) the statements are shown without anybody's answers."""
        context = super().get_context(request, *args, **kwargs)
        form = form if form is not None else ReflectionForm(page=self)
        delete_form = delete_form if delete_form is not None else ReflectionDeleteForm()
        answers = reflection.answers if reflection is not None else {}
        labels = dict(ReflectionAnswer.choices)
        context.update(
            form=form,
            delete_form=delete_form,
            errors=form.error_links() + delete_form.error_links(),
            reflection=reflection,
            tips=[
                {
                    "statement": block.value["statement"],
                    "tip": block.value["tip"],
                    "answer_label": labels[answers[block.id]],
                }
                for block in self.statements
                if answers.get(block.id) in labels
            ],
        )
        return context


class Reflection(models.Model):
    """One member's answers to one reflection page: block id → answer, plus own notes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections"
    )
    page = models.ForeignKey(ReflectionPage, on_delete=models.CASCADE, related_name="+")
    answers = models.JSONField(default=dict)
    notes = models.TextField(_("my notes"), blank=True, max_length=4000)
    # When the member first filled it in: the griffie's quarter figures count a reflection
    # from then on (updated_at moves with every later change).
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="council_one_reflection_each")
        ]

    def __str__(self) -> str:
        return f"{self.page_id}: {self.user_id}"


class CouncilRecommendation(models.Model):
    """A module the griffie recommends to the council; the council's track stays optional."""

    module = models.OneToOneField(
        "modules.ModulePage",
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        related_name="council_recommendation",
    )
    note = models.CharField(
        _("why"),
        max_length=250,
        blank=True,
        help_text=_(
            "Shown to council members next to the module, e.g. 'Before the budget debate'."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [FieldPanel("module"), FieldPanel("note")]

    class Meta:
        verbose_name = _("recommendation for the council")
        verbose_name_plural = _("recommendations for the council")
        ordering = ["module__path"]
        permissions = [
            (
                "view_council_participation",
                _("Can see the council's participation, as aggregates only"),
            )
        ]

    def __str__(self) -> str:
        return str(self.module)


class CouncilParticipationSnapshot(models.Model):
    """The council's participation as it stood at the end of one calendar quarter.

    Written once by :func:`modules.council.services.council_participation_snapshot_take`, only
    after the quarter ended, and never changed afterwards (``save`` refuses updates): a member
    who completes a module or deletes their data later does not change a published quarter.
    ``figures`` holds the counts (members, per module started and completed, reflections
    filled in); the small-number rules are applied when they are shown
    (:func:`modules.council.selectors.published_council_participation`).
    """

    quarter_start = models.DateField(_("start of the quarter"), unique=True)
    quarter_end = models.DateField(_("end of the quarter"))
    figures = models.JSONField(_("figures"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("council participation per quarter")
        verbose_name_plural = _("council participation per quarter")
        ordering = ["-quarter_start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quarter_end__gt=models.F("quarter_start")),
                name="council_snapshot_quarter_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.quarter_start:%Y-%m-%d} - {self.quarter_end:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("A published quarter is never changed.")
        super().save(*args, **kwargs)
