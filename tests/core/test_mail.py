"""core.mail: a send that the mail server refuses is retried with backoff through the task
backend, then sent or given up; what failed is listed for beheer, and only for beheer.

The mail server is a real email backend (``tests.core.mail_server.FlakyMailServer``) that
refuses the first sends and then takes them into ``mail.outbox``.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from accounts.models import User
from accounts.roles import Role
from core.mail import Retry, cancel_retry, send_email
from core.models import EmailFailure, EmailFailureStatus
from tests.core.mail_server import flaky_mail_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_server():
    with flaky_mail_server() as server:
        yield server


@task()
def send_hello(user_id: int, failure_id: int | None = None) -> bool:
    """A task that sends the way the apps' email tasks do."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        cancel_retry(failure_id)
        return False
    return send_email(
        kind="tests.hello",
        recipient_id=user.pk,
        to=user.email,
        subject="Hallo",
        body="Hallo!",
        retry=Retry(send_hello, (user_id,)),
        failure_id=failure_id,
    )


def test_a_send_that_succeeds_at_once_leaves_no_trace(mail_server, make_user):
    user = make_user(Role.MEDEWERKER)
    assert send_hello.enqueue(user.pk).return_value is True
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert not EmailFailure.objects.exists()


def test_a_refused_send_is_retried_and_then_sent(
    mail_server, make_user, django_capture_on_commit_callbacks
):
    """The tests' immediate backend cannot wait, so the retries run at once."""
    user = make_user(Role.MEDEWERKER)
    mail_server.refusals = 2
    with django_capture_on_commit_callbacks(execute=True):
        send_hello.enqueue(user.pk)
    assert [m.to for m in mail.outbox] == [[user.email]]  # once, on the third attempt
    failure = EmailFailure.objects.get()
    assert (failure.kind, failure.recipient, failure.attempts) == ("tests.hello", user, 2)
    assert failure.status == EmailFailureStatus.SENT and failure.resolved_at is not None
    assert failure.error_class == "smtplib.SMTPServerDisconnected"
    assert failure.next_attempt_at is None


def test_after_the_last_retry_the_email_is_given_up(
    mail_server, make_user, django_capture_on_commit_callbacks
):
    user = make_user(Role.MEDEWERKER)
    mail_server.refusals = 100
    mail_server.error = ConnectionRefusedError  # the server is not there at all
    with django_capture_on_commit_callbacks(execute=True):
        send_hello.enqueue(user.pk)
    assert mail.outbox == []
    failure = EmailFailure.objects.get()
    assert failure.attempts == 4  # the first try and the retries after 1, 5 and 30 minutes
    assert failure.status == EmailFailureStatus.GIVEN_UP
    assert failure.error_class == "builtins.ConnectionRefusedError"
    assert mail_server.refusals == 96


def test_a_retry_that_is_no_longer_needed_is_closed(
    mail_server, make_user, django_capture_on_commit_callbacks
):
    user = make_user(Role.MEDEWERKER)
    mail_server.refusals = 1
    send_hello.enqueue(user.pk)  # its retry waits for a commit that never comes in this test
    user.is_active = False
    user.save()
    send_hello.enqueue(user.pk, failure_id=EmailFailure.objects.get().pk)
    assert EmailFailure.objects.get().status == EmailFailureStatus.CANCELLED
    assert mail.outbox == []


def run_due_tasks(capture) -> int:
    """What ``db_worker`` does: run each task that is due (its on-commit callbacks too)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    with capture(execute=True):
        while (row := DBTaskResult.objects.ready().first()) is not None:
            row.claim(worker.worker_id)
            worker.run_task(row)
            # Count only the email task: other tasks may be due too (indexing, summaries).
            ran += row.task_path.endswith(".send_hello")
    return ran


def test_with_the_database_backend_each_retry_waits_its_delay(
    mail_server, make_user, django_capture_on_commit_callbacks
):
    """As in production: the worker runs what is due; a retry is a new task that is due 1,
    then 5 minutes after the failure."""
    capture = django_capture_on_commit_callbacks
    user = make_user(Role.MEDEWERKER)  # before the switch: its search indexing is a task too
    mail_server.refusals = 2
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        send_hello.enqueue(user.pk)
        for delay in (timedelta(minutes=1), timedelta(minutes=5)):
            assert run_due_tasks(capture) == 1  # refused
            failure = EmailFailure.objects.get()
            waiting = DBTaskResult.objects.get(status="READY", task_path__endswith=".send_hello")
            assert waiting.run_after == failure.next_attempt_at
            assert abs(failure.next_attempt_at - failure.last_failed_at - delay) < timedelta(
                seconds=1
            )
            assert waiting.args_kwargs == {"args": [user.pk], "kwargs": {"failure_id": failure.pk}}
            assert run_due_tasks(capture) == 0  # not due yet
            assert mail.outbox == []
            # The clock moves on to the retry's time.
            DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=timezone.now())
        assert run_due_tasks(capture) == 1
    assert [m.to for m in mail.outbox] == [[user.email]]
    failure = EmailFailure.objects.get()
    assert (failure.attempts, failure.status) == (2, EmailFailureStatus.SENT)
    assert not DBTaskResult.objects.filter(
        status="READY", task_path__endswith=".send_hello"
    ).exists()


def a_given_up_email(user) -> EmailFailure:
    now = timezone.now()
    return EmailFailure.objects.create(
        kind="reminders.overdue",
        recipient=user,
        error_class="smtplib.SMTPRecipientsRefused",
        attempts=4,
        status=EmailFailureStatus.GIVEN_UP,
        first_failed_at=now - timedelta(minutes=36),
        last_failed_at=now,
        resolved_at=now,
    )


def test_beheer_sees_the_failed_emails_and_cannot_change_them(make_user, mfa_client_for):
    person = make_user(Role.MEDEWERKER, first_name="Noor", last_name="Jansen")
    failure = a_given_up_email(person)
    index = reverse("email_failures:index")
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))
    page = client.get(index)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Mislukte e-mails" in html and "Noor Jansen" in html and "reminders.overdue" in html
    assert "opgegeven" in html and "smtplib.SMTPRecipientsRefused" in html
    assert f'"{index}"' in client.get("/admin/").content.decode()  # in the menu
    assert client.get(reverse("email_failures:inspect", args=[failure.pk])).status_code == 200
    # A log: nobody adds, changes or deletes a row.
    assert client.get(reverse("email_failures:edit", args=[failure.pk])).status_code in (302, 403)
    response = client.post(reverse("email_failures:delete", args=[failure.pk]))
    assert response.status_code in (302, 403) and EmailFailure.objects.filter(pk=failure.pk)


@pytest.mark.parametrize("role", [Role.KERNTEAM, Role.LEIDINGGEVENDE, Role.GRIFFIE])
def test_other_roles_do_not_see_the_failed_emails(role, make_user, mfa_client_for):
    a_given_up_email(make_user(Role.MEDEWERKER, first_name="Noor", last_name="Jansen"))
    index = reverse("email_failures:index")
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    response = client.get(index)
    assert response.status_code in (302, 403)
    assert "Noor Jansen" not in response.content.decode()
    assert f'"{index}"' not in client.get("/admin/").content.decode()


def test_a_learner_cannot_reach_the_list(make_user, client):
    client.force_login(make_user(Role.MEDEWERKER))
    response = client.get(reverse("email_failures:index"))
    assert response.status_code in (302, 403)
