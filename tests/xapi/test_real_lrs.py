"""Against a real LRS (Ralph, started by the test): the statements of a learner's module, final
quiz, certificate and session attendance arrive after the sender runs; while the LRS is down
they wait in the outbox and are tried again with backoff; once it is back they are sent, and
sending them again (a worker that died before recording the send) stores nothing twice.
"""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from accounts.roles import Role
from modules.awareness.models import Registration
from modules.awareness.services import attendance_record, checkin
from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from modules.xapi.models import OutboxStatement, OutboxStatus, Pseudonym
from modules.xapi.sender import outbox_send
from modules.xapi.statements import statement_problems
from tests.factories import a_session, module_with_lessons
from tests.factories.quizzes import pass_final_quiz
from tests.modules.final_quiz_helpers import taught_module
from tests.xapi.lrs_server import PASSWORD, USERNAME

pytestmark = pytest.mark.django_db


def test_statements_reach_a_real_lrs_once_also_after_it_was_down(
    xapi_on, ralph, make_user, kernteam_user, django_capture_on_commit_callbacks
):
    xapi_on.XAPI_LRS_ENDPOINT = ralph.endpoint
    xapi_on.XAPI_LRS_USERNAME, xapi_on.XAPI_LRS_PASSWORD = USERNAME, PASSWORD
    learner = make_user(Role.MEDEWERKER, first_name="Fleur", last_name="Visser")
    councillor = make_user(Role.RAADSLID)
    module = taught_module(lessons=2)
    session = a_session(starts_at=timezone.now() - timedelta(minutes=10))
    for person in (learner, councillor):
        Registration.objects.create(session=session, user=person, status="registered")

    # The LRS is down: every event's statement is written, the sender (run when each
    # transaction commits) fails and leaves them waiting with a next attempt.
    with django_capture_on_commit_callbacks(execute=True):
        pass_final_quiz(learner, module)
        checkin(
            user=learner,
            session=session,
            code=session.checkin_code_at(timezone.now()),
            now=timezone.now(),
        )
        lesson_complete(user=councillor, lesson=module_lessons(module=module)[0])
        attendance_record(
            session=session,
            present_user_ids={learner.pk, councillor.pk},
            by=kernteam_user,
            now=timezone.now(),
        )
    rows = list(OutboxStatement.objects.order_by("pk"))
    assert [row.verb for row in rows] == [
        "completed",
        "completed",
        "passed",
        "completed",
        "earned",
        "attended",
    ]
    assert {row.user_id for row in rows} == {learner.pk}, "nothing of the raadslid"
    assert all(row.status == OutboxStatus.PENDING and row.attempts >= 1 for row in rows)
    assert all(row.next_attempt_at > timezone.now() for row in rows)
    assert all(
        "ConnectionRefusedError" in row.last_error or "URLError" in row.last_error for row in rows
    )

    ralph.start()
    # Not due yet: the backoff holds them back.
    assert outbox_send(now=timezone.now()).sent == 0
    later = timezone.now() + timedelta(minutes=5)
    report = outbox_send(now=later)
    assert (report.sent, report.retrying, report.rejected) == (6, 0, 0)

    stored = ralph.statements()
    assert {item["id"] for item in stored} == {str(row.statement_id) for row in rows}
    pseudonym = str(Pseudonym.objects.get(user=learner).key)
    for item in stored:
        assert item["actor"]["account"] == {
            "homePage": "https://weerbaar.example",
            "name": pseudonym,
        }
        assert statement_problems({k: v for k, v in item.items() if k != "authority"}) == []
    text = json.dumps(stored)
    for private in ("Fleur", "Visser", learner.email, "mbox"):
        assert private not in text
    quiz = next(item for item in stored if item["verb"]["id"].endswith("/passed"))
    assert quiz["result"]["score"]["scaled"] == 1.0 and quiz["result"]["success"] is True
    assert quiz["object"]["id"] == (
        f"https://weerbaar.example/xapi/module/{module.translation_key}/final-quiz"
    )

    # A worker that died after the LRS took them but before it wrote "sent": sent again,
    # stored once (same ids, same statements).
    OutboxStatement.objects.update(status=OutboxStatus.PENDING, sent_at=None, next_attempt_at=later)
    assert outbox_send(now=later).sent == 6
    assert ralph.stored_lines() == 6
    assert len(ralph.statements()) == 6

    # A different statement under an id the LRS holds: 409, counted as sent, nothing stored.
    changed = rows[0]
    changed.payload["timestamp"] = "2020-01-01T00:00:00.000Z"
    changed.status, changed.sent_at, changed.next_attempt_at = OutboxStatus.PENDING, None, later
    changed.save()
    assert outbox_send(now=later).sent == 1
    changed.refresh_from_db()
    assert changed.status == OutboxStatus.SENT and "409" in changed.last_error
    assert ralph.stored_lines() == 6

    # The kernteam takes the attendance back: a voiding statement follows it.
    with django_capture_on_commit_callbacks(execute=True):
        attendance_record(
            session=session,
            present_user_ids={councillor.pk},
            by=kernteam_user,
            now=timezone.now(),
        )
    void = OutboxStatement.objects.get(verb="voided")
    assert void.status == OutboxStatus.SENT
    attended = OutboxStatement.objects.get(verb="attended")
    assert void.payload["object"] == {
        "objectType": "StatementRef",
        "id": str(attended.statement_id),
    }
    # Ralph's file backend keeps the voided statement listed (an LRS that follows 2.2.3 leaves
    # it out of queries); the voiding statement is stored and points at it.
    voiding = next(item for item in ralph.statements() if item["id"] == str(void.statement_id))
    assert voiding["verb"]["id"] == "http://adlnet.gov/expapi/verbs/voided"
    assert voiding["object"]["id"] == str(attended.statement_id)

    # The LRS goes down again: the next statement waits, and goes once it is back.
    ralph.stop()
    other = module_with_lessons(lessons=1)
    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(user=learner, lesson=module_lessons(module=other)[0])
    waiting = OutboxStatement.objects.filter(status=OutboxStatus.PENDING)
    assert waiting.count() == 3  # the lesson, the module it completes, its certificate
    assert all(row.attempts == 1 for row in waiting)
    ralph.start()
    assert outbox_send(now=timezone.now() + timedelta(minutes=2)).sent == 3
    assert ralph.stored_lines() == 10
    assert not OutboxStatement.objects.filter(status=OutboxStatus.PENDING).exists()


