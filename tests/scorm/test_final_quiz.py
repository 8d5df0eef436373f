"""A partner's SCORM package as the module's final quiz (``ModulePage.final_quiz_scorm_lesson``).

The learner logs in for real and the tracking endpoint is posted as the player posts it. The
server decides from the reported score and the module's pass mark, not from the package's
"passed"; a pass completes the module like a passed final quiz, and the per-person report
says where the pass came from.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.roles import Role
from modules.learning.models import Enrolment, EnrolmentStatus, LessonPage, ProgressEvent
from modules.learning.services import assignment_create
from modules.scorm.models import ScormAttempt
from modules.scorm.services import CmiReport, final_quiz_outcome
from quizzes.models import Quiz
from tests.conftest import password_login
from tests.factories.accounts import AudienceFactory
from tests.factories.modules import LessonPageFactory, module_with_lessons
from tests.scorm.conftest import make_package, scorm_lesson
from tests.scorm.tracking import track


def logged_in(user) -> Client:
    client = Client()
    response = password_login(client, user.email)
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def quiz_module(package, *, mastery: int = 80):
    """A module of one ordinary lesson and a SCORM lesson that is its final quiz, assigned to
    everybody (so it shows in the per-person report)."""
    lesson = scorm_lesson(package)
    module = lesson.get_parent().specific
    module.final_quiz_scorm_lesson = lesson
    module.final_quiz_scorm_mastery = mastery
    module.save_revision().publish()  # full_clean: the lesson is checked
    assignment_create(module=module, due_date=date.today() + timedelta(days=30))
    return module, lesson


def finish_other_lessons(client, module, quiz_lesson):
    for lesson in module.get_children().live().exclude(pk=quiz_lesson.pk):
        response = client.post(reverse("lesson_complete", args=[lesson.pk]))
        assert response.status_code in (200, 302)


def round_of(user, module) -> Enrolment:
    return Enrolment.objects.get(user=user, module=module)


@pytest.fixture
def package_12(db, content_origin):
    return make_package("1.2")


@pytest.fixture
def package_2004(db, content_origin):
    return make_package("2004", launch="content/index.html")


def test_a_12_score_above_the_pass_mark_completes_the_module(make_user, package_12):
    user = make_user()
    module, lesson = quiz_module(package_12)
    client = logged_in(user)
    finish_other_lessons(client, module, lesson)
    response = track(client, lesson, package_12, completion_status="passed", score_raw="85")
    assert response.status_code == 200, response.content
    assert response.json()["final_quiz"] == "passed"
    assert response.json()["module_completed"] is True
    enrolment = round_of(user, module)
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert enrolment.progress == 100
    assert enrolment.events.filter(kind=ProgressEvent.Kind.SCORM_QUIZ_PASSED).count() == 1
    assert hasattr(enrolment, "certificate")
    attempt = ScormAttempt.objects.get(user=user, package=package_12)
    assert (attempt.final_quiz_result, attempt.final_quiz_percent) == ("passed", Decimal(85))
    # The module page says where the pass came from.
    html = client.get(module.url).content.decode()
    assert "Geslaagd (e-learning van partner)" in html
    assert "Je hebt deze module afgerond" in html or "afgerond" in html


def test_the_pass_shows_in_the_per_person_report(make_user, package_12, mfa_client_for):
    learner = make_user(first_name="Lotte", last_name="Leerling")
    module, lesson = quiz_module(package_12)
    client = logged_in(learner)
    finish_other_lessons(client, module, lesson)
    track(client, lesson, package_12, completion_status="passed", score_raw="90")
    other = make_user(first_name="Olaf", last_name="Ander")
    logged_in(other).post(reverse("lesson_complete", args=[lesson.pk]))
    viewer = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    response = viewer.get(reverse("completion_report_people_results"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "voltooid (geslaagd in e-learning van partner)" in html
    assert html.count("geslaagd in e-learning van partner") == 1  # not Olaf's row


def test_a_score_below_the_pass_mark_does_not_complete_it(make_user, package_12):
    user = make_user()
    module, lesson = quiz_module(package_12)
    client = logged_in(user)
    finish_other_lessons(client, module, lesson)
    response = track(client, lesson, package_12, completion_status="failed", score_raw="60")
    assert response.json()["final_quiz"] == "failed"
    enrolment = round_of(user, module)
    assert enrolment.status == EnrolmentStatus.IN_PROGRESS
    # 1 of 3 steps: the package's lesson is not done on a 1.2 "failed", nor is the quiz.
    assert enrolment.progress == 33
    assert enrolment.events.filter(kind=ProgressEvent.Kind.SCORM_QUIZ_FAILED).count() == 1
    # The same failure again is not a new event; a replay that passes completes the module.
    track(client, lesson, package_12, completion_status="failed", score_raw="60")
    assert enrolment.events.filter(kind=ProgressEvent.Kind.SCORM_QUIZ_FAILED).count() == 1
    assert "Nog niet gehaald" in client.get(module.url).content.decode()
    track(client, lesson, package_12, completion_status="passed", score_raw="80")
    assert round_of(user, module).status == EnrolmentStatus.COMPLETED


def test_a_forged_passed_with_a_low_score_does_not_count(make_user, package_12, package_2004):
    user = make_user()
    module, lesson = quiz_module(package_12)
    client = logged_in(user)
    finish_other_lessons(client, module, lesson)
    response = track(client, lesson, package_12, completion_status="passed", score_raw="79.99")
    assert response.json()["final_quiz"] == "failed"
    # With a range: 30 of 50 is 60%.
    response = track(
        client, lesson, package_12, completion_status="passed", score_raw="30", score_max="50"
    )
    assert response.json()["final_quiz"] == "failed"
    assert round_of(user, module).status == EnrolmentStatus.IN_PROGRESS
    assert not ProgressEvent.objects.filter(kind=ProgressEvent.Kind.SCORM_QUIZ_PASSED).exists()


def test_scorm_2004_decides_on_the_scaled_score(make_user, package_2004):
    user = make_user()
    module, lesson = quiz_module(package_2004, mastery=75)
    client = logged_in(user)
    finish_other_lessons(client, module, lesson)
    forged = track(
        client,
        lesson,
        package_2004,
        completion_status="completed",
        success_status="passed",
        score_scaled="0.7",
        score_raw="70",
        score_max="100",
    )
    assert forged.json()["final_quiz"] == "failed"
    assert round_of(user, module).status == EnrolmentStatus.IN_PROGRESS
    # Mid-run (not concluded) a high score decides nothing yet.
    running = track(
        client, lesson, package_2004, completion_status="incomplete", score_scaled="0.9"
    )
    assert running.json()["final_quiz"] == ""
    passed = track(
        client,
        lesson,
        package_2004,
        completion_status="completed",
        success_status="unknown",
        score_scaled="0.75",
    )
    assert passed.json()["final_quiz"] == "passed"
    assert round_of(user, module).status == EnrolmentStatus.COMPLETED


def test_without_a_score_the_packages_own_status_decides(package_12, package_2004):
    def outcome(package, **values):
        report = CmiReport(
            **{
                "completion_status": "incomplete",
                "success_status": "",
                "score_raw": None,
                "score_min": None,
                "score_max": None,
                "score_scaled": None,
                "location": "",
                "suspend_data": "",
                **values,
            }
        )
        result = final_quiz_outcome(package=package, report=report, mastery=80)
        return None if result is None else result.result

    assert outcome(package_12, completion_status="passed") == "passed"
    assert outcome(package_12, completion_status="failed") == "failed"
    assert outcome(package_12, completion_status="completed") is None
    assert outcome(package_12, completion_status="incomplete", score_raw=Decimal(99)) is None
    assert outcome(package_2004, completion_status="completed", success_status="passed") == (
        "passed"
    )
    assert outcome(package_2004, completion_status="completed", success_status="unknown") is None


def test_another_lessons_package_or_another_learner_does_not_count(make_user, package_12):
    user = make_user()
    module, lesson = quiz_module(package_12)
    other_package = make_package("1.2")
    other_lesson = LessonPageFactory(
        parent=module, title="Nog een e-learning", body=[("scorm", {"package": other_package})]
    )
    client = logged_in(user)
    finish_other_lessons(client, module, lesson)
    # The quiz lesson does not play the other package: refused, nothing kept.
    assert (
        track(client, lesson, other_package, completion_status="passed", score_raw="100")
    ).status_code == 404
    # The other lesson's package is played, but it is not the final quiz.
    response = track(
        client, other_lesson, other_package, completion_status="passed", score_raw="100"
    )
    assert response.status_code == 200
    assert response.json()["final_quiz"] == ""
    assert round_of(user, module).status == EnrolmentStatus.IN_PROGRESS
    # Somebody else's pass is theirs alone.
    stranger = make_user()
    track(logged_in(stranger), lesson, package_12, completion_status="passed", score_raw="100")
    assert round_of(user, module).status == EnrolmentStatus.IN_PROGRESS
    assert (
        not round_of(user, module).events.filter(kind=ProgressEvent.Kind.SCORM_QUIZ_PASSED).exists()
    )
    # Logged out: refused.
    assert (
        track(Client(), lesson, package_12, open_first=False, completion_status="passed")
    ).status_code == 403


def test_a_lesson_outside_the_learners_audience_is_refused(make_user, package_12):
    module, lesson = quiz_module(package_12)
    module.assignments.all().delete()  # an assignment would open it to everybody
    module.audience = AudienceFactory(roles=[Role.RAADSLID])
    module.save_revision().publish()
    client = logged_in(make_user(Role.MEDEWERKER))
    assert client.get(lesson.url).status_code in (403, 404)  # no page, so no launch either
    assert (
        track(
            client,
            lesson,
            package_12,
            open_first=False,
            completion_status="passed",
            score_raw="100",
        )
    ).status_code == 404
    assert not ScormAttempt.objects.exists()


# ---------------------------------------------------------------------------------------------
# The kernteam's choice in the admin
# ---------------------------------------------------------------------------------------------


def module_form(module, **extra) -> dict:
    return nested_form_data(
        {
            "title": module.title,
            "slug": module.slug,
            "intro": rich_text("<p>Inleiding.</p>"),
            "learning_goals": "Signalen herkennen",
            "estimated_minutes": "30",
            "audience": "",
            "version": "1",
            "final_quiz": "",
            "final_quiz_scorm_lesson": "",
            "final_quiz_scorm_mastery": "80",
            "team_kit": streamfield([]),
            **extra,
        }
    )


@pytest.fixture
def editor_client(make_user, mfa_client_for):
    return mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM, is_superuser=True))


def edit(client, module, **extra):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[module.pk]),
        module_form(module, **{"action-publish": "1", **extra}),
    )


def test_the_admin_saves_a_scorm_lesson_as_final_quiz(editor_client, package_12):
    lesson = scorm_lesson(package_12)
    module = lesson.get_parent().specific
    response = edit(
        editor_client,
        module,
        final_quiz_scorm_lesson=str(lesson.pk),
        final_quiz_scorm_mastery="70",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    module.refresh_from_db()
    assert (module.final_quiz_scorm_lesson_id, module.final_quiz_scorm_mastery) == (lesson.pk, 70)
    form = editor_client.get(reverse("wagtailadmin_pages:edit", args=[module.pk])).content
    assert "kan niet door de server worden gecontroleerd" in form.decode()


def test_the_admin_refuses_both_kinds_of_final_quiz(editor_client, package_12):
    lesson = scorm_lesson(package_12)
    module = lesson.get_parent().specific
    quiz = Quiz.objects.create(title="Eindtoets")
    response = edit(
        editor_client, module, final_quiz=str(quiz.pk), final_quiz_scorm_lesson=str(lesson.pk)
    )
    assert response.status_code == 200
    assert "Kies óf een eindtoets óf de toets van een e-learning, niet allebei." in (
        response.content.decode()
    )
    module.refresh_from_db()
    assert module.final_quiz_id is None and module.final_quiz_scorm_lesson_id is None


def test_the_admin_refuses_a_lesson_without_scorm_or_of_another_module(editor_client, package_12):
    module = module_with_lessons(lessons=2)
    plain = module.get_children().first()
    response = edit(editor_client, module, final_quiz_scorm_lesson=str(plain.pk))
    assert response.status_code == 200
    assert "Deze les heeft geen e-learning (SCORM)" in response.content.decode()
    elsewhere = scorm_lesson(package_12)
    response = edit(editor_client, module, final_quiz_scorm_lesson=str(elsewhere.pk))
    assert "Kies een les van deze module." in response.content.decode()
    module.refresh_from_db()
    assert module.final_quiz_scorm_lesson_id is None


def test_the_final_quiz_lesson_keeps_exactly_one_package(package_12, package_2004):
    """Named as the final quiz, the lesson cannot lose its package or get a second one: a
    second would count too, none would leave the module without a final quiz."""
    _module, lesson = quiz_module(package_12)
    lesson = LessonPage.objects.get(pk=lesson.pk)
    scorm = [block for block in lesson.body if block.block_type == "scorm"]
    lesson.body.append(("scorm", {"package": package_2004}))
    with pytest.raises(ValidationError) as refused:
        lesson.save_revision().publish()
    assert "eindtoets van de module" in str(refused.value.message_dict["body"])
    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.body = [("text", RichText("<p>Geen pakket meer.</p>"))]
    with pytest.raises(ValidationError):
        lesson.full_clean()
    # Another package in its place is fine, and so is any change to an ordinary lesson.
    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.body = [("scorm", {"package": package_2004})]
    lesson.full_clean()
    other = scorm_lesson(package_12)
    other.body.append(("scorm", {"package": package_2004}))
    other.full_clean()
    assert len(scorm) == 1


def test_the_model_check_refuses_a_mastery_outside_1_to_100(package_12):
    lesson = scorm_lesson(package_12)
    module = lesson.get_parent().specific
    module.final_quiz_scorm_lesson = lesson
    module.final_quiz_scorm_mastery = 101
    with pytest.raises(ValidationError):
        module.full_clean()


@pytest.fixture
def xapi_on(settings):
    settings.XAPI_ENABLED = True
    settings.XAPI_LRS_ENDPOINT = "http://127.0.0.1:9/xAPI/"
    settings.XAPI_LRS_USERNAME = "weerbaar"
    settings.XAPI_LRS_PASSWORD = "not-a-real-secret"
    settings.XAPI_ROOT_URL = "https://weerbaar.example"
    return settings


def test_xapi_gets_passed_and_failed_as_for_a_final_quiz(make_user, package_12, xapi_on):
    from modules.xapi.models import OutboxStatement

    user = make_user()
    module, lesson = quiz_module(package_12)
    client = logged_in(user)
    finish_other_lessons(client, module, lesson)
    track(client, lesson, package_12, completion_status="failed", score_raw="40")
    track(client, lesson, package_12, completion_status="passed", score_raw="90")
    rows = {row.verb: row for row in OutboxStatement.objects.filter(event_key__startswith="scorm")}
    assert set(rows) == {"failed", "passed"}
    passed = rows["passed"].payload
    assert passed["object"]["id"].endswith("/final-quiz")
    assert passed["result"]["score"]["raw"] == 90.0 and passed["result"]["success"] is True
    assert rows["failed"].payload["result"]["success"] is False
    # Marked as the content's own report, not a score the server worked out itself.
    for row in rows.values():
        extensions = row.payload["result"]["extensions"]
        assert extensions == {"https://weerbaar.example/xapi/extension/reported-by": "scorm"}
    assert OutboxStatement.objects.filter(
        verb="completed", event_key__startswith="module:"
    ).exists()
    # A raadslid's result is never sent.
    council = make_user(Role.RAADSLID)
    council_client = logged_in(council)
    finish_other_lessons(council_client, module, lesson)
    track(council_client, lesson, package_12, completion_status="passed", score_raw="90")
    assert round_of(council, module).status == EnrolmentStatus.COMPLETED
    assert OutboxStatement.objects.filter(event_key__startswith="scorm").count() == 2
