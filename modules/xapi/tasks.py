"""Background task (django-tasks, run by ``db_worker``): send the xAPI outbox.

Queued when a transaction that wrote statements commits (:func:`modules.xapi.services.
queue_send`). django-tasks retries nothing by itself, so a run that leaves statements waiting
(the LRS was down) queues one deferred run for when the earliest of them is due again; the
cache key keeps a burst of runs from queueing a deferred run each. The scheduled command
``send_xapi_statements`` is the safety net for a worker that died with a run still ahead.
"""

from __future__ import annotations

from django.core.cache import cache
from django.utils import timezone
from django_tasks import task

from modules.xapi.sender import next_due, outbox_send

RETRY_QUEUED_KEY = "xapi:retry-run-queued"


@task()
def send_statements() -> int:
    report = outbox_send()
    schedule_retry()
    return report.sent


def schedule_retry() -> bool:
    """Queue one deferred run for the earliest statement still waiting; ``True`` when queued.

    Only with a backend that can defer (the database one): the tests' immediate backend would
    run it at once, again and again.
    """
    due = next_due()
    if due is None or not send_statements.get_backend().supports_defer:
        return False
    wait = max(1, int((due - timezone.now()).total_seconds()) + 1)
    queued = cache.get(RETRY_QUEUED_KEY)
    if queued is not None and queued <= due.isoformat():
        return False  # a run is queued for then or earlier
    cache.set(RETRY_QUEUED_KEY, due.isoformat(), timeout=wait)
    send_statements.using(run_after=due).enqueue()
    return True
