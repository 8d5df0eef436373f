"""Change notices and version stamps: how a write tells every cache and summary what changed.

Pages for a learner are built from things that change rarely (pages, audiences, assignments)
and things that change with every click (their own progress, attempts, places). Caches of
those reads (``core.learner_cache``) and summaries (the reporting app's task table) must never
show yesterday's state after a write. One rule keeps them honest:

* every write that can change what a person sees calls :func:`people_changed` with their ids,
  and every write that can change it for anybody (a page published, an audience or an
  assignment edited) calls :func:`everybody_changed`. The apps do this in their services and in
  ``post_save``/``post_delete`` receivers on their own models (so a change made in the Wagtail
  admin counts too); a bulk write that skips model signals calls it itself;
* the signal :data:`people_changed_signal` carries the ids (``None``: everybody) to listeners
  in higher layers (reporting refreshes its summary in the same transaction);
* this module's own receiver moves the **version stamps** on: one per person and one for the
  whole site. A cached read is stored under the stamps it was computed with, so a moved stamp
  makes it unreachable: nothing is deleted, nothing is ever served stale.

The stamps live in the cache (Redis in production, so every web node and worker sees the same
ones). They move at once, so the rest of the same transaction and the next request on this
node see the change, and again when the transaction commits: a read on another node that ran
between the two, and so saw the old rows under the new stamp, is dropped too.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from core.csp import current_request

#: Sent (inside the writing transaction) with ``user_ids``: a frozenset of user ids, or
#: ``None`` when the change can concern anybody; and ``reason``: a short word for logs.
people_changed_signal = Signal()

SITE_STAMP_KEY = "stamp:site"
#: Where ``core.stamped`` keeps the stamps it read for the current request.
REQUEST_STAMPS_ATTR = "_weerbaar_stamps"
# A person has two stamps: "who" (their account, department and roles: what they may open)
# and "did" (their progress, attempts, places, choices). Reads of who somebody is depend on the
# first only, so a lesson done or an attempt started does not make the audience check, the
# roles or the admin link be read again; reads of what they did depend on both.
_WHO_STAMP_KEY = "stamp:who:{}"
_DID_STAMP_KEY = "stamp:did:{}"
#: The reasons that change who somebody is (the other reasons change what they did).
IDENTITY_REASONS = frozenset({"account", "roles"})
# Stamps have no expiry of their own; Redis may evict them (a new stamp is then made on the
# next read, which only costs a recomputation).
_NO_EXPIRY = None


def people_changed(*, user_ids: Iterable[int], reason: str) -> None:
    """What these people see has changed (their progress, attempts, roles, places)."""
    ids = frozenset(int(pk) for pk in user_ids if pk is not None)
    if not ids:
        return
    people_changed_signal.send(sender=None, user_ids=ids, reason=reason)
    key = _WHO_STAMP_KEY if reason in IDENTITY_REASONS else _DID_STAMP_KEY
    _bump_users(ids, key)
    _after_commit(lambda: _bump_users(ids, key))


def everybody_changed(*, reason: str) -> None:
    """What anybody may see has changed (content, audiences, assignments, requirements)."""
    people_changed_signal.send(sender=None, user_ids=None, reason=reason)
    _bump_site()
    _after_commit(_bump_site)


def _after_commit(bump) -> None:
    """Bump again once the transaction commits (a read between the first bump and the commit
    may have cached the old state). Outside Django's transaction management (autocommit off
    by hand, as a flush's post_migrate in a test can run) there is no commit hook: the first
    bump stands."""
    connection = transaction.get_connection()
    if connection.get_autocommit() or connection.in_atomic_block:
        transaction.on_commit(bump)


def stamps_for(user_id: int | None) -> tuple[str, str, str]:
    """The site's stamp and this person's "who" and "did" stamps (``"-"`` for nobody), in one
    cache round trip.

    A missing stamp is created, so the first read after a restart or an eviction gets a fresh
    one (everything cached before it is unreachable)."""
    keys = [SITE_STAMP_KEY]
    if user_id:
        keys += [_WHO_STAMP_KEY.format(user_id), _DID_STAMP_KEY.format(user_id)]
    found = cache.get_many(keys)
    values = []
    for key in keys:
        value = found.get(key)
        if value is None:
            cache.add(key, _new_stamp(), timeout=_NO_EXPIRY)
            value = cache.get(key)
        values.append(value)
    if not user_id:
        values += ["-", "-"]
    return values[0], values[1], values[2]


def site_stamp() -> str:
    return stamps_for(None)[0]


def _new_stamp() -> str:
    return uuid.uuid4().hex[:12]


def _forget_request_stamps() -> None:
    request = current_request.get()
    if request is not None:
        request.__dict__.pop(REQUEST_STAMPS_ATTR, None)


def _bump_users(ids: frozenset[int], key: str) -> None:
    _forget_request_stamps()
    cache.set_many({key.format(pk): _new_stamp() for pk in ids}, timeout=_NO_EXPIRY)


def _bump_site() -> None:
    _forget_request_stamps()
    cache.set(SITE_STAMP_KEY, _new_stamp(), timeout=_NO_EXPIRY)


# ---------------------------------------------------------------------------------------------
# Receivers: the apps name their models once (in their AppConfig.ready), so every save or
# delete, also in the Wagtail admin, moves the right stamps.
# ---------------------------------------------------------------------------------------------


def watch_people(model, *, reason: str, users: Callable[[Any], Iterable[int]]) -> None:
    """Saves and deletes of ``model`` change what ``users(instance)`` see."""

    def changed(sender, instance, **kwargs) -> None:
        people_changed(user_ids=users(instance), reason=reason)

    uid = f"core.changes:{model._meta.label}:people"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid)


def watch_everybody(model, *, reason: str, settings_row: bool = False) -> None:
    """Saves and deletes of ``model`` (and changes of its many-to-many fields) can change what
    anybody sees.

    ``settings_row``: a Wagtail site setting, whose row ``load()`` creates with its defaults on
    the first read (a GET): that creation changes nothing anybody sees, so it moves no stamp;
    every later save (the admin's form) does."""

    def changed(sender, **kwargs) -> None:
        if settings_row and kwargs.get("created"):
            return
        if kwargs.get("action", "post_").startswith("post_"):
            everybody_changed(reason=reason)

    uid = f"core.changes:{model._meta.label}:everybody"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid)
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(
            changed,
            sender=field.remote_field.through,
            weak=False,
            dispatch_uid=f"{uid}:{field.name}",
        )
