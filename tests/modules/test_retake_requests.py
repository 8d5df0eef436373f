"""After the last failed attempt: the leidinggevende and the kernteam are told, the learner
asks for a new round (once), and only the kernteam grants or declines it in the admin, with an
audit entry and an email to the learner."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import AuditAction, AuditEvent
from accounts.roles import Role
from modules.learning.final_quiz import quiz_availability
from modules.learning.models import Enrolment, RetakeRequest, RetakeRequestStatus
from modules.learning.retakes import RetakeRefused, retake_request_create
from quizzes.models import Attempt
from tests.factories import DepartmentFactory
from tests.modules.final_quiz_helpers import finish_lessons, take_quiz, taught_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user):
    department = DepartmentFactory(name="Publiekszaken")
    learner = make_user(
        Role.MEDEWERKER,
        department=department,
        first_name="Voorbeeld",
        last_name="Leerling",
        email="leerling@weerbaar.test",
    )
    manager = make_user(
        Role.MEDEWERKER,
        Role.LEIDINGGEVENDE,
        department=department,
        email="leidinggevende@weerbaar.test",
    )
    department.managers.add(manager)
    other_manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, email="ander@weerbaar.test")
    other_manager.department.managers.add(other_manager)
    kernteam = make_user(Role.MEDEWERKER, Role.KERNTEAM, email="kernteam@weerbaar.test")
    module = taught_module(max_attempts=2)
    finish_lessons(learner, module)
    client = Client()
    client.force_login(learner)
    return {
        "learner": learner,
        "manager": manager,
        "other_manager": other_manager,
        "kernteam": kernteam,
        "module": module,
        "client": client,
    }


def fail_every_attempt(world, capture) -> None:
    with capture(execute=True):
        take_quiz(world["client"], world["learner"], world["module"])
        assert mail.outbox == []  # one attempt left: nobody is told yet
        take_quiz(world["client"], world["learner"], world["module"])


def ask(world):
    return world["client"].post(
        reverse("retake_request", args=[world["module"].pk]), {"aanvragen": "ja"}, follow=True
    )


def test_after_the_last_failed_attempt_the_manager_and_the_kernteam_are_told(
    world, django_capture_on_commit_callbacks
):
    fail_every_attempt(world, django_capture_on_commit_callbacks)
    to = sorted(address for message in mail.outbox for address in message.to)
    assert to == ["kernteam@weerbaar.test", "leidinggevende@weerbaar.test"]
    for message in mail.outbox:
        assert len(message.to) == 1  # one email each: nobody sees who else was told
        assert message.subject == "Eindtoets niet gehaald: alle pogingen gebruikt"
        assert "Voorbeeld Leerling" in message.body and world["module"].title in message.body
        assert "%" not in message.body and "score" not in message.body.lower()
        for attempt in Attempt.objects.all():
            for item in attempt.items.all():
                assert item.text not in message.body
    kernteam_mail = next(m for m in mail.outbox if m.to == ["kernteam@weerbaar.test"])
    assert reverse("retake_requests") in kernteam_mail.body


def test_the_learner_sees_all_attempts_used_and_asks_once(
    world, django_capture_on_commit_callbacks
):
    fail_every_attempt(world, django_capture_on_commit_callbacks)
    last = Attempt.objects.filter(user=world["learner"]).order_by("-number").first()
    client = world["client"]
    for html in (
        client.get(reverse("attempt_result", args=[last.public_id])).content.decode(),
        client.get(world["module"].url).content.decode(),
    ):
        assert "Je hebt alle pogingen gebruikt." in html
        assert "Nieuwe ronde aanvragen" in html
        assert f'action="{reverse("retake_request", args=[world["module"].pk])}"' in html
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(world)
    assert "Je aanvraag is verstuurd." in response.content.decode()
    assert [m.to for m in mail.outbox] == [["kernteam@weerbaar.test"]]
    request = RetakeRequest.objects.get()
    assert request.status == RetakeRequestStatus.PENDING and request.decided_at is None
    # A second click changes nothing.
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(world)
    assert "Je hebt al een nieuwe ronde aangevraagd." in response.content.decode()
    assert RetakeRequest.objects.count() == 1 and len(mail.outbox) == 1
    html = client.get(world["module"].url).content.decode()
    assert "Nieuwe ronde aanvragen" not in html and "nieuwe ronde aangevraagd" in html


def test_no_request_while_attempts_are_left_and_a_tampered_form_is_refused(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        take_quiz(world["client"], world["learner"], world["module"])
    response = ask(world)
    assert "als je alle pogingen hebt gebruikt" in response.content.decode()
    take_quiz(world["client"], world["learner"], world["module"])
    response = world["client"].post(
        reverse("retake_request", args=[world["module"].pk]), {"aanvragen": "graag"}
    )
    assert response.status_code == 400
    assert "Gebruik de knop" in response.content.decode()
    assert (
        world["client"].get(reverse("retake_request", args=[world["module"].pk])).status_code == 405
    )
    assert not RetakeRequest.objects.exists()


def test_the_kernteam_grants_a_new_round(world, mfa_client_for, django_capture_on_commit_callbacks):
    fail_every_attempt(world, django_capture_on_commit_callbacks)
    ask(world)
    request = RetakeRequest.objects.get()
    admin = mfa_client_for(world["kernteam"])
    html = admin.get(reverse("retake_requests")).content.decode()
    assert "Voorbeeld Leerling" in html and "Publiekszaken" in html
    assert world["module"].title in html
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("retake_request_decide", args=[request.pk]), {"besluit": "toekennen"}
        )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RetakeRequestStatus.GRANTED
    assert request.decided_by == world["kernteam"] and request.decided_at is not None
    assert Enrolment.objects.get(user=world["learner"]).extra_attempt_rounds == 1
    event = AuditEvent.objects.get(action=AuditAction.RETAKE_GRANTED)
    assert event.actor == world["kernteam"] and event.target == world["learner"]
    assert event.details["module"] == world["module"].title
    assert [m.to for m in mail.outbox] == [["leerling@weerbaar.test"]]
    assert mail.outbox[0].subject == "Je kunt de eindtoets opnieuw maken"
    availability = quiz_availability(user=world["learner"], module=world["module"])
    assert availability.can_start and availability.attempts_left == 2
    assert availability.attempt_number == 1
    # Deciding twice (another tab) changes nothing.
    admin.post(reverse("retake_request_decide", args=[request.pk]), {"besluit": "afwijzen"})
    request.refresh_from_db()
    assert request.status == RetakeRequestStatus.GRANTED
    assert Enrolment.objects.get(user=world["learner"]).extra_attempt_rounds == 1
    assert AuditEvent.objects.filter(action=AuditAction.RETAKE_GRANTED).count() == 1


def test_the_kernteam_declines_a_request(world, mfa_client_for, django_capture_on_commit_callbacks):
    fail_every_attempt(world, django_capture_on_commit_callbacks)
    ask(world)
    request = RetakeRequest.objects.get()
    admin = mfa_client_for(world["kernteam"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(reverse("retake_request_decide", args=[request.pk]), {"besluit": "afwijzen"})
    request.refresh_from_db()
    assert request.status == RetakeRequestStatus.DECLINED and request.decided_at is not None
    assert Enrolment.objects.get(user=world["learner"]).extra_attempt_rounds == 0
    assert not AuditEvent.objects.filter(action=AuditAction.RETAKE_GRANTED).exists()
    assert [m.to for m in mail.outbox] == [["leerling@weerbaar.test"]]
    assert "niet toegekend" in mail.outbox[0].body
    html = world["client"].get(world["module"].url).content.decode()
    assert "niet toegekend" in html and "Nieuwe ronde aanvragen" in html


@pytest.mark.parametrize("roles", [[Role.LEIDINGGEVENDE], [Role.RAADSLID], []])
def test_others_cannot_see_or_decide_requests(
    roles, world, make_user, mfa_client_for, django_capture_on_commit_callbacks
):
    fail_every_attempt(world, django_capture_on_commit_callbacks)
    ask(world)
    request = RetakeRequest.objects.get()
    if roles == [Role.LEIDINGGEVENDE]:
        other = mfa_client_for(world["manager"])  # the learner's own manager, in the admin
    else:
        other = Client()
        other.force_login(make_user(*roles) if roles else make_user(Role.MEDEWERKER))
    # A manager has the admin but not this screen; the others have no admin at all (the
    # admin's middleware): a plain 403 either way.
    expected = 403
    response = other.get(reverse("retake_requests"))
    assert response.status_code == expected
    assert "Voorbeeld Leerling" not in response.content.decode()
    response = other.post(
        reverse("retake_request_decide", args=[request.pk]), {"besluit": "toekennen"}
    )
    assert response.status_code == expected
    request.refresh_from_db()
    assert request.status == RetakeRequestStatus.PENDING
    assert Enrolment.objects.get(user=world["learner"]).extra_attempt_rounds == 0
    assert not AuditEvent.objects.filter(action=AuditAction.RETAKE_GRANTED).exists()


def test_the_menu_item_is_for_the_kernteam_only(world, mfa_client_for):
    admin = mfa_client_for(world["kernteam"])
    assert reverse("retake_requests") in admin.get(reverse("wagtailadmin_home")).content.decode()
    admin.logout()
    manager = mfa_client_for(world["manager"])
    assert (
        reverse("retake_requests") not in manager.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_the_service_refuses_a_module_outside_the_rules(world):
    with pytest.raises(RetakeRefused):
        retake_request_create(user=world["learner"], module=world["module"])
    assert not RetakeRequest.objects.exists()
