"""Reads for awareness sessions, each in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from accounts.selectors import audiences_for_user, visible_to
from modules.awareness.models import (
    AttendanceRequirement,
    Registration,
    RegistrationStatus,
    SessionIndexPage,
    SessionPage,
)
from modules.awareness.rules import requirement_task

ARCHIVE_SIZE = 20


def sessions_open_to(*, user: User) -> QuerySet[SessionPage]:
    """Live sessions in the user's audiences (or without one), the ones they may register for.
    Whether one session page is open to someone (a place held outside the audience counts
    too) is :meth:`SessionPage.is_open_to`."""
    return SessionPage.objects.live().filter(visible_to(user=user))


def _with_counts(sessions: QuerySet[SessionPage]) -> QuerySet[SessionPage]:
    return sessions.annotate(
        registered_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)
        ),
        waitlist_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
        ),
    )


@dataclass(frozen=True)
class SessionCard:
    """A session in a list, as one user sees it."""

    session: SessionPage
    registered: int
    waitlisted: int
    registration: Registration | None

    @property
    def free_places(self) -> int:
        return max(0, self.session.capacity - self.registered)

    @property
    def is_full(self) -> bool:
        return self.free_places == 0

    @property
    def my_status(self) -> str:
        if self.registration is None or self.registration.status == RegistrationStatus.CANCELLED:
            return ""
        return self.registration.status


@dataclass(frozen=True)
class SessionOverview:
    upcoming: list[SessionCard]
    past: list[SessionCard]
    theme: str


def _cards(sessions: list[SessionPage], registrations: dict[int, Registration]) -> list:
    return [
        SessionCard(
            session=session,
            registered=session.registered_count,
            waitlisted=session.waitlist_count,
            registration=registrations.get(session.pk),
        )
        for session in sessions
    ]


def session_overview(*, user: User, index, theme: str, now: datetime) -> SessionOverview:
    """Upcoming sessions (soonest first) and the most recent past ones. Three queries."""
    sessions = _with_counts(sessions_open_to(user=user).child_of(index))
    if theme:
        sessions = sessions.filter(theme=theme)
    upcoming = list(sessions.filter(ends_at__gte=now, is_cancelled=False).order_by("starts_at"))
    past = list(sessions.filter(ends_at__lt=now).order_by("-starts_at")[:ARCHIVE_SIZE])
    registrations = {
        registration.session_id: registration
        for registration in Registration.objects.filter(
            user=user, session__in=[s.pk for s in upcoming + past]
        )
    }
    return SessionOverview(
        upcoming=_cards(upcoming, registrations),
        past=_cards(past, registrations),
        theme=theme,
    )


@dataclass(frozen=True)
class SessionDetail:
    card: SessionCard
    waitlist_position: int | None
    can_register: bool
    can_cancel: bool
    checkin_open: bool
    has_ended: bool


def session_detail(*, user: User, session: SessionPage, now: datetime) -> SessionDetail:
    """The session page's facts for one user. Three queries."""
    counted = _with_counts(SessionPage.objects.filter(pk=session.pk)).first()
    registration = (
        Registration.objects.filter(user=user, session=session).first() if session.pk else None
    )
    card = SessionCard(  # a preview of an unsaved session has no row yet: zero counts
        session=session,
        registered=counted.registered_count if counted else 0,
        waitlisted=counted.waitlist_count if counted else 0,
        registration=registration,
    )
    position = None
    if registration is not None and registration.status == RegistrationStatus.WAITLISTED:
        position = (
            Registration.objects.filter(  # the order promotion uses: time, then row
                Q(waitlisted_at__lt=registration.waitlisted_at)
                | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk),
                session=session,
                status=RegistrationStatus.WAITLISTED,
            ).count()
            + 1
        )
    open_for_registration = not session.is_cancelled and now < session.starts_at
    active = card.my_status != ""
    return SessionDetail(
        card=card,
        waitlist_position=position,
        can_register=open_for_registration and not active,
        can_cancel=active and now < session.cancel_deadline and not session.is_cancelled,
        checkin_open=(
            card.my_status == RegistrationStatus.REGISTERED
            and registration.attended_at is None
            and session.checkin_opens_at <= now <= session.ends_at
            and not session.is_cancelled
        ),
        has_ended=now > session.ends_at,
    )


def upcoming_registrations(*, user: User, now: datetime) -> list[Registration]:
    """The user's places and waitlist places in sessions still to come (one query)."""
    return list(
        Registration.objects.filter(
            user=user,
            status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED],
            session__ends_at__gte=now,
            session__is_cancelled=False,
            session__live=True,
        )
        .select_related("session")
        .order_by("session__starts_at")
    )


def attendance_requirement():
    """The requirement setting when it applies, else None (one query)."""
    requirement = AttendanceRequirement.load()
    return requirement if requirement.is_active else None


def requirement_task_for(
    *, user: User, today, now: datetime, upcoming: list[Registration] | None = None
):
    """The user's yearly session task, or None when the requirement does not apply to them.
    At most five queries (four when the user's ``upcoming`` registrations are passed in)."""
    requirement = attendance_requirement()
    if requirement is None or not user.is_authenticated:
        return None
    if requirement.audience_id is None:
        if not user.has_role(Role.MEDEWERKER):
            return None
    elif not audiences_for_user(user=user).filter(pk=requirement.audience_id).exists():
        return None
    last = (
        Registration.objects.filter(user=user, attended_at__isnull=False)
        .order_by("-attended_at")
        .values_list("attended_at", flat=True)
        .first()
    )
    index = SessionIndexPage.objects.live().first()
    return requirement_task(
        start_date=user.start_date,
        last_attended=timezone.localdate(last) if last else None,
        registered_upcoming=any(
            r.status == RegistrationStatus.REGISTERED
            for r in (
                upcoming if upcoming is not None else upcoming_registrations(user=user, now=now)
            )
        ),
        every_months=requirement.every_months,
        new_employees_within_months=requirement.new_employees_within_months,
        first_due_date=requirement.first_due_date,
        today=today,
        url=index.url if index else "",
    )
