"""Keeps the task-status summary up to date with the writes (see ``core.changes``).

Connected in ``ReportingConfig.ready``.

* Changes for named people (progress, a place or an attendance, their account, department or
  roles) mark those people; their rows are rewritten once per transaction
  (:func:`modules.reporting.summary.refresh_people`, a few queries), when it commits or at the
  first read of the summary after the write (``PersonTaskManager``), whichever comes first: a
  quiz pass that saves the round and the certificate costs one refresh, not two, and the next
  dashboard shows it.
* Changes that can concern anybody and change who must do what (an assignment, an audience,
  the session requirement, roles, a module published or unpublished) rebuild every row in a
  background task (:mod:`modules.reporting.tasks`): at 50,000 people that takes seconds, too
  long for the editor's request. The task row is written in the same transaction, so the
  worker starts after the change is committed and sees it. In the tests the task runs at once.
* Other changes for anybody (a page, an image or a site setting saved: ``reason="content"``,
  a department renamed) leave the rows alone: the rows hold no titles or names. A session
  saved (cancelled, moved, unpublished) rewrites the rows of the people with a place in it.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished

from accounts.models import AdminJob
from core.changes import people_changed_signal
from modules.awareness.models import Registration, SessionPage
from modules.learning.models import ModulePage
from modules.reporting.models import PersonTask
from modules.reporting.summary import (
    Marks,
    current_marks,
    due_now,
    marks_state,
    rebuild_all,
    refresh_people,
    restore,
    settle,
)
from modules.reporting.tasks import rebuild_task_status
from modules.reporting.yearly_job import remove_pdf_of_deleted_job

#: Changes for named people that cannot move the summary: an attempt is counted when it
#: completes the round, and that saves the enrolment ("progress").
IGNORED_FOR_PEOPLE = frozenset({"attempt"})
#: Changes for anybody that cannot move it (everything else rebuilds).
#: A release ("migrate") changes no row; the demo rebuilds the summary itself at its end.
IGNORED_FOR_EVERYBODY = frozenset({"content", "department", "release", "demo"})


def _mark(*, user_ids=(), rebuild: bool = False) -> None:
    """Add to the open transaction's marks, or make them its on-commit hook (which, outside a
    transaction, runs at once: filled first)."""
    marks = current_marks()
    fresh = marks is None
    if fresh:
        marks = Marks(_committed)
    marks.user_ids.update(user_ids)
    marks.rebuild = marks.rebuild or rebuild
    if fresh:
        transaction.on_commit(marks)


def request_rebuild() -> None:
    """Rebuild once for the transaction: the task is queued when it commits (a burst of
    changes, say an audience with its roles and departments, or the demo, costs one rebuild;
    a request made in a savepoint as well queues once more, and the task runs once for both:
    ``rebuild_task_status`` skips a request older than a run that started); a read of the
    summary before that rebuilds first (``flush_pending``)."""
    _mark(rebuild=True)


def mark_people(user_ids) -> None:
    """Rewrite these people's rows at the commit, or at the next read of the summary."""
    _mark(user_ids=user_ids)


def _committed(marks: Marks) -> None:
    users, rebuild = marks.at_commit()
    marks.user_ids, marks.written, marks.rebuild, marks.rebuilt = set(), set(), False, False
    if users:
        refresh_people(user_ids=frozenset(users))
    if rebuild:
        rebuild_task_status.enqueue(timezone.now().isoformat())


def flush_pending() -> None:
    """Write what this transaction and its savepoints marked and did not write yet: all rows
    when a rebuild was requested and not yet queued, else the rows of the people marked
    (nothing when nobody is)."""
    users, rebuild = due_now()
    if not users and not rebuild:
        return
    before = marks_state()
    settle(users=users, rebuild=rebuild)
    try:
        if rebuild:
            rebuild_all()
        else:
            refresh_people(user_ids=frozenset(users))
    except BaseException:
        restore(before)  # not written: still due
        raise


def _people_changed(sender, user_ids, reason, **kwargs) -> None:
    if user_ids is None:
        if reason not in IGNORED_FOR_EVERYBODY:
            request_rebuild()
    elif reason not in IGNORED_FOR_PEOPLE:
        mark_people(user_ids)


def _module_published(sender, instance, **kwargs) -> None:
    """A module published (maybe asking for renewal) or unpublished: its assignments start or
    stop counting."""
    request_rebuild()


def _session_saved(sender, instance, **kwargs) -> None:
    """Cancelled, moved or unpublished: "bezig" (a place in an upcoming session) may change."""
    user_ids = set(
        Registration.objects.filter(session_id=instance.pk).values_list("user_id", flat=True)
    )
    if user_ids:
        mark_people(user_ids)


def connect() -> None:
    PersonTask.objects.before_read = flush_pending
    people_changed_signal.connect(
        _people_changed, weak=False, dispatch_uid="reporting.receivers:people"
    )
    for signal, name in ((page_published, "published"), (page_unpublished, "unpublished")):
        signal.connect(
            _module_published,
            sender=ModulePage,
            weak=False,
            dispatch_uid=f"reporting.receivers:module-{name}",
        )
    post_save.connect(
        _session_saved, sender=SessionPage, weak=False, dispatch_uid="reporting.receivers:session"
    )
    post_delete.connect(
        _module_published,
        sender=ModulePage,
        weak=False,
        dispatch_uid="reporting.receivers:module-deleted",
    )
    # Not the summary: a yearly overview job's PDF is deleted with the job (retention).
    post_delete.connect(
        remove_pdf_of_deleted_job,
        sender=AdminJob,
        weak=False,
        dispatch_uid="reporting.receivers:yearly-overview-pdf",
    )
