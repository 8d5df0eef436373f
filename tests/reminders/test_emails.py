"""The reminder emails: Dutch text from English msgids (the same words as before they went
through gettext), links on the site's own address, and a refused send retried, then given up
and listed for beheer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Site

from accounts.roles import Role
from core.models import EmailFailure, EmailFailureStatus
from modules.reminders.models import ReminderLog, ReminderStep
from modules.reminders.tasks import send_digest, send_learner_reminder
from tests.core.mail_server import flaky_mail_server
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

DUE = date(2026, 10, 31)


@pytest.fixture
def mail_server():
    with flaky_mail_server() as server:
        yield server


@pytest.fixture
def public_site():
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "weerbaar.dordrecht.nl", 443
    site.save()


def a_log(*, person, recipient=None, step=ReminderStep.BEFORE_DUE, title="Ondermijning & jij"):
    return ReminderLog.objects.create(
        person=person,
        recipient=recipient or person,
        task_key="module:1",
        task_title=title,
        due_date=DUE,
        step=step,
        sent_on=DUE,
    )


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
def test_the_reminder_before_the_due_date_in_dutch(make_user, public_site):
    noor = make_user(Role.MEDEWERKER, first_name="Noor")
    assert send_learner_reminder.enqueue(a_log(person=noor).pk).return_value is True
    (message,) = mail.outbox
    assert message.to == [noor.email]
    assert message.subject == "Herinnering: rond Ondermijning & jij af vóór 31-10-2026"
    assert message.body == (
        "Beste Noor,\n"
        "\n"
        "Je hebt een verplichte leertaak op Weerbaar: Ondermijning & jij.\n"
        "Rond die af vóór 31 oktober 2026.\n"
        "\n"
        "Je vindt hem in Mijn leeromgeving:\n"
        f"https://weerbaar.dordrecht.nl{reverse('my_learning')}\n"
        "\n"
        "Weerbaar, gemeente Dordrecht\n"
    )


def test_the_overdue_reminder_in_dutch(make_user, public_site):
    person = make_user(Role.MEDEWERKER, first_name="")
    send_learner_reminder.enqueue(a_log(person=person, step=ReminderStep.OVERDUE).pk)
    (message,) = mail.outbox
    assert message.subject == "Te laat: Ondermijning & jij"
    assert message.body.startswith(
        "Beste collega,\n"
        "\n"
        "Je verplichte leertaak Ondermijning & jij moest af zijn op 31 oktober 2026.\n"
        "Wil je hem zo snel mogelijk afronden? Lukt dat niet, bespreek het dan met je "
        "leidinggevende.\n"
    )
    assert f"https://weerbaar.dordrecht.nl{reverse('my_learning')}\n" in message.body


def dutch_date(day: date) -> str:
    with translation.override("nl"):
        return date_format(day, "j F Y")


def test_the_managers_digest_in_dutch(make_user):
    department = DepartmentFactory(name="Publiekszaken")
    lars = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, first_name="Lars")
    noor = make_user(Role.MEDEWERKER, first_name="Noor", last_name="Jansen", department=department)
    late = timezone.localdate() - timedelta(days=1)
    logs = [
        a_log(person=noor, recipient=lars, step=ReminderStep.MANAGER),
        ReminderLog.objects.create(
            person=noor,
            recipient=lars,
            task_key="module:2",
            task_title="Signalen",
            due_date=late,
            step=ReminderStep.MANAGER,
            sent_on=late,
        ),
    ]
    send_digest.enqueue(lars.pk, ReminderStep.MANAGER, [log.pk for log in logs])
    (message,) = mail.outbox
    assert message.subject == "Medewerkers met een leertaak die te laat is"
    days = (timezone.localdate() - DUE).days
    assert message.body == (
        "Beste Lars,\n"
        "\n"
        "Deze medewerkers van jouw afdeling hebben een verplichte leertaak die te laat is:\n"
        "\n"
        "- Noor Jansen (Publiekszaken): Ondermijning & jij, moest af op 31 oktober 2026 "
        f"({days} dagen te laat)\n"
        "\n"
        f"- Noor Jansen (Publiekszaken): Signalen, moest af op {dutch_date(late)} "
        "(1 dag te laat)\n"
        "\n"
        "Wil je ze helpen er tijd voor te maken? Alle cijfers van je afdeling staan in "
        "Weerbaar onder Beheer > Rapportages.\n"
        "\n"
        "Je krijgt dit bericht één keer per medewerker en leertaak.\n"
        "\n"
        "Weerbaar, gemeente Dordrecht\n"
    )


def test_a_refused_reminder_is_retried_and_then_sent(
    make_user, mail_server, django_capture_on_commit_callbacks
):
    noor = make_user(Role.MEDEWERKER, first_name="Noor")
    mail_server.refusals = 1
    with django_capture_on_commit_callbacks(execute=True):
        send_learner_reminder.enqueue(a_log(person=noor, step=ReminderStep.OVERDUE).pk)
    assert [message.to for message in mail.outbox] == [[noor.email]]  # once
    failure = EmailFailure.objects.get()
    assert (failure.kind, failure.recipient, failure.attempts, failure.status) == (
        "reminders.overdue",
        noor,
        1,
        EmailFailureStatus.SENT,
    )


def test_a_reminder_the_server_keeps_refusing_is_given_up_and_shown_to_beheer(
    make_user, mail_server, mfa_client_for, django_capture_on_commit_callbacks
):
    noor = make_user(Role.MEDEWERKER, first_name="Noor", last_name="Jansen")
    lars = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, first_name="Lars", last_name="Bos")
    mail_server.refusals = 100
    with django_capture_on_commit_callbacks(execute=True):
        log = a_log(person=noor, recipient=lars, step=ReminderStep.MANAGER)
        assert send_digest.enqueue(lars.pk, ReminderStep.MANAGER, [log.pk]).return_value is False
    assert mail.outbox == []
    failure = EmailFailure.objects.get()
    assert (failure.kind, failure.recipient, failure.attempts, failure.status) == (
        "reminders.manager",
        lars,
        4,
        EmailFailureStatus.GIVEN_UP,
    )
    html = (
        mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))
        .get(reverse("email_failures:index"))
        .content.decode()
    )
    assert "reminders.manager" in html and "Lars Bos" in html and "opgegeven" in html
    assert "Noor" not in html  # who the digest was about is not in the log
