"""A council member's study is theirs alone: answers, reflections and progress never reach
anyone else, not even kernteam, beheer or a superuser; the griffie sees aggregates only."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import User
from accounts.roles import Role
from modules.council.models import Reflection
from modules.council.selectors import Quarter, _module_figures
from modules.council.services import (
    council_participation_snapshot_take,
    council_recommendation_set,
    reflection_save,
)
from modules.learning.models import Enrolment
from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from tests.factories import (
    AudienceFactory,
    QuestionFactory,
    QuizFactory,
    module_with_lessons,
    reflection_page,
)
from tests.factories.quizzes import pass_final_quiz

pytestmark = pytest.mark.django_db

SECRET_NOTE = "Mijn-geheime-notitie-7Q4"


def complete_module_with_quiz(user, module) -> None:
    pass_final_quiz(user, module)


@pytest.fixture
def council(make_user):
    """A raadslid who did a council module with its quiz and filled in the reflection."""
    audience = AudienceFactory(name="Raadsleden", roles=[Role.RAADSLID])
    quiz = QuizFactory(questions=[QuestionFactory(text="Wat doe je met een cadeau?")])
    module = module_with_lessons(
        lessons=2, title="Weerbaar raadslid", audience=audience, final_quiz=quiz
    )
    page = reflection_page(audience=audience)
    member = make_user(Role.RAADSLID, first_name="Rianne", last_name="Raadsma")
    complete_module_with_quiz(member, module)
    first = page.statements[0].id
    reflection_save(user=member, page=page, answers={first: "partly"}, notes=SECRET_NOTE)
    return {"member": member, "module": module, "page": page, "audience": audience}


def test_the_member_sees_their_own_answers(council, client):
    client.force_login(council["member"])
    response = client.get(council["page"].url)
    assert response.status_code == 200
    assert SECRET_NOTE in response.content.decode()
    assert "Tip bij stelling 1." in response.content.decode()  # the tip of the answered one


@pytest.mark.parametrize(
    "roles",
    [
        (Role.MEDEWERKER,),
        (Role.MEDEWERKER, Role.KERNTEAM),
        (Role.MEDEWERKER, Role.BEHEER),
        (Role.MEDEWERKER, Role.LEIDINGGEVENDE),
        (Role.GRIFFIE,),
        (Role.RAADSLID,),  # a fellow council member
    ],
)
def test_nobody_else_reaches_a_members_answers_or_reflection(council, make_user, client, roles):
    other = make_user(*roles)
    client.force_login(other)
    member = council["member"]
    attempt = member.quiz_attempts.get()

    reflection = client.get(council["page"].url)
    if Role.RAADSLID in roles:  # their own, empty reflection
        assert reflection.status_code == 200
        assert SECRET_NOTE not in reflection.content.decode()
        assert "checked" not in reflection.content.decode()
    else:
        assert reflection.status_code == 404
    for name in ("attempt", "attempt_result"):
        response = client.get(reverse(name, args=[attempt.public_id]))
        assert response.status_code in (403, 404), name
    certificate = Enrolment.objects.get(user=member).certificate
    assert client.get(reverse("certificate_pdf", args=[certificate.code])).status_code in (
        403,
        404,
    )
    download = client.get(reverse("my_data_download")).content.decode()
    assert SECRET_NOTE not in download and member.email not in download


def test_a_superuser_cannot_read_a_members_answers_either(council, make_user, client):
    admin = make_user(Role.MEDEWERKER, is_superuser=True)
    client.force_login(admin)
    attempt = council["member"].quiz_attempts.get()
    assert client.get(reverse("attempt_result", args=[attempt.public_id])).status_code == 404
    assert SECRET_NOTE not in client.get(reverse("my_data_download")).content.decode()


REPORTS = [
    "completion_report_departments",
    "completion_report_people",
    "completion_report_overdue",
    "item_analysis_questions",
    "item_analysis_departments",
    "item_analysis_themes",
    "sessions_report_years",
    "sessions_report_sessions",
    "sessions_report_departments",
]


def export_text(response, export_format: str) -> str:
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    if export_format == "csv":
        return data.decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(data)).active
    return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("role", [Role.KERNTEAM, Role.BEHEER])
def test_members_are_absent_from_every_report_and_export(council, make_user, mfa_client_for, role):
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    member = council["member"]
    shown = 0
    for name in REPORTS:
        page = client.get(reverse(name))
        if page.status_code == 302:  # a report this role may not see: Wagtail sends them home
            assert page["Location"] == reverse("wagtailadmin_home"), name
            continue
        assert page.status_code == 200, name
        shown += 1
        html = page.content.decode()
        for export_format in ("csv", "xlsx"):
            text = html + export_text(
                client.get(reverse(name), {"export": export_format}), export_format
            )
            assert member.email not in text, name
            assert member.last_name not in text, name
            assert SECRET_NOTE not in text, name
    assert shown >= 3
    # The griffie's report is the griffie's: not theirs.
    response = client.get(reverse("council_participation_report"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def quarters_ago(number: int) -> Quarter:
    quarter = Quarter.containing(timezone.localdate())
    for _ in range(number):
        quarter = quarter.previous
    return quarter


def quarter_label(quarter: Quarter) -> str:
    return f"Kwartaal {quarter.number} van {quarter.start.year}"


def during(quarter: Quarter):
    return timezone.make_aware(datetime.combine(quarter.start + timedelta(days=20), time(12)))


def council_members_since(make_user, count: int, *, since, **kwargs) -> list:
    members = [make_user(Role.RAADSLID, **kwargs, last_name=f"Lid{n}") for n in range(count)]
    User.objects.filter(pk__in=[m.pk for m in members]).update(date_joined=since)
    return members


def complete_during(members, lesson, quarter: Quarter) -> None:
    """Members complete the lesson's module in the middle of ``quarter`` (the report shows
    closed quarters only, as they stood at their end)."""
    for member in members:
        lesson_complete(user=member, lesson=lesson)
    moment = during(quarter)
    Enrolment.objects.filter(user__in=members).update(
        created_at=moment, started_at=moment, completed_at=moment
    )


def test_griffie_sees_aggregates_and_never_a_group_under_five(make_user, mfa_client_for):
    audience = AudienceFactory(roles=[Role.RAADSLID])
    module = module_with_lessons(lessons=1, title="De raad en ondermijning", audience=audience)
    members = council_members_since(
        make_user, 7, since=during(quarters_ago(3)) - timedelta(days=30)
    )
    lesson = module_lessons(module=module)[0]
    complete_during(members[:2], lesson, quarters_ago(3))  # two completed: too few to show
    complete_during(members[2:5], lesson, quarters_ago(2))  # five of seven: two did not
    complete_during(members[5:], lesson, quarters_ago(1))  # now everybody completed
    griffie = mfa_client_for(make_user(Role.GRIFFIE))

    text = export_text(
        griffie.get(reverse("council_participation_report"), {"export": "csv"}), "csv"
    )
    rows = {
        row["Kwartaal"]: row for row in csv_rows(text) if row["Module"] == "De raad en ondermijning"
    }
    first = rows[quarter_label(quarters_ago(3))]
    assert first["Raadsleden"] == "7"
    assert (first["Afgerond"], first["Begonnen"]) == ("minder dan 5", "minder dan 5")
    second = rows[quarter_label(quarters_ago(2))]
    assert (second["Afgerond"], second["Begonnen"]) == ("minder dan 5", "minder dan 5")
    third = rows[quarter_label(quarters_ago(1))]
    assert third["Afgerond"] == "7" and third["Percentage afgerond"] == "100%"
    assert quarter_label(quarters_ago(0)) not in rows  # the running quarter is not published
    assert all(member.last_name not in text for member in members)
    html = griffie.get(reverse("council_participation_report")).content.decode()
    assert "nooit per persoon" in html and "per kwartaal" in html


def test_a_council_smaller_than_five_shows_nothing(make_user, mfa_client_for):
    audience = AudienceFactory(roles=[Role.RAADSLID])
    module = module_with_lessons(lessons=1, title="De raad en ondermijning", audience=audience)
    members = council_members_since(
        make_user, 4, since=during(quarters_ago(2)) - timedelta(days=30)
    )
    complete_during(members, module_lessons(module=module)[0], quarters_ago(1))
    griffie = mfa_client_for(make_user(Role.GRIFFIE))
    text = export_text(
        griffie.get(reverse("council_participation_report"), {"export": "csv"}), "csv"
    )
    assert list(csv_rows(text)) == []
    html = griffie.get(reverse("council_participation_report")).content.decode()
    assert "minder dan vijf leden" in html


def csv_rows(text: str):

    return csv.DictReader(io.StringIO(text), delimiter=";")


def test_griffie_recommends_a_module_and_members_see_it_first(council, make_user, client):
    other = module_with_lessons(
        lessons=1, title="Aaa eerst in de boom", audience=council["audience"]
    )
    council_recommendation_set(module=council["module"], note="Voor de begroting.")
    client.force_login(make_user(Role.RAADSLID))
    html = client.get(reverse("my_learning")).content.decode()
    assert "Aanbevolen door de griffie" in html and "Voor de begroting." in html
    assert html.index("Weerbaar raadslid") < html.index(other.title)


def test_my_data_export_holds_the_members_data(council, client):
    client.force_login(council["member"])
    response = client.get(reverse("my_data_download"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["e-mailadres"] == council["member"].email
    assert [m["module"] for m in data["leermodules"]] == ["Weerbaar raadslid"]
    assert data["toetsen"][0]["vragen"][0]["vraag"] == "Wat doe je met een cadeau?"
    assert data["toetsen"][0]["vragen"][0]["mijn_antwoord"] == ["Goed"]
    assert data["zelfreflecties"][0]["notities"] == SECRET_NOTE
    assert data["zelfreflecties"][0]["antwoorden"][0]["antwoord"] == "Klopt deels"


def test_deleting_removes_the_members_self_study_and_nothing_else(council, make_user, client):
    member = council["member"]
    fellow = make_user(Role.RAADSLID)
    complete_module_with_quiz(fellow, council["module"])
    reflection_save(user=fellow, page=council["page"], answers={}, notes="Van een ander lid")
    colleague = make_user(Role.MEDEWERKER)
    lesson_complete(user=colleague, lesson=module_lessons(module=module_with_lessons())[0])

    client.force_login(member)
    unconfirmed = client.post(reverse("my_data_delete"), {})
    assert unconfirmed.status_code == 400
    assert "Vink het vakje aan" in unconfirmed.content.decode()
    tampered = client.post(reverse("my_data_delete"), {"bevestig": "yes"})
    assert tampered.status_code == 400
    assert Reflection.objects.filter(user=member).exists()  # nothing deleted without consent

    response = client.post(reverse("my_data_delete"), {"bevestig": "ja"})
    assert response.status_code == 302
    assert not Enrolment.objects.filter(user=member).exists()
    assert not member.quiz_attempts.exists()
    assert not Reflection.objects.filter(user=member).exists()
    assert Enrolment.objects.filter(user=fellow).count() == 1 and fellow.quiz_attempts.count() == 1
    assert Reflection.objects.filter(user=fellow).exists()
    assert Enrolment.objects.filter(user=colleague).count() == 1
    member.refresh_from_db()
    assert member.is_active  # the account stays


def test_staff_cannot_delete_their_mandatory_progress(client, make_user):
    colleague = make_user(Role.MEDEWERKER)
    lesson_complete(user=colleague, lesson=module_lessons(module=module_with_lessons())[0])
    client.force_login(colleague)
    assert client.get(reverse("my_data_delete")).status_code == 403
    assert client.post(reverse("my_data_delete"), {"bevestig": "ja"}).status_code == 403
    assert Enrolment.objects.filter(user=colleague).exists()


def test_an_invalid_reflection_answer_saves_nothing(council, make_user, client):
    member = make_user(Role.RAADSLID)
    client.force_login(member)
    first = council["page"].statements[0].id
    response = client.post(
        council["page"].url, {f"stelling-{first}": "altijd", "notities": "niet bewaren"}
    )
    assert response.status_code == 400
    assert "niet geldig" in response.content.decode()
    assert not Reflection.objects.filter(user=member).exists()


def test_anonymous_visitors_are_sent_to_the_login_page(council, client):
    response = client.get(council["page"].url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get(reverse("my_data")).status_code == 302
    assert client.get(reverse("my_data_download")).status_code == 302


@pytest.mark.parametrize(
    ("members", "started", "completed", "shown"),
    [
        (20, 12, 10, (12, None)),  # 12 - 10 = 2 in progress: too few to show
        (20, 12, 12, (12, 12)),
        (20, 17, 5, (None, 5)),  # 20 - 17 = 3 never started
        (20, 0, 0, (0, 0)),
        (20, 20, 16, (20, None)),
    ],
)
def test_no_difference_between_shown_figures_is_under_five(members, started, completed, shown):

    figures = _module_figures(
        module="Module",
        recommended=False,
        members=members,
        row={"started": started, "completed": completed},
    )
    assert (figures.started, figures.completed) == shown


def test_deleting_reflection_answers_asks_for_confirmation(council, client):
    member = council["member"]
    client.force_login(member)
    response = client.post(council["page"].url, {"verwijderen": "1"})
    assert response.status_code == 400
    assert Reflection.objects.filter(user=member).exists()
    response = client.post(council["page"].url, {"verwijderen": "1", "bevestig": "ja"})
    assert response.status_code == 302
    assert not Reflection.objects.filter(user=member).exists()


@pytest.mark.parametrize("rounds", [1, 8])
def test_my_data_runs_a_fixed_number_of_queries(
    make_user, client, django_assert_max_num_queries, rounds
):
    person = make_user(Role.RAADSLID)
    for _ in range(rounds):
        quiz = QuizFactory(questions=[QuestionFactory(), QuestionFactory()])
        pass_final_quiz(person, module_with_lessons(lessons=2, final_quiz=quiz))
    client.force_login(person)
    with django_assert_max_num_queries(22):
        assert client.get(reverse("my_data")).status_code == 200
    with django_assert_max_num_queries(18):
        assert client.get(reverse("my_data_download")).status_code == 200


def test_a_quarter_is_published_only_after_it_ends_and_never_changes(make_user):
    today = timezone.localdate()
    running = quarters_ago(0)
    with pytest.raises(ValueError):
        council_participation_snapshot_take(quarter=running, today=today)
    snapshot = council_participation_snapshot_take(quarter=running.previous, today=today)
    assert (snapshot.quarter_start, snapshot.quarter_end) == (
        running.previous.start,
        running.start - timedelta(days=1),
    )
    snapshot.figures = {"members": 99, "modules": [], "reflected": 0}
    with pytest.raises(ValueError):
        snapshot.save()
    make_user(Role.RAADSLID)  # joins later: the published quarter stays as it was
    again = council_participation_snapshot_take(
        quarter=running.previous, today=today + timedelta(days=40)
    )
    assert again.pk == snapshot.pk and again.figures["members"] == 0
