"""The idle timeout without a session write on every request.

Django can renew a session's expiry only by saving it. ``SESSION_SAVE_EVERY_REQUEST`` does
that on every request: an UPDATE and a commit on ``django_session`` (and a cache write with the
``cached_db`` engine) for every page a learner opens, which issue 16 measured as a large part of
a plain GET. Instead, :class:`SessionRefreshMiddleware` saves a session that nobody changed at
most once a minute: it keeps the time of the last refresh in the session and, when that is
older than :data:`REFRESH_SECONDS`, writes it again, which makes Django save the session and
move its expiry to ``now + SESSION_COOKIE_AGE``. So a session ends between
``SESSION_COOKIE_AGE - 60`` and ``SESSION_COOKIE_AGE`` seconds after the last request.

A session that a view changed (login, logout, allauth's MFA stage, the content-pack upload) is
saved by Django's ``SessionMiddleware`` as always: this middleware never stops a save, it only
adds one. Visitors without a session (no cookie, or a cookie of an expired session) get none:
nothing is written for them.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

# How often an unchanged session is saved to renew its expiry, at most.
REFRESH_SECONDS = 60
# The session key that holds the last refresh, in whole seconds since the epoch.
REFRESHED_AT_KEY = "_weerbaar_refreshed_at"


def session_needs_refresh(*, refreshed_at: object, now: float) -> bool:
    """Whether a session last refreshed at ``refreshed_at`` must be saved again at ``now``.

    A missing or unreadable time counts as old, so a session from before this middleware (or
    one just made by ``login``) gets its time on the first request."""
    if not isinstance(refreshed_at, int | float):
        return True
    return now - refreshed_at >= REFRESH_SECONDS or refreshed_at > now + REFRESH_SECONDS


class SessionRefreshMiddleware:
    """Renews the idle timeout of an existing session at most once a minute.

    Must come right after ``django.contrib.sessions.middleware.SessionMiddleware``: its response
    phase runs before the session middleware's, which then saves the session (and sets the
    cookie) because it was modified. Use with ``SESSION_SAVE_EVERY_REQUEST = False``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.session_key is None:
            return response  # no session cookie, or the view flushed the session (logout)
        refreshed_at = session.get(REFRESHED_AT_KEY)  # loads it: from the cache, mostly
        if session.session_key is None or not session.keys():
            return response  # an expired or unknown session: do not create a new one
        now = time.time()
        if session_needs_refresh(refreshed_at=refreshed_at, now=now):
            session[REFRESHED_AT_KEY] = int(now)
        return response
