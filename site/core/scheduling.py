"""Scheduled commands run once, however many nodes start them.

With more than one machine, each may have the same cron table (or a scheduler may start a job
twice after a failover). Every scheduled command of the README's table therefore takes a lock
in the shared cache before it works: the first run gets it, a second run while the first still
holds it writes that it skipped and exits without doing anything (exit code 0: it is not an
error that the work is being done elsewhere).

The lock is a cache ``add`` (Redis ``SET NX`` with an expiry in production, where
``config.settings.production`` requires ``REDIS_URL``; a local-memory cache is only
per process, which is enough for one machine and for the tests). It is released when the run
ends, also on an error; a process that is killed leaves it until ``lock_timeout`` passes, so
the timeout is longer than a run takes but short enough that the next scheduled run is not
lost. The lock keeps two runs from overlapping; it does not stop a second run after the first
has finished, which is why each command is also safe to run twice.

Commands of this project subclass :class:`ScheduledCommand`; Django's and Wagtail's own
(``clearsessions``, ``publish_scheduled``) are started through ``manage.py run_scheduled``.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache import cache
from django.core.management.base import BaseCommand

LOCK_PREFIX = "scheduled-command-lock:"
DEFAULT_LOCK_TIMEOUT = 60 * 60  # seconds


def lock_key(name: str) -> str:
    return f"{LOCK_PREFIX}{name}"


@contextmanager
def scheduled_lock(name: str, *, timeout: int = DEFAULT_LOCK_TIMEOUT) -> Iterator[bool]:
    """Hold the lock ``name`` for the block; yields whether it was obtained.

    The lock's value is a token of this run, so a run whose lock expired (and was taken by
    another run) does not release that other run's lock; the check and the delete are two
    cache calls, which leaves a window of one round trip, acceptable for jobs minutes apart.
    """
    key = lock_key(name)
    token = uuid.uuid4().hex
    acquired = cache.add(key, token, timeout=timeout)
    try:
        yield acquired
    finally:
        if acquired and cache.get(key) == token:
            cache.delete(key)


def skipped_message(name: str) -> str:
    return f"{name}: skipped, another run holds the lock (it runs on another node or process)."


class ScheduledCommand(BaseCommand):
    """A management command that runs its ``handle`` only while it holds its lock.

    Subclasses write ``handle`` as usual; it is wrapped when the class is made. The lock is
    named after the command (the module's name) unless ``lock_name`` is set.
    """

    lock_name: str | None = None
    lock_timeout: int = DEFAULT_LOCK_TIMEOUT

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        handle = cls.__dict__.get("handle")
        if handle is not None and not getattr(handle, "_scheduled_lock", False):
            cls.handle = _locked(handle)

    def get_lock_name(self) -> str:
        return self.lock_name or self.__class__.__module__.rsplit(".", 1)[-1]


def _locked(handle):
    @functools.wraps(handle)
    def wrapper(self: ScheduledCommand, *args, **options):
        name = self.get_lock_name()
        with scheduled_lock(name, timeout=self.lock_timeout) as acquired:
            if not acquired:
                self.stdout.write(skipped_message(name))
                return None
            return handle(self, *args, **options)

    wrapper._scheduled_lock = True
    return wrapper
