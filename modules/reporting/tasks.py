"""Background task (django-tasks): rebuild the task-status summary after a change that can
concern anybody (an assignment, an audience, the session requirement, roles, a module
published or unpublished)."""

from __future__ import annotations

from django.core.cache import cache
from django.utils import timezone
from django_tasks import task

from modules.reporting.summary import rebuild_all

# When the last rebuild started (ISO time, in the shared cache): a rebuild requested before
# then is covered by it, so a burst of changes (an audience saved, then its roles and its
# departments) costs one rebuild, not three.
STARTED_KEY = "reporting:summary-rebuild-started"


@task()
def rebuild_task_status(requested_at: str) -> int | None:
    started = cache.get(STARTED_KEY)
    if started is not None and started > requested_at:
        return None
    cache.set(STARTED_KEY, timezone.now().isoformat(), timeout=24 * 3600)
    return rebuild_all()
