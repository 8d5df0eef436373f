"""Learner-facing actions on sessions: register, cancel, accept or decline an offered place,
check in, and the calendar file.

Plain POST forms (they work without JavaScript); each answers with a redirect and a message.
A session the user may not see answers 404, as if it did not exist.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from modules.awareness.calendar import session_ics
from modules.awareness.models import Registration, RegistrationStatus, SessionPage
from modules.awareness.services import (
    RegistrationRefused,
    checkin,
    offer_accept,
    offer_decline,
    registration_cancel,
    registration_create,
)


def _visible_session(request: HttpRequest, session_id: int) -> SessionPage:
    session = SessionPage.objects.live().filter(pk=session_id).first()
    if session is None or not session.is_open_to(request.user):
        raise Http404
    return session


@login_required
@require_POST
def register(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _visible_session(request, session_id)
    try:
        registration = registration_create(user=request.user, session=session, now=timezone.now())
    except RegistrationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        if registration.status == RegistrationStatus.REGISTERED:
            messages.success(
                request, _("You are registered. We have sent you an email with the appointment.")
            )
        else:
            messages.info(
                request,
                _(
                    "The session is full, so you are on the waitlist. "
                    "We email you if a place frees up."
                ),
            )
    return HttpResponseRedirect(session.url)


def _act(request: HttpRequest, action: Callable[..., object], success: str, **kwargs) -> bool:
    """Run one of the services' actions for the request's user and say how it went.

    The services raise :class:`RegistrationRefused` with a Dutch reason the learner can act
    on; nothing is saved then. Returns whether the action went through.
    """
    try:
        action(user=request.user, now=timezone.now(), **kwargs)
    except RegistrationRefused as refusal:
        messages.error(request, str(refusal))
        return False
    messages.success(request, success)
    return True


@login_required
@require_POST
def cancel(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _visible_session(request, session_id)
    _act(request, registration_cancel, _("You have cancelled your registration."), session=session)
    back_to_dashboard = request.POST.get("terug") == "dashboard"
    return HttpResponseRedirect(reverse("my_learning") if back_to_dashboard else session.url)


@login_required
@require_POST
def accept_offer(request: HttpRequest, session_id: int) -> HttpResponse:
    """Take the place offered from the waitlist. Only one's own offer: the service looks up
    the request's user, so nobody can answer another person's offer."""
    session = _visible_session(request, session_id)
    _act(
        request,
        offer_accept,
        _("You have accepted the place. We have sent you an email with the appointment."),
        session=session,
    )
    return HttpResponseRedirect(session.url)


@login_required
@require_POST
def decline_offer(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _visible_session(request, session_id)
    _act(
        request,
        offer_decline,
        _("You have declined the place. It now goes to the next person."),
        session=session,
    )
    return HttpResponseRedirect(session.url)


@login_required
@require_POST
def check_in(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _visible_session(request, session_id)
    code = request.POST.get("code", "")[:16]
    _act(request, checkin, _("You are checked in. Welcome!"), session=session, code=code)
    return HttpResponseRedirect(session.url)


@login_required
def calendar_file(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _visible_session(request, session_id)
    ics = session_ics(
        session=session,
        url=request.build_absolute_uri(session.url),
        cancelled=session.is_cancelled,
        downloaded_by=Registration.objects.filter(session=session, user=request.user).first(),
    )
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bewustwordingssessie.ics"'
    return response
