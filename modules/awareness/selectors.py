"""Reads for awareness sessions, each in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from accounts.models import Audience, User
from accounts.roles import Role
from accounts.selectors import audiences_for_user, visible_to
from core.privacy import is_small, shown_count
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


def is_council_member(user_field: str = "user_id") -> Exists:
    """True for a row whose ``user_field`` is a raadslid. Whatever raadsleden do is visible
    individually to nobody else, so listings of other people leave these rows out and show
    them only as a count of five or more (:class:`CouncilFigures`)."""
    return Exists(
        User.groups.through.objects.filter(
            user_id=OuterRef(user_field), group__name=Role.RAADSLID.group_name
        )
    )


def _with_counts(sessions: QuerySet[SessionPage]) -> QuerySet[SessionPage]:
    return sessions.annotate(
        # Places taken: an offered place is held for its person until the offer ends.
        registered_count=Count(
            "registrations",
            filter=Q(registrations__status__in=RegistrationStatus.taking_a_place()),
        ),
        waitlist_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
        ),
        # The session's audience names roles, and the raadslid role is not among them: a
        # staff-only session (see SessionCard.hides_numbers).
        audience_has_roles=Exists(
            Audience.roles.through.objects.filter(audience_id=OuterRef("audience_id"))
        ),
        audience_has_council=Exists(
            Audience.roles.through.objects.filter(
                audience_id=OuterRef("audience_id"), group__name=Role.RAADSLID.group_name
            )
        ),
        # Exists, not a Count over the groups join: that would count people with two roles
        # twice in the counts above.
        has_council=Exists(
            Registration.objects.filter(
                session_id=OuterRef("pk"),
                status__in=RegistrationStatus.active(),
                user__groups__name=Role.RAADSLID.group_name,
            )
        ),
    )


@dataclass(frozen=True)
class SessionCard:
    """A session in a list, as one user sees it."""

    session: SessionPage
    registered: int
    waitlisted: int
    registration: Registration | None
    # The numbers (free places, waitlist, waitlist position) would count raadsleden, so the
    # card says only whether places are free. Decided per session, not per registration:
    # if the numbers vanished when the first raadslid registers, watching the page would tell
    # when one did. See :func:`hides_numbers`.
    hides_numbers: bool = False

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

    @property
    def shown_status(self) -> str:
        """What the card says about the user: "attended" once they came, else their status."""
        if self.my_status == RegistrationStatus.REGISTERED and self.registration.attended_at:
            return "attended"
        return self.my_status


def hides_numbers(session: SessionPage) -> bool:
    """Whether a session (annotated by :func:`_with_counts`) hides its numbers: always,
    unless its audience names roles and the raadslid role is not one of them. A session
    without an audience, or whose audience has no roles (every role), is open to raadsleden
    too. A raadslid holding a place outside the audience (placed by the kernteam) hides them
    as well."""
    staff_only = session.audience_has_roles and not session.audience_has_council
    return session.has_council or not staff_only


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
            hides_numbers=hides_numbers(session),
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


def _preview_hides_numbers(session: SessionPage) -> bool:
    if session.audience_id is None:
        return True
    names = set(session.audience.roles.values_list("name", flat=True))
    return not names or Role.RAADSLID.group_name in names


@dataclass(frozen=True)
class SessionDetail:
    card: SessionCard
    waitlist_position: int | None
    can_register: bool
    can_cancel: bool
    checkin_open: bool
    has_ended: bool
    # An offered place the person can still accept or decline (before its deadline).
    offer_open: bool = False


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
        # an unsaved preview: decided on the page's own audience
        hides_numbers=hides_numbers(counted) if counted else _preview_hides_numbers(session),
    )
    position = None  # "number 3" with only raadsleden ahead would count them: no position
    if (
        registration is not None
        and registration.status == RegistrationStatus.WAITLISTED
        and not card.hides_numbers
    ):
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
    offered = card.my_status == RegistrationStatus.OFFERED
    return SessionDetail(
        offer_open=(offered and open_for_registration and now < registration.offer_expires_at),
        card=card,
        waitlist_position=position,
        can_register=open_for_registration and not active,
        # An offer is answered with its own two buttons (accept or decline).
        can_cancel=(
            active and not offered and now < session.cancel_deadline and not session.is_cancelled
        ),
        checkin_open=(
            card.my_status == RegistrationStatus.REGISTERED
            and registration.attended_at is None
            and session.checkin_opens_at <= now <= session.ends_at
            and not session.is_cancelled
        ),
        has_ended=now > session.ends_at,
    )


@dataclass(frozen=True)
class CouncilFigures:
    """Raadsleden in one session, as counts only: None when one to four (read "minder dan
    5"), also when it is one to four less than the count next to it."""

    registered: int | None
    waitlisted: int | None
    attended: int | None


def council_figures(*, registered: int, waitlisted: int, attended: int) -> CouncilFigures:
    return CouncilFigures(
        registered=shown_count(registered),
        waitlisted=shown_count(waitlisted),
        attended=shown_count(attended, within=(registered,)),
    )


@dataclass(frozen=True)
class ParticipantList:
    """The kernteam's attendance screen: the people it may see by name, and the raadsleden
    as figures."""

    placed: list[Registration]
    waiting: list[Registration]
    council: CouncilFigures
    # Raadsleden hold one to four places. A waitlist exists only when the session is full, and
    # then their number is the capacity (which the kernteam set) minus the places on the
    # named list. So the screen does not say how many staff wait, nor whether it is full.
    hides_waitlist: bool = False


def participant_list(*, session: SessionPage) -> ParticipantList:
    """Everybody with a place (an offered one included, status "offered") or a waitlist
    place, raadsleden only counted. When one to four raadsleden hold places, the staff
    waitlist is left out too (``hides_waitlist``). One query."""
    registrations = list(
        Registration.objects.filter(session=session)
        .exclude(status=RegistrationStatus.CANCELLED)
        .annotate(council=is_council_member())
        .select_related("user__department")
        .order_by("status", "user__last_name", "user__first_name")
    )
    named = [r for r in registrations if not r.council]
    council = [r for r in registrations if r.council]
    # An offered place is taken (as the services count it): counting only "registered" would
    # let places minus the named list give back a small number of raadsleden with an offer.
    taking = RegistrationStatus.taking_a_place()
    placed = [r for r in council if r.status in taking]
    hides_waitlist = is_small(len(placed))
    return ParticipantList(
        hides_waitlist=hides_waitlist,
        placed=[r for r in named if r.status in taking],
        waiting=(
            []
            if hides_waitlist
            else [r for r in named if r.status == RegistrationStatus.WAITLISTED]
        ),
        council=council_figures(
            registered=len(placed),
            waitlisted=sum(1 for r in council if r.status == RegistrationStatus.WAITLISTED),
            attended=sum(1 for r in placed if r.attended_at is not None),
        ),
    )


def upcoming_registrations(*, user: User, now: datetime) -> list[Registration]:
    """The user's places, offered places and waitlist places in sessions still to come (one
    query)."""
    return list(
        Registration.objects.filter(
            user=user,
            status__in=RegistrationStatus.active(),
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
