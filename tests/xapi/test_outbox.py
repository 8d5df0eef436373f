"""The outbox: what is written, when, for whom, and how a send is retried.

Real services make the events (a lesson done, an attendance recorded); no LRS is needed here
(the sender is pointed at a closed port), the real one is in test_real_lrs.py.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from accounts.roles import Role
from accounts.services import user_set_roles
from core.scheduling import ScheduledCommand
from modules.awareness.models import Registration
from modules.awareness.services import attendance_record
from modules.learning.final_quiz import final_quiz_start, final_quiz_submit
from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from modules.xapi.checks import xapi_needs_an_lrs
from modules.xapi.config import retry_delay
from modules.xapi.management.commands.send_xapi_statements import Command
from modules.xapi.models import OutboxStatement, OutboxStatus, Pseudonym
from modules.xapi.sender import outbox_purge, outbox_send
from modules.xapi.statements import statement_problems
from modules.xapi.tasks import schedule_retry
from quizzes.models import Option
from quizzes.regrade import regrade_apply
from quizzes.selectors import attempt_items
from quizzes.services import question_record_edit
from tests.factories import QuestionFactory, QuizFactory, a_session, module_with_lessons
from tests.quizzes.conftest import finish_lessons

pytestmark = pytest.mark.django_db


def first_lesson(module):
    return module_lessons(module=module)[0]


def test_off_by_default_nothing_is_written(settings, medewerker):
    assert settings.XAPI_ENABLED is False
    module = module_with_lessons(lessons=1)
    lesson_complete(user=medewerker, lesson=first_lesson(module))
    assert not OutboxStatement.objects.exists()
    assert not Pseudonym.objects.exists()


def test_a_lesson_done_writes_one_valid_statement_with_the_event(xapi_on, medewerker):
    module = module_with_lessons(lessons=2)
    lesson = first_lesson(module)
    lesson_complete(user=medewerker, lesson=lesson)
    lesson_complete(user=medewerker, lesson=lesson)  # a double click
    row = OutboxStatement.objects.get()
    assert row.status == OutboxStatus.PENDING and row.attempts == 0
    assert row.payload["id"] == str(row.statement_id)
    assert statement_problems(row.payload) == []
    assert row.payload["object"]["id"] == (
        f"https://weerbaar.example/xapi/lesson/{lesson.translation_key}"
    )
    assert row.payload["context"]["contextActivities"]["parent"][0]["id"] == (
        f"https://weerbaar.example/xapi/module/{module.translation_key}"
    )
    text = json.dumps(row.payload)
    for private in (medewerker.email, medewerker.first_name, medewerker.last_name):
        assert private not in text
    assert row.payload["actor"]["account"]["name"] == str(medewerker.xapi_pseudonym.key)


def test_the_activity_id_survives_a_new_title_and_slug(xapi_on, medewerker):
    module = module_with_lessons(lessons=2)
    lesson_complete(user=medewerker, lesson=first_lesson(module))
    module.title, module.slug = "Nieuwe titel", "nieuwe-slug"
    module.save_revision().publish()
    lesson_complete(user=medewerker, lesson=module_lessons(module=module)[1])
    parents = {
        row.payload["context"]["contextActivities"]["parent"][0]["id"]
        for row in OutboxStatement.objects.filter(event_key__startswith="lesson:")
    }
    assert len(parents) == 1


def test_a_rolled_back_event_leaves_no_statement(xapi_on, medewerker):
    module = module_with_lessons(lessons=1)

    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        lesson_complete(user=medewerker, lesson=first_lesson(module))
        assert OutboxStatement.objects.count() == 3  # lesson, module, certificate
        raise Undo
    assert not OutboxStatement.objects.exists()


def test_the_send_is_queued_when_the_transaction_commits(
    xapi_on, medewerker, django_capture_on_commit_callbacks
):
    module = module_with_lessons(lessons=1)
    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(user=medewerker, lesson=first_lesson(module))
    rows = OutboxStatement.objects.all()
    assert rows.count() == 3
    # The immediate backend ran the sender at the commit: it failed and backs off.
    assert all(row.attempts == 1 and row.next_attempt_at > timezone.now() for row in rows)
    assert all("Connection refused" in row.last_error for row in rows)
    # Deferring is the database backend's; the immediate one would loop.
    assert schedule_retry() is False


def test_raadsleden_are_never_written_nor_sent(xapi_on, make_user):
    councillor = make_user(Role.RAADSLID)
    module = module_with_lessons(lessons=1)
    lesson_complete(user=councillor, lesson=first_lesson(module))
    assert not OutboxStatement.objects.exists()

    # Someone who becomes a raadslid after a statement was written: withheld at the send.
    later_councillor = make_user(Role.MEDEWERKER)
    lesson_complete(user=later_councillor, lesson=first_lesson(module_with_lessons(lessons=2)))
    assert OutboxStatement.objects.count() == 1
    user_set_roles(user=later_councillor, roles=[Role.RAADSLID])
    report = outbox_send(now=timezone.now())
    assert (report.withheld, report.sent, report.retrying) == (1, 0, 0)
    assert OutboxStatement.objects.get().status == OutboxStatus.WITHHELD


def test_an_attendance_taken_back_before_it_was_sent_is_withheld(xapi_on, make_user, kernteam_user):
    session = a_session(starts_at=timezone.now() - timedelta(hours=1))
    came = make_user()
    Registration.objects.create(session=session, user=came, status="registered")
    attendance_record(
        session=session, present_user_ids={came.pk}, by=kernteam_user, now=timezone.now()
    )
    row = OutboxStatement.objects.get()
    assert row.verb == "attended"
    assert row.payload["object"]["id"].endswith(f"/xapi/session/{session.translation_key}")
    attendance_record(session=session, present_user_ids=set(), by=kernteam_user, now=timezone.now())
    row.refresh_from_db()
    assert row.status == OutboxStatus.WITHHELD
    assert not OutboxStatement.objects.filter(verb="voided").exists()
    # Recorded again: a new attendance, a new statement.
    attendance_record(
        session=session, present_user_ids={came.pk}, by=kernteam_user, now=timezone.now()
    )
    assert OutboxStatement.objects.filter(verb="attended", status=OutboxStatus.PENDING).count() == 1


def test_backoff_doubles_and_stops_growing(settings):
    settings.XAPI_RETRY_BASE_SECONDS = 60
    settings.XAPI_RETRY_MAX_SECONDS = 3600
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4, 5, 6, 7, 50)] == [
        60,
        120,
        240,
        480,
        960,
        1920,
        3600,
        3600,
    ]


def test_failed_sends_wait_longer_each_time(xapi_on, medewerker):
    lesson_complete(user=medewerker, lesson=first_lesson(module_with_lessons(lessons=2)))
    now = timezone.now()
    waits = []
    for _ in range(3):
        assert outbox_send(now=now).retrying == 1
        row = OutboxStatement.objects.get()
        waits.append((row.next_attempt_at - now).total_seconds())
        now = row.next_attempt_at
    assert waits == [60, 120, 240]
    assert OutboxStatement.objects.get().attempts == 3


def test_nothing_is_sent_while_off(xapi_on, medewerker):
    lesson_complete(user=medewerker, lesson=first_lesson(module_with_lessons(lessons=2)))
    xapi_on.XAPI_ENABLED = False
    assert outbox_send(now=timezone.now()).retrying == 0
    assert OutboxStatement.objects.get().attempts == 0


def test_old_sent_statements_are_removed_and_rejected_ones_kept(xapi_on, medewerker):
    lesson_complete(user=medewerker, lesson=first_lesson(module_with_lessons(lessons=1)))
    old = timezone.now() - timedelta(days=91)
    sent, rejected, waiting = OutboxStatement.objects.order_by("pk")
    OutboxStatement.objects.filter(pk=sent.pk).update(
        status=OutboxStatus.SENT, sent_at=old, next_attempt_at=None
    )
    OutboxStatement.objects.filter(pk=rejected.pk).update(
        status=OutboxStatus.REJECTED, next_attempt_at=None
    )
    assert outbox_purge(now=timezone.now()) == 1
    assert set(OutboxStatement.objects.values_list("pk", flat=True)) == {rejected.pk, waiting.pk}


def test_the_scheduled_command_takes_the_lock_and_reports(xapi_on, medewerker, capsys):
    assert issubclass(Command, ScheduledCommand)
    lesson_complete(user=medewerker, lesson=first_lesson(module_with_lessons(lessons=2)))
    call_command("send_xapi_statements")
    assert "0 sent, 1 to retry" in capsys.readouterr().out


def test_switched_on_without_an_lrs_fails_the_system_check(settings):
    settings.XAPI_ENABLED = True
    settings.XAPI_LRS_ENDPOINT = ""
    assert [message.id for message in xapi_needs_an_lrs()] == ["xapi.E001"]
    settings.XAPI_LRS_ENDPOINT = "https://lrs.example/xAPI/"
    assert xapi_needs_an_lrs() == []


def test_a_void_waits_for_the_statement_it_voids(xapi_on, make_user, kernteam_user):
    """The attendance's first send failed (the LRS may have stored it anyway), so it waits in
    backoff; the kernteam takes it back. The voiding statement is not sent before it."""
    session = a_session(starts_at=timezone.now() - timedelta(hours=1))
    came = make_user()
    Registration.objects.create(session=session, user=came, status="registered")
    attendance_record(
        session=session, present_user_ids={came.pk}, by=kernteam_user, now=timezone.now()
    )
    now = timezone.now()
    assert outbox_send(now=now).retrying == 1  # closed port: in backoff now
    attendance_record(session=session, present_user_ids=set(), by=kernteam_user, now=now)
    original = OutboxStatement.objects.get(verb="attended")
    void = OutboxStatement.objects.get(verb="voided")
    assert original.voided_by == void and original.status == OutboxStatus.PENDING
    # Due now, but its original is not: nothing goes out, the void is not even tried.
    report = outbox_send(now=now + timedelta(seconds=1))
    assert (report.sent, report.retrying) == (0, 0)
    void.refresh_from_db()
    assert void.attempts == 0
    # The original is tried when due; the void still waits until the original is sent.
    report = outbox_send(now=original.next_attempt_at)
    assert report.retrying == 1
    void.refresh_from_db()
    assert void.attempts == 0


def test_a_regrade_sends_the_new_result_and_voids_the_old_one(xapi_on, make_user, kernteam_user):
    """A wrong key failed a learner who knew it; the regrade passes them. The failed statement
    (already sent) is voided and a passed one with the new score follows; regrading again
    with nothing to change writes nothing."""
    question = QuestionFactory(options=[("Goed", False), ("Fout 1", True), ("Fout 2", False)])
    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=[question]))
    learner = make_user()
    finish_lessons(learner, module)
    attempt = final_quiz_start(user=learner, module=module)
    (item,) = attempt_items(attempt=attempt)
    final_quiz_submit(
        user=learner,
        attempt=attempt,
        data={"q0": [o["key"] for o in item.options if o["text"] == "Goed"]},
    )
    failed = OutboxStatement.objects.get(event_key=f"attempt:{attempt.public_id}")
    assert failed.verb == "failed"
    OutboxStatement.objects.filter(pk=failed.pk).update(
        status=OutboxStatus.SENT, sent_at=timezone.now(), next_attempt_at=None
    )
    Option.objects.filter(question=question, text="Goed").update(is_correct=True)
    Option.objects.filter(question=question, text="Fout 1").update(is_correct=False)
    question_record_edit(question=question)
    regrade_apply(question, 1, kernteam_user)
    attempt.refresh_from_db()
    assert attempt.passed is True
    failed.refresh_from_db()
    assert failed.voided_by is not None and failed.voided_by.verb == "voided"
    passed = OutboxStatement.objects.get(event_key__startswith=f"attempt:{attempt.public_id}:")
    assert passed.verb == "passed" and passed.status == OutboxStatus.PENDING
    assert passed.payload["result"]["success"] is True
    assert passed.payload["result"]["score"]["scaled"] == 1
    assert statement_problems(passed.payload) == []
    before = OutboxStatement.objects.count()
    regrade_apply(question, 1, kernteam_user)
    lesson_complete(user=learner, lesson=first_lesson(module_with_lessons(lessons=2)))
    assert OutboxStatement.objects.filter(event_key__startswith="attempt:").count() == 2
    assert OutboxStatement.objects.count() == before + 1  # only the new lesson's statement
