"""Writes for awareness sessions: register, cancel, move up from the waitlist (an offer to
confirm or decline), check in, record attendance, cancel or unpublish a session, and send the
day-before reminders.

Every change to a session's registrations runs in a transaction that first locks the session's
row (``SELECT ... FOR UPDATE``), so the capacity holds when many people register for the last
places at the same moment. Emails are queued as background tasks once the transaction commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.changes import people_changed
from modules.awareness.models import (
    AttendanceMethod,
    AttendanceRequirement,
    Registration,
    RegistrationStatus,
    SessionIndexPage,
    SessionPage,
    SessionTemplate,
)
from modules.awareness.selectors import sessions_open_to
from modules.awareness.tasks import send_session_email

# A place freed for the first person on the waitlist is held for them this long (an offer to
# confirm or decline), but never past the session's cancel deadline: whoever takes the place
# must be able to give it up again. When less than OFFER_MINIMUM would be left (a place frees
# up close to the session, e.g. the kernteam adds places), there is no time for a round of
# offers: the place is given at once, as before offers existed, with the invitation.
OFFER_HOURS = 48
OFFER_MINIMUM = timedelta(hours=2)

# Guessing a six-character code is hopeless at this rate.
CHECKIN_MAX_ATTEMPTS = 10
CHECKIN_ATTEMPT_WINDOW = 10 * 60  # seconds


class RegistrationRefused(Exception):
    """The action is not possible; the message says why, in Dutch."""


def _locked(session: SessionPage) -> SessionPage:
    # of=("self",): lock the session's own row, not Wagtail's page row it inherits from.
    return SessionPage.objects.select_for_update(of=("self",)).get(pk=session.pk)


def _send_later(kind: str, registration_ids: list[int]) -> None:
    def enqueue():
        for registration_id in registration_ids:
            send_session_email.enqueue(registration_id=registration_id, kind=kind)

    # robust: a mail server hiccup must not turn the (committed) registration into an error.
    transaction.on_commit(enqueue, robust=True)


@transaction.atomic
def registration_create(
    *, user: User, session: SessionPage, now: datetime, notify: bool = True
) -> Registration:
    """A place when there is one, else a place on the waitlist. Registering again while
    registered changes nothing; after a cancellation the same row is used again.

    ``notify=False`` queues no confirmation email: only for history written afterwards (the
    demo's past sessions), whose confirmation would otherwise arrive after the session."""
    session = _locked(session)
    if not session.live or session.is_cancelled or now >= session.starts_at:
        raise RegistrationRefused(_("Registration for this session is closed."))
    if not sessions_open_to(user=user).filter(pk=session.pk).exists():
        raise RegistrationRefused(_("This session is not open to you."))
    registration = Registration.objects.filter(session=session, user=user).first()
    if registration is not None and registration.status != RegistrationStatus.CANCELLED:
        return registration
    # Places freed some other way (a deleted account) go to the waitlist first, not to a
    # newcomer.
    _promote(session=session, now=now)
    # A free place while others wait (their offers are open or it is too late for offers)
    # is not for a newcomer either.
    has_place = _places_taken(session) < session.capacity and not _has_waitlist(session)
    status = RegistrationStatus.REGISTERED if has_place else RegistrationStatus.WAITLISTED
    if registration is None:
        registration = Registration(session=session, user=user)
    registration.status = status
    registration.cancelled_at = None
    registration.promoted_at = None
    registration.reminder_sent_at = None
    registration.cancellation_sent_at = None
    registration.offer_expires_at = None
    registration.waitlisted_at = now if status == RegistrationStatus.WAITLISTED else None
    registration.invited_for = session.starts_at if has_place else None
    registration.save()
    if notify:
        _send_later("confirmation" if has_place else "waitlist", [registration.pk])
    return registration


@transaction.atomic
def registration_cancel(*, user: User, session: SessionPage, now: datetime) -> Registration:
    """Give up a place, an offered place or a waitlist place before the deadline. The person
    gets an email; when they had an appointment it carries a calendar cancellation (same UID,
    higher SEQUENCE). A freed place is offered to the first person on the waitlist."""
    session = _locked(session)
    registration = Registration.objects.filter(
        session=session, user=user, status__in=RegistrationStatus.active()
    ).first()
    if registration is None:
        raise RegistrationRefused(_("You are not registered for this session."))
    if registration.attended_at is not None:
        raise RegistrationRefused(_("You attended this session, so you cannot cancel it."))
    if now >= session.cancel_deadline:
        raise RegistrationRefused(
            _("Cancelling is no longer possible. Please contact the kernteam ondermijning.")
        )
    had_place = registration.status in RegistrationStatus.taking_a_place()
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.waitlisted_at = None
    registration.save()
    # invited_for stays: the email task sends a calendar cancellation only to people who had
    # an appointment.
    _send_later("registration_cancelled", [registration.pk])
    if had_place:
        _promote(session=session, now=now)
    return registration


def _offered(*, user: User, session: SessionPage) -> Registration:
    registration = Registration.objects.filter(
        session=session, user=user, status=RegistrationStatus.OFFERED
    ).first()
    if registration is None:
        raise RegistrationRefused(_("There is no place on offer for you in this session."))
    return registration


@transaction.atomic
def offer_accept(*, user: User, session: SessionPage, now: datetime) -> Registration:
    """The person takes the place offered to them (before the offer's deadline): they are
    registered and get the confirmation with the appointment."""
    session = _locked(session)
    registration = _offered(user=user, session=session)
    if session.is_cancelled or not session.live:
        raise RegistrationRefused(_("Registration for this session is closed."))
    if now >= registration.offer_expires_at:
        raise RegistrationRefused(
            _("The time to accept this place has passed. The place goes to the next person.")
        )
    registration.status = RegistrationStatus.REGISTERED
    registration.promoted_at = now
    registration.invited_for = session.starts_at
    registration.save()
    _send_later("confirmation", [registration.pk])
    return registration


@transaction.atomic
def offer_decline(*, user: User, session: SessionPage, now: datetime) -> Registration:
    """The person does not want the offered place: they leave the waitlist and the place is
    offered to the next person."""
    session = _locked(session)
    registration = _offered(user=user, session=session)
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.save()
    _promote(session=session, now=now)
    return registration


def offers_expire(*, now: datetime) -> int:
    """Offers whose deadline has passed lapse (the person is told, and leaves the waitlist)
    and their places go to the next people. Safe to run as often as wanted: a lapsed offer is
    no longer an offer. Returns how many offers lapsed."""
    session_ids = set(
        Registration.objects.filter(
            status=RegistrationStatus.OFFERED, offer_expires_at__lte=now, session__isnull=False
        ).values_list("session_id", flat=True)
    )
    lapsed = 0
    for session_id in sorted(session_ids):
        with transaction.atomic():
            session = SessionPage.objects.select_for_update(of=("self",)).get(pk=session_id)
            expired = list(
                Registration.objects.filter(
                    session=session, status=RegistrationStatus.OFFERED, offer_expires_at__lte=now
                ).values_list("pk", "user_id")
            )
            ids = [pk for pk, _user_id in expired]
            Registration.objects.filter(pk__in=ids).update(
                status=RegistrationStatus.CANCELLED, cancelled_at=now
            )
            # update() sends no post_save: tell the caches and the summary (core.changes).
            people_changed(user_ids=[user_id for _pk, user_id in expired], reason="registration")
            if session.live and not session.is_cancelled:
                _send_later("offer_expired", ids)
            _promote(session=session, now=now)
            lapsed += len(ids)
    return lapsed


def _places_taken(session: SessionPage) -> int:
    return Registration.objects.filter(
        session=session, status__in=RegistrationStatus.taking_a_place()
    ).count()


def _has_waitlist(session: SessionPage) -> bool:
    return Registration.objects.filter(
        session=session, status=RegistrationStatus.WAITLISTED, user__is_active=True
    ).exists()


def offer_deadline(*, session: SessionPage, now: datetime) -> datetime | None:
    """Until when a freed place is held for the person it is offered to: ``OFFER_HOURS``
    from now, but not after the cancel deadline; None when less than ``OFFER_MINIMUM``
    would be left (the place is then given at once)."""
    deadline = min(now + timedelta(hours=OFFER_HOURS), session.cancel_deadline)
    return deadline if deadline - now >= OFFER_MINIMUM else None


def _promote(*, session: SessionPage, now: datetime) -> None:
    """Offer free places to the waitlist, first come first served (session row is locked).
    An offered place counts as taken until it is accepted, declined or lapses; close to the
    session the place is given at once (see :func:`offer_deadline`)."""
    if not session.live or session.is_cancelled or now >= session.starts_at:
        return
    free = session.capacity - _places_taken(session)
    if free <= 0:
        return
    waiting = list(
        Registration.objects.filter(
            session=session, status=RegistrationStatus.WAITLISTED, user__is_active=True
        ).order_by("waitlisted_at", "pk")[:free]
    )
    deadline = offer_deadline(session=session, now=now)
    for registration in waiting:
        registration.promoted_at = now
        registration.waitlisted_at = None
        if deadline is None:
            registration.status = RegistrationStatus.REGISTERED
            registration.invited_for = session.starts_at
        else:
            registration.status = RegistrationStatus.OFFERED
            registration.offer_expires_at = deadline
    Registration.objects.bulk_update(
        waiting, ["status", "promoted_at", "waitlisted_at", "invited_for", "offer_expires_at"]
    )
    # bulk_update sends no post_save: tell the caches and the summary itself (core.changes).
    people_changed(
        user_ids=[registration.user_id for registration in waiting], reason="registration"
    )
    _send_later("promoted" if deadline is None else "offer", [r.pk for r in waiting])


@transaction.atomic
def session_published(*, session: SessionPage, now: datetime) -> None:
    """After the kernteam publishes a change: people with a place whose invitation has another
    start time get an updated appointment, people told that the session was off (it was
    unpublished, or cancelled and then not) hear that it is on again, and extra places are
    offered to the waitlist."""
    session = _locked(session)
    registrations = Registration.objects.filter(session=session)
    moved = list(
        registrations.filter(
            status=RegistrationStatus.REGISTERED,
            invited_for__isnull=False,
            cancellation_sent_at__isnull=True,
        )
        .exclude(invited_for=session.starts_at)
        .values_list("pk", flat=True)
    )
    told = registrations.filter(
        status__in=RegistrationStatus.active(), cancellation_sent_at__isnull=False
    )
    again = {
        kind: list(told.filter(status=status).values_list("pk", flat=True))
        for kind, status in (
            ("moved", RegistrationStatus.REGISTERED),
            ("offer", RegistrationStatus.OFFERED),
            ("waitlist", RegistrationStatus.WAITLISTED),
        )
    }
    Registration.objects.filter(pk__in=moved + again["moved"]).update(invited_for=session.starts_at)
    told.update(cancellation_sent_at=None)
    _send_later("moved", moved + again["moved"])
    _send_later("offer", again["offer"])
    _send_later("waitlist", again["waitlist"])
    _promote(session=session, now=now)


def _tell_it_is_off(*, session: SessionPage, now: datetime) -> int:
    """Everybody with a place, an offer or a waitlist place not told yet gets the email with
    the calendar cancellation, once (``cancellation_sent_at``, kept on the registration: page
    revisions would restore an old value on publish)."""
    ids = list(
        Registration.objects.filter(
            session=session,
            status__in=RegistrationStatus.active(),
            cancellation_sent_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    Registration.objects.filter(pk__in=ids).update(cancellation_sent_at=now)
    _send_later("session_cancelled", ids)
    return len(ids)


@transaction.atomic
def session_cancel(*, session: SessionPage, now: datetime) -> int:
    """The kernteam cancels the session: everybody with a place or on the waitlist gets an
    email with a calendar cancellation, once (publishing again sends nothing new). Returns how
    many people were told now."""
    session = _locked(session)
    if not session.is_cancelled:
        session.is_cancelled = True
        session.save(update_fields=["is_cancelled"])
    return _tell_it_is_off(session=session, now=now)


@transaction.atomic
def session_unpublished(*, session: SessionPage, now: datetime) -> int:
    """The kernteam unpublishes the session: for the people in it, it is off. They are told
    as when it is cancelled, once; their places are kept, so publishing it again (without
    "cancelled") gives them back their appointment (:func:`session_published`). Returns how
    many people were told now."""
    return _tell_it_is_off(session=_locked(session), now=now)


def session_deleted(*, session: SessionPage, now: datetime) -> int:
    """The kernteam deletes a session that has not started (called just before the page
    goes, see :func:`modules.awareness.signals.keep_session_snapshot`, which has written the
    snapshot the emails are made from). Everybody not told yet gets the cancellation; then
    every place, offer and waitlist place is cancelled (an attendance is never touched).
    Returns how many people were told now."""
    with transaction.atomic():
        told = _tell_it_is_off(session=_locked(session), now=now)
        Registration.objects.filter(
            session=session, status__in=RegistrationStatus.active(), attended_at__isnull=True
        ).update(
            status=RegistrationStatus.CANCELLED,
            cancelled_at=now,
            waitlisted_at=None,
            offer_expires_at=None,
        )
    return told


@dataclass(frozen=True)
class CheckinResult:
    registration: Registration
    already: bool


@transaction.atomic
def checkin(*, user: User, session: SessionPage, code: str, now: datetime) -> CheckinResult:
    """A participant checks in with the code shown at the session: only while check-in is open
    (from shortly before the start to the end), only with a place, and once."""
    attempts_key = f"awareness:checkin:{session.pk}:{user.pk}"
    attempts = cache.get_or_set(attempts_key, 0, timeout=CHECKIN_ATTEMPT_WINDOW)
    if attempts >= CHECKIN_MAX_ATTEMPTS:
        raise RegistrationRefused(_("Too many attempts. Wait a few minutes and try again."))
    cache.set(attempts_key, attempts + 1, timeout=CHECKIN_ATTEMPT_WINDOW)
    session = _locked(session)
    if session.is_cancelled or not (session.checkin_opens_at <= now <= session.ends_at):
        raise RegistrationRefused(_("Checking in is only possible during the session."))
    registration = Registration.objects.filter(
        session=session, user=user, status=RegistrationStatus.REGISTERED
    ).first()
    if registration is None:
        raise RegistrationRefused(_("You can only check in to a session you are registered for."))
    if not session.checkin_code_matches(code, now):
        raise RegistrationRefused(_("This code is not correct. Check the code on the screen."))
    if registration.attended_at is not None:
        raise RegistrationRefused(_("You have already checked in."))
    registration.attended_at = now
    registration.attendance_method = AttendanceMethod.CHECKIN
    registration.attendance_recorded_by = user
    registration.save(update_fields=["attended_at", "attendance_method", "attendance_recorded_by"])
    return CheckinResult(registration=registration, already=False)


@transaction.atomic
def attendance_record(
    *,
    session: SessionPage,
    present_user_ids: set[int],
    by: User,
    now: datetime,
    shown_present_ids: set[int] | None = None,
) -> int:
    """The kernteam marks who came, from the participant list; returns the number present.

    ``shown_present_ids`` is who the list showed as present when the kernteam opened it. Only
    what the kernteam changed is saved, so someone who checked in with the code while the list
    was open keeps their check-in. Without it (the demo, scripts) the list is the whole truth.
    """
    session = _locked(session)
    if now < session.checkin_opens_at:
        raise RegistrationRefused(_("Attendance can be recorded once the session has started."))
    registrations = list(
        Registration.objects.filter(session=session, status=RegistrationStatus.REGISTERED)
    )
    changed = []
    for registration in registrations:
        present = registration.user_id in present_user_ids
        if shown_present_ids is not None and present == (registration.user_id in shown_present_ids):
            continue  # not changed on the form
        if present and registration.attended_at is None:
            registration.attended_at = now
            registration.attendance_method = AttendanceMethod.KERNTEAM
            registration.attendance_recorded_by = by
            changed.append(registration)
        elif not present and registration.attended_at is not None:
            registration.attended_at = None
            registration.attendance_method = ""
            registration.attendance_recorded_by = by
            changed.append(registration)
    Registration.objects.bulk_update(
        changed, ["attended_at", "attendance_method", "attendance_recorded_by"]
    )
    people_changed(user_ids=[r.user_id for r in changed], reason="registration")
    return sum(1 for r in registrations if r.attended_at is not None)


def reminders_send(*, now: datetime) -> int:
    """Queue the day-before reminder for every place in sessions that start tomorrow (local
    date). Each registration is reminded once; safe to run more than once a day."""
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    with transaction.atomic():
        due = list(
            Registration.objects.select_for_update(of=("self",))
            .filter(
                status=RegistrationStatus.REGISTERED,
                reminder_sent_at__isnull=True,
                session__live=True,
                session__is_cancelled=False,
                session__starts_at__date=tomorrow,
            )
            .values_list("pk", flat=True)
        )
        Registration.objects.filter(pk__in=due).update(reminder_sent_at=now)
        _send_later("reminder", due)
    return len(due)


def session_index_create(*, parent, title: str, slug: str, intro: str = ""):
    """The one overview page of sessions, published."""
    index = SessionIndexPage(title=title, slug=slug, intro=intro)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def session_create(*, index, **fields) -> SessionPage:
    """A published session under the overview page; ``fields`` are SessionPage fields."""
    session = SessionPage(**fields)
    index.add_child(instance=session)
    session.save_revision().publish()
    return session


def session_template_create(
    *,
    title: str,
    kind: str,
    theme: str,
    description: str,
    duration_minutes: int,
    capacity: int,
    led_by: str = "",
    audience=None,
) -> SessionTemplate:
    """A kind of session without a date, checked like the admin form checks it."""
    template = SessionTemplate(
        title=title,
        kind=kind,
        theme=theme,
        description=description,
        duration_minutes=duration_minutes,
        capacity=capacity,
        led_by=led_by,
        audience=audience,
    )
    template.full_clean()
    template.save()
    return template


def session_create_from_template(
    *,
    template: SessionTemplate,
    index: SessionIndexPage,
    starts_at: datetime,
    location: str = "",
    title: str = "",
    slug: str = "",
    online_url: str = "",
    **fields,
) -> SessionPage:
    """A published session planned from a template: the template gives what the session is
    (kind, theme, text, length, places, leader, audience), the caller when and where.
    ``fields`` overrides or adds other SessionPage fields (for example ``follow_up_module``)."""
    values = {
        "title": title or template.title,
        "kind": template.kind,
        "theme": template.theme,
        "description": template.description,
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(minutes=template.duration_minutes),
        "location": location,
        "online_url": online_url,
        "capacity": template.capacity,
        "led_by": template.led_by,
        "audience": template.audience,
    }
    if slug:
        values["slug"] = slug
    values.update(fields)
    return session_create(index=index, **values)


def attendance_requirement_set(
    *,
    is_active: bool,
    audience=None,
    every_months: int = 12,
    new_employees_within_months: int = 6,
    first_due_date=None,
):
    """Switch the yearly requirement on or off and set its rule (the site setting)."""
    requirement = AttendanceRequirement.load()
    requirement.is_active = is_active
    requirement.audience = audience
    requirement.every_months = every_months
    requirement.new_employees_within_months = new_employees_within_months
    requirement.first_due_date = first_due_date
    requirement.save()
    return requirement
