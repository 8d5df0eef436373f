"""Trend pages ("Trends en signalen") and the small records around them.

A trend is a Wagtail page; publishing it needs a second kernteam member's approval (see
:mod:`modules.trends.workflow`), so :class:`TrendPage` denies direct publishing to everybody.
:class:`TrendView` remembers who marked a trend as read (for "Nieuw"),
:class:`ReviewReminder` that the kernteam was told a trend passed its review date, and
:class:`DigestDelivery` that a person got this week's digest, so no email goes out twice.
"""

from __future__ import annotations

import json
import uuid
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import (
    AbstractGroupApprovalTask,
    Page,
    PagePermissionTester,
    Revision,
    TaskState,
)
from wagtail.search import index

from accounts.models import User, audience_field
from core.dates import add_months
from modules.blocks import LessonStreamBlock
from modules.learning.dilemmas import dilemma_choices_on_page
from modules.pages import AudienceRestrictedPage, SectionIndexPage
from modules.trends.forms import TrendPageForm, TrendReadForm
from quizzes.models import Theme


def default_review_by() -> date:
    return add_months(timezone.localdate(), 6)


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=250)
    publisher = blocks.CharBlock(label=_("publisher"), max_length=150, required=False)
    url = blocks.URLBlock(label=_("link"), required=False)

    class Meta:
        icon = "link"
        label = _("Source")
        description = _("Where the facts in this trend come from.")
        preview_value = {
            "title": "Ondermijning in Dordrecht",
            "publisher": "Rekenkamer Dordrecht (2025)",
        }


class FourEyesPermissionTester(PagePermissionTester):
    """Nobody publishes a trend directly, not even a superuser: only the approval of a second
    kernteam member in the workflow does. Withdrawing (unpublishing) stays one person's call."""

    def can_publish(self):
        return False

    def can_publish_subpage(self):
        return False


class TrendIndexPermissionTester(PagePermissionTester):
    """The index itself publishes as usual, but a new trend created under it is never
    published on creation (Wagtail's "Publish" in the create view): it goes to review."""

    def can_publish_subpage(self):
        return False


class TrendIndexPage(SectionIndexPage):
    """ "Trends en signalen": the list of trends a person may see, newest first."""

    subpage_types = ["trends.TrendPage"]

    class Meta:
        verbose_name = _("trend index")

    def permissions_for_user(self, user):
        return TrendIndexPermissionTester(user, self)

    def get_workflow(self):
        """The four-eyes workflow: Wagtail's create view asks the parent whether a new trend
        can be submitted for review (no workflow is bound to the tree, see
        :mod:`modules.trends.workflow`)."""
        # Imported here: modules.trends.workflow reads this module's task model (a cycle).
        from modules.trends.workflow import four_eyes_workflow

        return four_eyes_workflow()

    @property
    def has_workflow(self) -> bool:
        return self.get_workflow() is not None

    def get_context(self, request, *args, **kwargs):
        # Imported here: modules.trends.selectors imports this module's models (a cycle).
        from modules.trends.selectors import trend_list

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = trend_list(
            user=request.user,
            theme=request.GET.get("thema", ""),
            page_number=request.GET.get("pagina", 1),
            today=timezone.localdate(),
        )
        context["themes"] = Theme.choices
        return context


