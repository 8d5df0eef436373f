"""The final quiz's emails (modules.learning.tasks) through core.mail: Dutch text from English
msgids, the same words as before they went through gettext, and a refused send retried for
that one recipient (nobody else gets the email twice)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from accounts.roles import Role
from core.models import EmailFailure, EmailFailureStatus
from modules.learning.retakes import retake_request_create, retake_request_decide
from tests.core.mail_server import flaky_mail_server
from tests.factories import DepartmentFactory
from tests.modules.final_quiz_helpers import finish_lessons, take_quiz, taught_module

pytestmark = pytest.mark.django_db

BASE = "https://weerbaar.dordrecht.nl"


@pytest.fixture
def world(make_user):
    department = DepartmentFactory(name="Publiekszaken")
    learner = make_user(
        Role.MEDEWERKER, department=department, first_name="Voorbeeld", last_name="Leerling"
    )
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, first_name="Mira")
    department.managers.add(manager)
    kernteam = make_user(Role.MEDEWERKER, Role.KERNTEAM, first_name="Kees")
    module = taught_module(max_attempts=1)
    type(module).objects.filter(pk=module.pk).update(title="Ondermijning & jij")
    module.refresh_from_db()
    finish_lessons(learner, module)
    client = Client()
    client.force_login(learner)
    return {
        "learner": learner,
        "manager": manager,
        "kernteam": kernteam,
        "module": module,
        "client": client,
    }


def to(user) -> object:
    (message,) = [message for message in mail.outbox if message.to == [user.email]]
    return message


@override_settings(WAGTAILADMIN_BASE_URL=BASE)
def test_last_attempt_failed_in_dutch(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        take_quiz(world["client"], world["learner"], world["module"])
    assert {message.subject for message in mail.outbox} == {
        "Eindtoets niet gehaald: alle pogingen gebruikt"
    }
    told = (
        "Voorbeeld Leerling (Publiekszaken) heeft alle pogingen van de eindtoets van de module "
        '"Ondermijning & jij" gebruikt, maar de toets niet gehaald.\n'
    )
    assert to(world["manager"]).body == (
        "Beste Mira,\n"
        "\n"
        f"{told}"
        "\n"
        "Voorbeeld kan een nieuwe ronde aanvragen bij het kernteam ondermijning. Bespreek gerust "
        "samen welke onderwerpen lastig waren.\n"
        "\n"
        "Je krijgt dit bericht omdat je leidinggevende bent van deze afdeling.\n"
        "\n"
        "Weerbaar, gemeente Dordrecht\n"
    )
    assert to(world["kernteam"]).body == (
        "Beste Kees,\n"
        "\n"
        f"{told}"
        "\n"
        "Voorbeeld kan een nieuwe ronde aanvragen. Aanvragen vind je in het beheer van Weerbaar:\n"
        f"{BASE}{reverse('retake_requests')}\n"
        "\n"
        "Je krijgt dit bericht omdat je in het kernteam ondermijning zit.\n"
        "\n"
        "Weerbaar, gemeente Dordrecht\n"
    )


@override_settings(WAGTAILADMIN_BASE_URL=BASE)
def test_the_request_and_both_answers_in_dutch(world, django_capture_on_commit_callbacks):
    take_quiz(world["client"], world["learner"], world["module"])
    with django_capture_on_commit_callbacks(execute=True):
        request = retake_request_create(user=world["learner"], module=world["module"]).request
    message = to(world["kernteam"])
    assert message.subject == "Aanvraag nieuwe ronde eindtoets"
    assert message.body == (
        "Beste collega van het kernteam,\n"
        "\n"
        "Voorbeeld Leerling vraagt een nieuwe ronde voor de eindtoets van de module "
        '"Ondermijning & jij". Alle pogingen zijn gebruikt.\n'
        "\n"
        "Kijk bij de aanvragen in het beheer van Weerbaar en geef de nieuwe ronde, of wijs de "
        "aanvraag af:\n"
        f"{BASE}{reverse('retake_requests')}\n"
        "\n"
        "Weerbaar, gemeente Dordrecht\n"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        retake_request_decide(request_id=request.pk, decider=world["kernteam"], grant=True)
    message = to(world["learner"])
    assert message.subject == "Je kunt de eindtoets opnieuw maken"
    assert message.body == (
        "Beste Voorbeeld,\n"
        "\n"
        'Je hebt een nieuwe ronde gekregen voor de eindtoets van de module "Ondermijning & jij". '
        "Je kunt de toets weer maken.\n"
        "\n"
        "Lees eerst de lessen nog eens die bij je resultaat staan. Daarna maak je de toets hier:\n"
        f"{BASE}{world['module'].url}#eindtoets\n"
        "\n"
        "Weerbaar, gemeente Dordrecht\n"
    )
    # Declined, on the next round's request.
    take_quiz(world["client"], world["learner"], world["module"])
    request = retake_request_create(user=world["learner"], module=world["module"]).request
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        retake_request_decide(request_id=request.pk, decider=world["kernteam"], grant=False)
    message = to(world["learner"])
    assert message.subject == "Je aanvraag voor de eindtoets"
    assert message.body == (
        "Beste Voorbeeld,\n"
        "\n"
        "Je aanvraag voor een nieuwe ronde van de eindtoets van de module "
        '"Ondermijning & jij" is niet toegekend.\n'
        "\n"
        "Heb je vragen? Neem contact op met het kernteam ondermijning.\n"
        "\n"
        "Weerbaar, gemeente Dordrecht\n"
    )


def test_a_refused_send_is_retried_for_that_recipient_alone(
    world, django_capture_on_commit_callbacks
):
    with flaky_mail_server() as server:
        server.refusals = 1  # the first of the two messages
        with django_capture_on_commit_callbacks(execute=True):
            take_quiz(world["client"], world["learner"], world["module"])
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        [world["manager"].email, world["kernteam"].email]
    )
    failure = EmailFailure.objects.get()
    assert failure.kind == "learning.last_attempt_failed"
    assert failure.recipient in (world["manager"], world["kernteam"])
    assert (failure.attempts, failure.status) == (1, EmailFailureStatus.SENT)