def run_due_tasks(capture) -> list[str]:
    """What ``db_worker`` does: run each task that is due (and its on-commit callbacks)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="xapi-test-worker",
        excluded_queue_names=[],
    )
    ran = []
    with capture(execute=True):
        while (row := DBTaskResult.objects.ready().first()) is not None:
            row.claim(worker.worker_id)
            worker.run_task(row)
            ran.append(row.task_path)
    return ran


SEND_TASK = "modules.xapi.tasks.send_statements"


def test_the_worker_sends_and_queues_its_own_retry_with_the_database_backend(
    xapi_on, ralph, medewerker, django_capture_on_commit_callbacks
):
    """As in production: the commit queues the task in the database, ``db_worker`` runs it;
    with the LRS down the run queues one deferred run for when the statements are due again,
    and that run sends them once the LRS is back."""
    xapi_on.XAPI_LRS_ENDPOINT = ralph.endpoint
    xapi_on.XAPI_LRS_USERNAME, xapi_on.XAPI_LRS_PASSWORD = USERNAME, PASSWORD
    module = module_with_lessons(lessons=2)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        with django_capture_on_commit_callbacks(execute=True):
            lesson_complete(user=medewerker, lesson=module_lessons(module=module)[0])
        assert SEND_TASK in run_due_tasks(django_capture_on_commit_callbacks)
        row = OutboxStatement.objects.get()
        assert (row.status, row.attempts) == (OutboxStatus.PENDING, 1)
        retry = DBTaskResult.objects.get(status="READY", task_path=SEND_TASK)
        assert retry.run_after == row.next_attempt_at
        assert SEND_TASK not in run_due_tasks(django_capture_on_commit_callbacks)  # not yet due

        ralph.start()
        # The clock moves on to the retry's time.
        moment = timezone.now()
        OutboxStatement.objects.update(next_attempt_at=moment)
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=moment)
        assert SEND_TASK in run_due_tasks(django_capture_on_commit_callbacks)
    row.refresh_from_db()
    assert row.status == OutboxStatus.SENT
    assert [item["id"] for item in ralph.statements()] == [str(row.statement_id)]
    assert not DBTaskResult.objects.filter(status="READY", task_path=SEND_TASK).exists()


def test_a_statement_the_lrs_refuses_is_set_aside_and_the_rest_of_its_batch_sent(
    xapi_on, ralph, medewerker
):
    """A batch refused as a whole is sent again one statement at a time: the good one is
    stored, the bad one (here made by hand, as no builder would) is rejected, not retried."""
    xapi_on.XAPI_LRS_ENDPOINT = ralph.endpoint
    xapi_on.XAPI_LRS_USERNAME, xapi_on.XAPI_LRS_PASSWORD = USERNAME, PASSWORD
    lesson_complete(
        user=medewerker, lesson=module_lessons(module=module_with_lessons(lessons=2))[0]
    )
    good = OutboxStatement.objects.get()
    bad_id = uuid.uuid4()
    bad = OutboxStatement.objects.create(
        statement_id=bad_id,
        event_key="test:bad",
        user=medewerker,
        verb="completed",
        payload={key: value for key, value in good.payload.items() if key != "actor"}
        | {"id": str(bad_id)},
        next_attempt_at=timezone.now(),
    )
    ralph.start()
    report = outbox_send(now=timezone.now())
    assert (report.sent, report.rejected, report.retrying) == (1, 1, 0)
    bad.refresh_from_db()
    assert bad.status == OutboxStatus.REJECTED and bad.next_attempt_at is None
    assert "HTTP 4" in bad.last_error
    assert [item["id"] for item in ralph.statements()] == [str(good.statement_id)]