class TrendPage(AudienceRestrictedPage, Page):
    """One trend or phenomenon: what is happening, the signals, what to do, and the sources."""

    theme = models.CharField(_("theme"), max_length=32, choices=Theme.choices)
    audience = audience_field(
        help_text=_("Who sees this trend. Leave empty for everybody who is logged in.")
    )
    summary = models.CharField(_("summary"), max_length=250)
    body = StreamField(LessonStreamBlock(), verbose_name=_("content"))
    signals = StreamField(
        [("signal", blocks.CharBlock(label=_("signal"), max_length=150))],
        verbose_name=_("related signals"),
        blank=True,
    )
    sources = StreamField([("source", SourceBlock())], verbose_name=_("sources"), blank=True)
    refresher = models.ForeignKey(
        "modules.ModulePage",
        verbose_name=_("refresher"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Optional: a short module without lessons whose final quiz has two to five "
            "questions. Make it mandatory for an audience with an assignment; it then shows up "
            "in My learning and the reports like any module."
        ),
    )
    review_by = models.DateField(
        _("review by"),
        default=default_review_by,
        help_text=_(
            "The core team gets a reminder when this date has passed, to update or withdraw "
            "the trend."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("theme"), FieldPanel("audience"), FieldPanel("review_by")],
            heading=_("Trend details"),
        ),
        FieldPanel("body"),
        FieldPanel("signals"),
        FieldPanel("sources"),
        FieldPanel("refresher"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("signals"),
        index.FilterField("theme"),
    ]
    parent_page_types = ["trends.TrendIndexPage"]
    subpage_types: list[str] = []
    base_form_class = TrendPageForm

    class Meta:
        verbose_name = _("trend")
        verbose_name_plural = _("trends")
        indexes = [models.Index(fields=["review_by"])]

    def get_context(self, request, *args, **kwargs):
        """The refresher for people who may open it, whether the reader marked the trend
        as read (else the "Ik heb dit gelezen" button), and their choices in its dilemmas."""
        context = super().get_context(request, *args, **kwargs)
        refresher = self.refresher
        context["refresher"] = (
            refresher
            if refresher is not None and refresher.live and refresher.is_open_to(request.user)
            else None
        )
        user = request.user
        context["read"] = (
            TrendView.objects.filter(user=user, trend=self).first()
            if user.is_authenticated and self.pk is not None  # not a new page's preview
            else None
        )
        context["dilemma_choices"] = dilemma_choices_on_page(
            user=user, page=self, preview=getattr(request, "is_preview", False)
        )
        return context

    def permissions_for_user(self, user):
        return FourEyesPermissionTester(user, self)

    def get_workflow(self):
        """Always the four-eyes workflow, wherever the page sits in the tree."""
        # Imported here: modules.trends.workflow reads this module's task model (a cycle).
        from modules.trends.workflow import four_eyes_workflow

        return four_eyes_workflow()

    @property
    def has_workflow(self) -> bool:
        """Wagtail's own check looks for a workflow bound to the tree; ours is not."""
        return self.get_workflow() is not None

    def serve_open(self, request, *args, **kwargs):
        """GET shows the trend and writes nothing; POST from the "Ik heb dit gelezen" button
        marks it as read for the reader (no longer "Nieuw") and redirects back to it."""
        if request.method != "POST":
            return super().serve_open(request, *args, **kwargs)
        # Imported here: modules.trends.services imports this module's models (a cycle).
        from modules.trends.services import trend_viewed

        if not TrendReadForm(request.POST).is_valid():
            return HttpResponseBadRequest(
                gettext("This form was not sent correctly. Go back to the trend and try again.")
            )
        trend_viewed(user=request.user, trend=self)
        messages.success(request, gettext("Marked as read: this trend is no longer new for you."))
        return HttpResponseRedirect(self.url + "#gelezen")

    @property
    def published_on(self) -> date | None:
        if self.first_published_at is None:
            return None
        return timezone.localdate(self.first_published_at)


class TrendView(models.Model):
    """When a person marked a trend as read ("Ik heb dit gelezen" on the trend, a POST:
    opening it writes nothing); a trend stays "Nieuw" for them until then."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trend_views"
    )
    trend = models.ForeignKey(TrendPage, on_delete=models.CASCADE, related_name="views")
    viewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "trend"], name="trends_viewed_once")]

    def __str__(self) -> str:
        return f"{self.trend_id}: {self.user_id}"


class ReviewReminder(models.Model):
    """The kernteam was told that this trend passed this review date (once per date)."""

    trend = models.ForeignKey(TrendPage, on_delete=models.CASCADE, related_name="reminders")
    review_by = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["trend", "review_by"], name="trends_one_reminder_per_review_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.trend_id}: {self.review_by}"


class DigestDelivery(models.Model):
    """A person got the digest of the week starting on ``week_start`` (a Monday)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trend_digests"
    )
    week_start = models.DateField()
    # The run that queued it: two overlapping runs each send only the rows they inserted.
    run = models.UUIDField(default=uuid.uuid4, db_index=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "week_start"], name="trends_one_digest_per_week"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.week_start}"


# What Wagtail itself records in a revision besides the content: tree position, publishing
# state, locks, timestamps and the draft title (the title itself is content). A revision that
# differs from the one before it only in these did not change the trend. Anything not listed
# counts as content, so a field added later makes its editor an author (the safe side).
REVISION_METADATA_KEYS = frozenset(
    {
        "pk",
        "id",
        "page_ptr",
        "path",
        "depth",
        "numchild",
        "url_path",
        "translation_key",
        "locale",
        "content_type",
        "alias_of",
        "owner",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
        "comments",
        "wagtail_admin_comments",
    }
)


def revision_content(revision) -> dict:
    """The revision's content without Wagtail's metadata, as stored (JSON), so that a revision
    still in memory compares equal to the same one read back from the database."""
    content = {
        key: value for key, value in revision.content.items() if key not in REVISION_METADATA_KEYS
    }
    return json.loads(json.dumps(content, cls=DjangoJSONEncoder))


