"""Awareness sessions as pages, and the registrations for them.

The kernteam edits sessions as Wagtail pages under one "Bewustwordingssessies" overview page.
A :class:`Registration` is one person's place (or waitlist place) in one session; the database
allows one row per person and session, and the capacity rule is kept by
:func:`modules.awareness.services.registration_create`, which locks the session row.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from accounts.models import audience_field
from accounts.roles import Role
from modules.blocks import LESSON_RICH_TEXT_FEATURES
from modules.pages import AudienceRestrictedPage, SectionIndexPage
from quizzes.models import Theme

CHECKIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


# A check-in code changes every two minutes; the current and the previous one are accepted.
CHECKIN_CODE_SECONDS = 120


def new_checkin_secret() -> str:
    return secrets.token_urlsafe(24)


class SessionKind(models.TextChoices):
    """What kind of meeting a session is; a casustafel and the council's kinds have their own
    rules (guidance on the page, who may see the participants)."""

    BEWUSTWORDING = "bewustwording", _("Awareness session")
    CASUSTAFEL = "casustafel", _("Case table")
    WERKBEZOEK = "werkbezoek", _("Working visit")
    GESPREK = "gesprek", _("Conversation")


# Confidential cases are discussed at a casustafel: it is never open to everybody.
CASUSTAFEL_NEEDS_AUDIENCE = _(
    "A case table is for contact persons only. Choose an audience under Registration whose "
    "only role is contact person."
)


def casustafel_audience_error(audience_id, audience) -> str | None:
    """The error for a case table's audience, or None when it is fine. A case table is for
    aandachtsfunctionarissen only: the audience must name exactly that one role. "Every role"
    (no roles) or an extra role would open the table to colleagues it is not meant for. One
    query."""
    if audience_id is None:
        return CASUSTAFEL_NEEDS_AUDIENCE
    names = set(audience.roles.values_list("name", flat=True))
    if names != {Role.AANDACHTSFUNCTIONARIS.group_name}:
        return CASUSTAFEL_NEEDS_AUDIENCE
    return None


class SessionIndexPage(SectionIndexPage):
    """The overview of upcoming sessions (with free places, by theme) and the archive."""

    subpage_types = ["awareness.SessionPage"]

    class Meta:
        verbose_name = _("session overview")

    def get_context(self, request, *args, **kwargs):
        # Inside: the selectors import these models (the page ↔ selectors cycle of this app).
        from modules.awareness.selectors import session_overview

        context = super().get_context(request, *args, **kwargs)
        theme = request.GET.get("thema", "")
        context["overview"] = session_overview(
            user=request.user,
            index=self,
            theme=theme if theme in Theme.values else "",
            now=timezone.now(),
        )
        context["themes"] = Theme.choices
        return context


class SessionPage(AudienceRestrictedPage, Page):
    """One bewustwordingssessie: when, where, for whom, and how many places."""

    kind = models.CharField(
        _("kind of session"),
        max_length=16,
        choices=SessionKind.choices,
        default=SessionKind.BEWUSTWORDING,
    )
    theme = models.CharField(_("theme"), max_length=32, choices=Theme.choices)
    description = RichTextField(_("description"), features=LESSON_RICH_TEXT_FEATURES)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(
        _("location"), max_length=250, blank=True, help_text=_("Building and room.")
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("For an online session: the meeting link.")
    )
    capacity = models.PositiveSmallIntegerField(
        _("places"), default=25, validators=[MinValueValidator(1)]
    )
    audience = audience_field(
        help_text=_("Who may register. Leave empty for everybody who is logged in.")
    )
    led_by = models.CharField(
        _("led by"), max_length=150, blank=True, help_text=_("For example: RIEC and kernteam.")
    )
    cancel_until_hours = models.PositiveSmallIntegerField(
        _("cancellation possible until (hours before the start)"), default=24
    )
    follow_up_module = models.ForeignKey(
        "modules.ModulePage",
        verbose_name=_("follow-up module"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "A module (for example with a short quiz) that participants see after the session."
        ),
    )
    evaluation_url = models.URLField(
        _("evaluation form"),
        blank=True,
        help_text=_("A link to a short evaluation that participants see after the session."),
    )
    is_cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("Cancel the session: everybody registered gets an email with the news."),
    )
    checkin_secret = models.CharField(max_length=64, default=new_checkin_secret, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("theme"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("location"),
                FieldPanel("online_url"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("audience"),
                FieldPanel("cancel_until_hours"),
                FieldPanel("led_by"),
                FieldPanel("follow_up_module"),
                FieldPanel("evaluation_url"),
                FieldPanel("is_cancelled"),
            ],
            heading=_("Registration"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("description")]
    # A copied session is a new session: it gets its own secret, and its own registrations.
    exclude_fields_in_copy = ["checkin_secret"]
    parent_page_types = ["awareness.SessionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("awareness session")
        verbose_name_plural = _("awareness sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="awareness_session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="awareness_session_has_places"
            ),
        ]

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The session must end after it starts.")})
        if self.kind == SessionKind.CASUSTAFEL and (
            error := casustafel_audience_error(self.audience_id, self.audience)
        ):
            raise ValidationError({"audience": error})
        if self.pk and self.capacity:
            taken = self.registrations.filter(
                status__in=RegistrationStatus.taking_a_place()
            ).count()
            if self.capacity < taken:
                raise ValidationError(
                    {
                        "capacity": _(
                            "%(taken)s people already have a place. Cancel places first, "
                            "or keep at least that many."
                        )
                        % {"taken": taken}
                    }
                )

    @property
    def cancel_deadline(self):
        return self.starts_at - timedelta(hours=self.cancel_until_hours)

    def checkin_code_at(self, when) -> str:
        """The six-character code shown at the session at ``when``; it changes every
        ``CHECKIN_CODE_SECONDS``, so a photo of the screen soon stops working."""
        slot = int(when.timestamp()) // CHECKIN_CODE_SECONDS
        digest = hmac.new(self.checkin_secret.encode(), str(slot).encode(), hashlib.sha256)
        return "".join(
            CHECKIN_CODE_ALPHABET[byte % len(CHECKIN_CODE_ALPHABET)] for byte in digest.digest()[:6]
        )

    def checkin_code_matches(self, code: str, when) -> bool:
        """The current code, or the previous one (someone typing while it changes)."""
        typed = code.strip().upper().encode()
        return any(
            hmac.compare_digest(
                typed, self.checkin_code_at(when - timedelta(seconds=back)).encode()
            )
            for back in (0, CHECKIN_CODE_SECONDS)
        )

    @property
    def checkin_opens_at(self):
        return self.starts_at - timedelta(minutes=settings.WEERBAAR_CHECKIN_OPENS_MINUTES_BEFORE)

    def opens_outside_audience(self, user) -> bool:
        """Someone moved out of the audience after registering can still see, cancel and check
        in to their session (a place or a waitlist place)."""
        return Registration.objects.filter(
            session_id=self.pk, user=user, status__in=RegistrationStatus.active()
        ).exists()

    def get_context(self, request, *args, **kwargs):
        # Inside: the selectors and services import these models (the page ↔ selectors and
        # page ↔ services cycles of this app).
        from modules.awareness.selectors import session_detail
        from modules.awareness.services import OFFER_HOURS

        context = super().get_context(request, *args, **kwargs)
        context["detail"] = session_detail(user=request.user, session=self, now=timezone.now())
        # The waitlist text says how long an offer is held: the rule's own number.
        context["offer_hours"] = OFFER_HOURS
        return context


class SessionTemplate(models.Model):
    """A kind of session without a date: the kernteam plans a session from it (see
    :func:`modules.awareness.services.session_create_from_template`) and content packs carry it
    between sites (``sessions/<key>.json``)."""

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(
        _("kind of session"),
        max_length=16,
        choices=SessionKind.choices,
        default=SessionKind.BEWUSTWORDING,
    )
    theme = models.CharField(_("theme"), max_length=32, choices=Theme.choices)
    description = RichTextField(_("description"), features=LESSON_RICH_TEXT_FEATURES)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=90, validators=[MinValueValidator(15)]
    )
    capacity = models.PositiveSmallIntegerField(
        _("places"), default=25, validators=[MinValueValidator(1)]
    )
    led_by = models.CharField(
        _("led by"), max_length=150, blank=True, help_text=_("For example: RIEC and kernteam.")
    )
    audience = audience_field(
        help_text=_("Who may register. Leave empty for everybody who is logged in.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("theme"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("capacity")]),
        FieldPanel("led_by"),
        FieldPanel("audience"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("session template")
        verbose_name_plural = _("session templates")
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="awareness_template_has_places"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.kind == SessionKind.CASUSTAFEL and (
            error := casustafel_audience_error(self.audience_id, self.audience)
        ):
            raise ValidationError({"audience": error})


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("registered")
    WAITLISTED = "waitlisted", _("on the waitlist")
    # Moved up from the waitlist: the place is held for this person until ``offer_expires_at``
    # and counts as taken; they confirm (registered) or decline (cancelled).
    OFFERED = "offered", _("offered a place")
    CANCELLED = "cancelled", _("cancelled")

    @classmethod
    def taking_a_place(cls) -> list[str]:
        """The statuses that count against the session's capacity."""
        return [cls.REGISTERED, cls.OFFERED]

    @classmethod
    def active(cls) -> list[str]:
        """Everybody the session still concerns: a place, an offer, or a waitlist place."""
        return [cls.REGISTERED, cls.OFFERED, cls.WAITLISTED]


