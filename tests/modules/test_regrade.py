"""Regrading after a fixed key: a failed attempt passes, the round completes, one audit entry."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from accounts.models import AuditAction, AuditEvent
from accounts.roles import Role
from modules.learning.final_quiz import final_quiz_start, final_quiz_submit
from modules.learning.models import Certificate, Enrolment, EnrolmentStatus
from quizzes.models import Option
from quizzes.selectors import attempt_items
from quizzes.services import question_record_edit
from tests.factories import QuestionFactory, QuizFactory, module_with_lessons
from tests.factories.quizzes import pass_final_quiz
from tests.quizzes.conftest import finish_lessons

pytestmark = pytest.mark.django_db


def test_fixing_a_wrong_key_and_regrading_passes_the_attempt(
    make_user, kernteam_user, mfa_client_for
):
    # The key says "Fout 1" is right, but "Goed" is: a learner who knows it fails.
    question = QuestionFactory(options=[("Goed", False), ("Fout 1", True), ("Fout 2", False)])
    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=[question]))
    learner = make_user()
    finish_lessons(learner, module)
    attempt = final_quiz_start(user=learner, module=module)
    (item,) = attempt_items(attempt=attempt)
    data = {"q0": [o["key"] for o in item.options if o["text"] == "Goed"]}
    final_quiz_submit(user=learner, attempt=attempt, data=data)
    attempt.refresh_from_db()
    assert attempt.passed is False
    Option.objects.filter(question=question, text="Goed").update(is_correct=True)
    Option.objects.filter(question=question, text="Fout 1").update(is_correct=False)
    assert question_record_edit(question=question).version == 2
    client = mfa_client_for(kernteam_user)
    url = reverse("question_regrade", args=[question.pk])
    preview = client.get(url, {"versie": 1})
    assert preview.status_code == 200
    assert client.post(url, {"versie": 1}).status_code == 200
    attempt.refresh_from_db()
    assert attempt.passed is True and attempt.regraded_at is not None
    enrolment = Enrolment.objects.get(pk=attempt.enrolment_id)
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert Certificate.objects.filter(enrolment=enrolment).exists()
    entry = AuditEvent.objects.get(action=AuditAction.ATTEMPTS_REGRADED)
    assert entry.details["failed_to_passed"] == 1 and entry.details["version"] == 1
    regraded_at, score = attempt.regraded_at, attempt.score
    # A second regrade changes nothing.
    second = client.post(url, {"versie": 1})
    assert second.status_code == 200, second.content[:300]
    entries = AuditEvent.objects.filter(action=AuditAction.ATTEMPTS_REGRADED).order_by("pk")
    assert entries.count() == 2
    assert entries.last().details["attempts_changed"] == 0
    assert entries.last().details["failed_to_passed"] == 0
    attempt.refresh_from_db()
    assert (attempt.regraded_at, attempt.score, attempt.passed) == (regraded_at, score, True)


def fix_key_to_fout_1(question) -> None:
    """The editor "fixes" the key: "Fout 1" is marked right instead of "Goed" (a new
    version, as the admin's hook makes it)."""
    Option.objects.filter(question=question, text="Goed").update(is_correct=False)
    Option.objects.filter(question=question, text="Fout 1").update(is_correct=True)
    assert question_record_edit(question=question).version == 2


def test_a_key_changed_to_another_option_fails_a_passed_attempt_but_keeps_the_completion(
    make_user, kernteam_user, mfa_client_for
):
    question = QuestionFactory(options=[("Goed", True), ("Fout 1", False), ("Fout 2", False)])
    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=[question]))
    learner = make_user(first_name="Voorbeeld", last_name="Medewerker")
    attempt = pass_final_quiz(learner, module)
    assert attempt.passed is True
    enrolment = Enrolment.objects.get(pk=attempt.enrolment_id)
    assert enrolment.status == EnrolmentStatus.COMPLETED
    certificate = Certificate.objects.get(enrolment=enrolment)
    fix_key_to_fout_1(question)
    client = mfa_client_for(kernteam_user)
    url = reverse("question_regrade", args=[question.pk])
    preview = client.get(url, {"versie": 1}).content.decode()
    assert learner.email in preview
    response = client.post(url, {"versie": 1})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Eerst gehaald, nu niet gehaald" in html
    assert f"Voorbeeld Medewerker &lt;{learner.email}&gt;" in html
    attempt.refresh_from_db()
    assert attempt.passed is False and attempt.score == 0 and attempt.regraded_at is not None
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert Certificate.objects.filter(pk=certificate.pk, enrolment=enrolment).exists()
    entry = AuditEvent.objects.get(action=AuditAction.ATTEMPTS_REGRADED)
    assert entry.details["passed_to_failed"] == 1 and entry.details["failed_to_passed"] == 0
    assert entry.details["rounds_completed"] == 0
    logged = json.dumps(entry.details, ensure_ascii=False)
    assert learner.email not in logged and "Voorbeeld" not in logged


def test_a_council_members_attempt_is_counted_never_named(make_user, kernteam_user, mfa_client_for):
    question = QuestionFactory(options=[("Goed", True), ("Fout 1", False), ("Fout 2", False)])
    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=[question]))
    staff = make_user(first_name="Voorbeeld", last_name="Ambtenaar")
    council = make_user(Role.RAADSLID, first_name="Voorbeeld", last_name="Geheimhouder")
    assert pass_final_quiz(staff, module).passed and pass_final_quiz(council, module).passed
    fix_key_to_fout_1(question)
    client = mfa_client_for(kernteam_user)
    url = reverse("question_regrade", args=[question.pk])
    for response in (client.get(url, {"versie": 1}), client.post(url, {"versie": 1})):
        assert response.status_code == 200
        html = response.content.decode()
        assert staff.email in html and "Ambtenaar" in html
        assert council.email not in html and "Geheimhouder" not in html
        assert "niet getoond, niet bij naam en niet als aantal" in html
        assert "1 raadslid" not in html
    entry = AuditEvent.objects.get(action=AuditAction.ATTEMPTS_REGRADED)
    assert entry.details["passed_to_failed"] == 2


@pytest.mark.parametrize("role", [Role.MEDEWERKER, Role.LEIDINGGEVENDE, Role.RAADSLID])
def test_other_roles_cannot_regrade(make_user, mfa_client_for, role):
    question = QuestionFactory()
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    url = reverse("question_regrade", args=[question.pk])
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"versie": 1}).status_code in (302, 403)
    assert not AuditEvent.objects.filter(action=AuditAction.ATTEMPTS_REGRADED).exists()