def trend_authors(
    *, requested_by_id: int | None, live_revision_id: int | None, revisions
) -> set[int]:
    """Who wrote the trend as it waits for review: the person who submitted it, and everybody
    whose revision changed its content after the live revision (all of them for a new trend).

    ``revisions`` are all of the trend's revisions, oldest first; the live one is found among
    them. Pure, so the task (one trend) and the dashboard panel (every waiting trend, read in
    one query: :func:`modules.trends.selectors.trends_to_review`) apply the same rule."""
    authors: set[int] = set()
    if requested_by_id:
        authors.add(requested_by_id)
    live_created_at = next(
        (revision.created_at for revision in revisions if revision.pk == live_revision_id), None
    )
    previous = None
    for revision in revisions:
        changed = previous is None or revision_content(revision) != revision_content(previous)
        after_live = live_created_at is None or revision.created_at > live_created_at
        if changed and after_live and revision.user_id is not None:
            authors.add(revision.user_id)
        previous = revision
    return authors


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """A group approval that no author of the content can give, not even a superuser, and
    that only members of the task's groups (the kernteam) can give, superusers included.

    Authors are the person who submitted it and everybody whose saved revision changed the
    trend since it was last published (or ever, for a new trend): a revision counts when its
    content differs from the revision before it (:func:`trend_authors`). Saving without
    changes (the page editor saves a revision before it runs a workflow action) makes nobody an
    author, so a second kernteam member can approve from the editor, the dashboard and the
    workflow history alike.
    Only the content that was submitted can be approved: once the latest revision differs from
    the submitted one (someone edited, the reviewer included), approving is refused until it
    is submitted again, so every published word was seen by a second person.
    :mod:`modules.trends.finish` publishes exactly the submitted revision.

    Superusers: Wagtail lets a superuser act on every group task. Here they may not unless
    they are in the task's groups themselves. The second pair of eyes vouches for the content
    on behalf of the kernteam, which answers for what staff read about ondermijning; a
    superuser account is for running the site (beheer, the supplier). The review request goes
    to the groups only (:meth:`reviewers`), so an approval from outside them would also be one
    nobody was asked for. A superuser who must step in gives themselves the kernteam role
    first, which the audit log records (``accounts.audit``).
    """

    def is_approver(self, user) -> bool:
        """In one of the task's groups (one query per user and task, cached on the user by
        Wagtail's ``_user_in_groups``); being a superuser is not enough."""
        return bool(user.is_authenticated and user.is_active and self._user_in_groups(user))

    def _authors(self, obj) -> set[int]:
        state = getattr(obj, "current_workflow_state", None)
        return trend_authors(
            requested_by_id=state.requested_by_id if state is not None else None,
            live_revision_id=getattr(obj, "live_revision_id", None),
            revisions=list(Revision.objects.for_instance(obj).order_by("created_at", "pk")),
        )

    def is_author(self, obj, user) -> bool:
        return user.pk in self._authors(obj)

    @staticmethod
    def changed_since_submitted(obj, task_state) -> bool:
        """The latest revision's content differs from the submitted one: it cannot be approved
        until it is submitted again (the review screen then offers only sending it back)."""
        latest = obj.get_latest_revision()
        if latest is None or latest.pk == task_state.revision_id:
            return False
        return revision_content(latest) != revision_content(task_state.revision)

    def get_actions(self, obj, user):
        if not self.may_review(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            obj = task_state.workflow_state.content_object
            if not self.may_review(obj, user) or self.changed_since_submitted(obj, task_state):
                raise PermissionDenied(
                    _(
                        "This trend has changed since it was submitted, or you helped write "
                        "it. Another member of the core team must review the latest version."
                    )
                )
        return super().on_action(task_state, user, action_name, **kwargs)

    def may_review(self, obj, user, *, authors: set[int] | None = None) -> bool:
        """The one check behind the review screen, its dashboard panel, the review email and
        the task's actions: a member of the task's groups who did not write the trend.
        ``authors`` when the caller read them already (the panel, for many trends at once)."""
        if not self.is_approver(user):
            return False
        return user.pk not in (self._authors(obj) if authors is None else authors)

    def reviewers(self, obj):
        """Active members of the task's groups who did not write the trend: who is asked to
        review it (by email). The same rule as :meth:`get_actions`: group members minus authors."""
        return (
            User.objects.active()
            .filter(groups__in=self.groups.all())
            .exclude(pk__in=self._authors(obj))
            .exclude(email="")
            .distinct()
            .order_by("email")
        )

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self.is_approver(user):  # Wagtail would list everything for a superuser
            return TaskState.objects.none()
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)

    @classmethod
    def get_description(cls):
        return _("A member of the chosen groups other than the author approves")

    class Meta:
        verbose_name = _("four-eyes approval")
        verbose_name_plural = _("four-eyes approvals")