class AttendanceMethod(models.TextChoices):
    KERNTEAM = "kernteam", _("marked by the kernteam")
    CHECKIN = "checkin", _("checked in with the code")


class Registration(models.Model):
    """One person's place in one session (or on its waitlist); one row per person and session.

    Cancelling keeps the row (status "cancelled"), so registering again reuses it and the
    history of who came is complete. The waitlist is ordered by ``waitlisted_at``.

    Deleting a session page keeps its registrations (``SET_NULL``): an attendance is part of
    the person's history and counts for the yearly requirement (the reports and the summary
    read ``attended_at`` per person, not per session). Just before the page goes,
    :func:`modules.awareness.signals.keep_session_snapshot` copies the session's title and
    times into ``session_title``/``session_starts_at``/``session_ends_at``, so "Mijn gegevens"
    still says what was attended and when. ``PROTECT`` was the alternative; it would leave
    the kernteam with a page it cannot delete (Wagtail answers an error) for a mistake made
    long ago, while the history itself does not need the page.
    """

    session = models.ForeignKey(
        SessionPage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    # A snapshot of the session, written when its page is deleted (see the docstring).
    session_title = models.CharField(_("session"), max_length=255, blank=True)
    session_starts_at = models.DateTimeField(_("session started at"), null=True, blank=True)
    session_ends_at = models.DateTimeField(_("session ended at"), null=True, blank=True)
    # What the calendar cancellation of a deleted session needs: the page's id (the event's
    # UID, see calendar.session_uid) and its last publication (the base of its SEQUENCE).
    session_page_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    session_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_registrations"
    )
    status = models.CharField(_("status"), max_length=16, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(_("registered on"), auto_now_add=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    promoted_at = models.DateTimeField(_("moved up from the waitlist"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)
    attended_at = models.DateTimeField(_("attended"), null=True, blank=True)
    attendance_method = models.CharField(
        max_length=16, choices=AttendanceMethod.choices, blank=True
    )
    attendance_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # Kept here, not on the session page: page revisions would restore an old value on publish.
    cancellation_sent_at = models.DateTimeField(null=True, blank=True)
    # The start time in the last calendar invitation sent, to tell people when it moves.
    invited_for = models.DateTimeField(null=True, blank=True)
    # Until when an offered place (status "offered") is held; see services._offer_deadline.
    offer_expires_at = models.DateTimeField(_("offer open until"), null=True, blank=True)
    # How many calendar files this person was emailed for this session: added to the
    # publication's sequence, so every later invitation or cancellation outranks the one
    # before it (RFC 5545 SEQUENCE), also when nothing about the session changed.
    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="awareness_one_registration_per_person"
            ),
            models.CheckConstraint(
                condition=Q(attended_at__isnull=True) | Q(status=RegistrationStatus.REGISTERED),
                name="awareness_only_registered_people_attend",
            ),
            models.CheckConstraint(
                condition=~Q(status=RegistrationStatus.WAITLISTED) | Q(waitlisted_at__isnull=False),
                name="awareness_waitlist_has_a_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=RegistrationStatus.OFFERED) | Q(offer_expires_at__isnull=False),
                name="awareness_offer_has_a_deadline",
            ),
        ]
        indexes = [
            models.Index(fields=["session", "status", "waitlisted_at"]),
            models.Index(fields=["user", "attended_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.title} ({self.get_status_display()})"

    @property
    def title(self) -> str:
        """The session's title, also after its page was deleted."""
        return self.session.title if self.session_id else self.session_title

    @property
    def starts_at(self):
        return self.session.starts_at if self.session_id else self.session_starts_at


@register_setting(icon="date")
class AttendanceRequirement(BaseGenericSetting):
    """The yearly requirement: everybody in the audience attends a session every N months;
    new employees within M months of their start date.

    It shows in "Mijn leeromgeving" and the completion reports next to the modules, with the
    same statuses (see :func:`modules.awareness.rules.requirement_task`).
    """

    is_active = models.BooleanField(_("the requirement applies"), default=False)
    audience = audience_field(
        verbose_name=_("for"),
        help_text=_("Who must attend. Leave empty for everybody with the employee role."),
    )
    every_months = models.PositiveSmallIntegerField(
        _("attend once every (months)"), default=12, validators=[MinValueValidator(1)]
    )
    new_employees_within_months = models.PositiveSmallIntegerField(
        _("new employees attend within (months after their start date)"),
        default=6,
        validators=[MinValueValidator(1)],
    )
    first_due_date = models.DateField(
        _("first due date for current staff"),
        null=True,
        blank=True,
        help_text=_(
            "For people who never attended and are not new: the date by which they attend "
            "for the first time. Leave empty to make it due at once."
        ),
    )

    panels = [
        FieldPanel("is_active"),
        FieldPanel("audience"),
        FieldPanel("every_months"),
        FieldPanel("new_employees_within_months"),
        FieldPanel("first_due_date"),
    ]

    class Meta:
        verbose_name = _("attendance requirement")
