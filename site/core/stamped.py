"""Reads cached under version stamps: the one way learner pages cache what they compute.

``stamped_read("outline", compute, user_id=7, parts=(module.pk, today))`` returns what
``compute()`` returns, from the cache when it was computed under the current stamps (see
``core.changes``: a write that can change the answer moves a stamp, so the old entry is never
read again). Reads for one person carry ``user_id``; reads that are the same for everybody
(the page tree, the header) carry none and depend on the site stamp only.

The stamps are read once per request (kept on the request that ``core.csp.current_request``
holds) and forgotten when a write in the same request moves them.

What may be cached this way: model instances and plain values that follow from rows whose
writes move the stamps. Never anything that depends on the clock finer than the ``parts`` say
(pass today's date when a status depends on it), on the request (CSRF token, nonce), or on
other people's rows (free places in a session).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from django.core.cache import cache

from core.changes import REQUEST_STAMPS_ATTR, stamps_for
from core.csp import current_request

T = TypeVar("T")

#: An entry lives at most this long (a safety net: a moved stamp already makes it unreachable).
DEFAULT_TIMEOUT = 6 * 60 * 60
_MISSING = object()


def current_stamps(user_id: int | None) -> tuple[str, str, str]:
    """The stamps for this person (or nobody), read once per request."""
    request = current_request.get()
    memo = getattr(request, REQUEST_STAMPS_ATTR, None) if request is not None else None
    if memo is not None and user_id in memo:
        return memo[user_id]
    stamps = stamps_for(user_id)
    if request is not None:
        if memo is None:
            memo = {}
            setattr(request, REQUEST_STAMPS_ATTR, memo)
        memo[user_id] = stamps
    return stamps


def stamped_key(
    name: str,
    *,
    user_id: int | None = None,
    parts: tuple[Hashable, ...] = (),
    identity: bool = False,
) -> str:
    """The key of a read under the site's stamp and, with ``user_id``, the person's: their
    "who" stamp only for reads of who they are (``identity``: roles, audiences, assignments,
    the admin link), both "who" and "did" for reads of what they did (see ``core.changes``)."""
    site, who, did = current_stamps(user_id)
    person = [who] if identity else [who, did]
    return ":".join(["stamped", name, site, *person, *(str(part) for part in parts)])


def stamped_read(
    name: str,
    compute: Callable[[], T],
    *,
    user_id: int | None = None,
    parts: tuple[Hashable, ...] = (),
    timeout: int | Callable[[T], int] = DEFAULT_TIMEOUT,
    keep: Callable[[T], bool] | None = None,
    identity: bool = False,
) -> T:
    """``compute()``, cached under the current stamps (see the module docstring). ``keep``
    decides per answer whether it may be cached at all (an answer that depends on the clock,
    say); ``timeout`` may be computed from the answer (until the first session in it ends)."""
    key = stamped_key(name, user_id=user_id, parts=parts, identity=identity)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        if keep is None or keep(value):
            seconds = timeout(value) if callable(timeout) else timeout
            if seconds > 0:
                cache.set(key, value, min(seconds, DEFAULT_TIMEOUT))
    return value


def seconds_until(moment, *, now) -> int:
    """Whole seconds from ``now`` until ``moment`` (0 when it has passed)."""
    return max(0, int((moment - now).total_seconds()))
