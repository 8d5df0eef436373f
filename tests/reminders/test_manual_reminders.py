"""Reminders a manager sends from the per-person report (issue 17).

- One person (a button on each late row) or everybody late in the filtered view (one button,
  then a confirmation page); POST only, with the CSRF token, and the report's permission.
- Only people in the sender's report scope: a manager reaches only their departments, also
  when they post another id; raadsleden never.
- Logged as step "manual" with the sender; at most one a day per person (a second try says so
  in Dutch and sends nothing); one email listing the person's late tasks, through core.mail.
- "Remind all" runs a constant number of queries.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from accounts.roles import Role
from core.models import EmailFailure, EmailFailureStatus
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from modules.reminders.models import MANUAL_TASK_KEY, ReminderLog, ReminderStep
from modules.reminders.selectors import reminder_history
from modules.reminders.services import manual_reminders_send
from modules.reporting.receivers import flush_pending
from tests.core.mail_server import flaky_mail_server
from tests.factories import AudienceFactory, DepartmentFactory, module_with_lessons

pytestmark = pytest.mark.django_db

SEND = "reminders_send_manual"
PEOPLE = "completion_report_people"
OVERDUE = "completion_report_overdue"


@pytest.fixture
def public_site():
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "weerbaar.dordrecht.nl", 443
    site.save()


@pytest.fixture
def world(make_user, public_site):
    """Publiekszaken and VTH under one manager, Buiten outside their scope. Late: Cor and Dina
    (Publiekszaken), Gijs (VTH), Ilse (Buiten) and Rob, a raadslid in Publiekszaken."""
    today = timezone.localdate()
    pz, vth = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="VTH")
    outside = DepartmentFactory(name="Buiten")
    onboarding = module_with_lessons(lessons=1, title="Onboarding")
    fraude = module_with_lessons(lessons=1, title="Fraude herkennen")
    staff = AudienceFactory(roles=[Role.MEDEWERKER])
    assignment_create(module=onboarding, audience=staff, due_days_after_start=30)
    assignment_create(module=fraude, audience=staff, due_days_after_start=40)
    long_ago = today - timedelta(days=90)

    def person(first, last, department, start=long_ago, *roles):
        return make_user(
            *(roles or (Role.MEDEWERKER,)),
            department=department,
            first_name=first,
            last_name=last,
            start_date=start,
        )

    people = {
        "anna": person("Anna", "Af", pz),
        "cor": person("Cor", "Laat", pz),
        "dina": person("Dina", "Laat", pz),
        "eva": person("Eva", "Nieuw", pz, today),
        "gijs": person("Gijs", "Laat", vth),
        "ilse": person("Ilse", "Buiten", outside),
        "rob": person("Rob", "Raad", pz, long_ago, Role.MEDEWERKER, Role.RAADSLID),
    }
    for module in (onboarding, fraude):
        lesson_complete(user=people["anna"], lesson=module_lessons(module=module)[0])
    lesson_complete(user=people["dina"], lesson=module_lessons(module=fraude)[0])
    manager = make_user(
        Role.MEDEWERKER,
        Role.LEIDINGGEVENDE,
        department=DepartmentFactory(name="Directie"),
        first_name="Mira",
        last_name="Manager",
    )
    pz.managers.add(manager)
    vth.managers.add(manager)
    flush_pending()
    return {"pz": pz, "vth": vth, "outside": outside, "manager": manager, **people}


def remind(client, *, person=None, everybody=False, confirm=False, query="", next_url=None):
    data = {"next": next_url or reverse(OVERDUE)}
    if person is not None:
        data["person"] = person.pk
    if everybody:
        data["everybody"] = "on"
    if confirm:
        data["confirm"] = "on"
    url = reverse(SEND) + (f"?{query}" if query else "")
    return client.post(url, data, follow=True)


def messages_of(response) -> list[str]:
    """The admin's messages of the response, without the login's greeting."""
    return [
        str(message).strip()
        for message in response.context["messages"]
        if not str(message).startswith("Je bent nu ingelogd")
    ]


def manual_logs():
    return ReminderLog.objects.filter(step=ReminderStep.MANUAL)


def test_a_manager_reminds_one_late_person(
    world, mfa_client_for, django_capture_on_commit_callbacks
):
    client = mfa_client_for(world["manager"])
    with django_capture_on_commit_callbacks(execute=True):
        response = remind(client, person=world["cor"])
    assert response.redirect_chain[-1][0] == reverse(OVERDUE)
    assert messages_of(response) == ["Cor Laat krijgt een herinnering per e-mail."]
    (log,) = manual_logs()
    assert (log.person, log.recipient, log.sender) == (world["cor"], world["cor"], world["manager"])
    assert log.task_key == MANUAL_TASK_KEY and log.sent_on == timezone.localdate()
    assert set(log.task_title.split(", ")) == {"Onboarding", "Fraude herkennen"}
    (message,) = mail.outbox
    assert message.to == [world["cor"].email]
    assert message.subject == "Herinnering: je verplichte leertaken zijn te laat"
    assert message.body.startswith(
        "Beste Cor,\n\nMira Manager vraagt je om je verplichte leertaken op Weerbaar af te "
        "ronden. Deze leertaken zijn te laat:\n"
    )
    assert re.search(r"- Onboarding, moest af zijn op \d+ \w+ \d{4}", message.body)
    assert "- Fraude herkennen, moest af zijn op" in message.body
    assert f"https://weerbaar.dordrecht.nl{reverse('my_learning')}" in message.body
    # Only numbers and tasks of the person themselves: nobody else is named.
    assert "Dina" not in message.body and "Gijs" not in message.body
    # The person sees it under "Mijn gegevens".
    (history,) = reminder_history(user=world["cor"])
    assert history.step == ReminderStep.MANUAL
    assert str(history.get_step_display()) == "herinnering van leidinggevende of HR"


def test_a_second_reminder_the_same_day_is_refused_in_dutch_and_sends_nothing(
    world, mfa_client_for, kernteam_user, django_capture_on_commit_callbacks
):
    client = mfa_client_for(world["manager"])
    with django_capture_on_commit_callbacks(execute=True):
        remind(client, person=world["cor"])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = remind(client, person=world["cor"])
    assert messages_of(response) == [
        "Cor Laat heeft vandaag al een herinnering gekregen. Er is niets verstuurd."
    ]
    assert callbacks == []
    assert len(mail.outbox) == 1 and manual_logs().count() == 1
    # Whoever sends it: HR or the kernteam cannot add a second one that day either.
    result = manual_reminders_send(
        sender=kernteam_user, today=timezone.localdate(), person_ids=[world["cor"].pk]
    )
    assert result.sent == [] and result.already_today == ["Cor Laat"]
    # The next day it may be sent again, and "Mijn gegevens" lists both days.
    tomorrow = timezone.localdate() + timedelta(days=1)
    result = manual_reminders_send(
        sender=world["manager"], today=tomorrow, person_ids=[world["cor"].pk]
    )
    assert result.sent == ["Cor Laat"]
    assert len(reminder_history(user=world["cor"])) == 2


def test_a_manager_cannot_remind_someone_outside_their_departments_or_a_raadslid(
    world, mfa_client_for, django_capture_on_commit_callbacks
):
    client = mfa_client_for(world["manager"])
    for outsider in (world["ilse"], world["rob"], world["anna"], world["eva"]):
        with django_capture_on_commit_callbacks(execute=True):
            response = remind(client, person=outsider)
        assert messages_of(response) == [
            "Er is geen herinnering verstuurd: deze persoon is niet te laat, of staat niet in "
            "jouw overzicht."
        ]
    assert manual_logs().count() == 0 and mail.outbox == []


def test_the_kernteam_reaches_every_department_but_never_a_raadslid(
    world, kernteam_user, mfa_client_for, django_capture_on_commit_callbacks
):
    client = mfa_client_for(kernteam_user)
    with django_capture_on_commit_callbacks(execute=True):
        remind(client, person=world["ilse"])
        remind(client, person=world["rob"])
    assert [message.to for message in mail.outbox] == [[world["ilse"].email]]
    assert not ReminderLog.objects.filter(person=world["rob"]).exists()


def test_post_only_with_the_report_permission_and_the_csrf_token(world, make_user, mfa_client_for):
    client = mfa_client_for(world["manager"])
    assert client.get(reverse(SEND)).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies  # the same logged-in session, now checked for the token
    response = strict.post(reverse(SEND), {"person": world["cor"].pk})
    assert response.status_code == 403
    assert manual_logs().count() == 0

    client.logout()
    client = mfa_client_for(make_user(Role.MEDEWERKER))
    response = client.post(reverse(SEND), {"person": world["cor"].pk})
    assert response.status_code in (302, 403)  # the admin's own gate, or the report's
    assert manual_logs().count() == 0


def test_only_an_address_of_this_site_is_returned_to(world, mfa_client_for):
    client = mfa_client_for(world["manager"])
    response = remind(client, person=world["cor"], next_url="https://example.com/admin/")
    assert response.redirect_chain[0][0] == reverse(OVERDUE)


def test_remind_all_asks_first_then_reminds_everybody_late_in_the_filtered_view(
    world, mfa_client_for, django_capture_on_commit_callbacks
):
    client = mfa_client_for(world["manager"])
    query = f"department={world['pz'].pk}"
    next_url = f"{reverse(PEOPLE)}?{query}"
    response = remind(client, everybody=True, query=query, next_url=next_url)
    html = response.content.decode()
    assert response.status_code == 200 and response.redirect_chain == []
    assert "Herinnering sturen aan 2 personen?" in html
    assert "Cor Laat" in html and "Dina Laat" in html
    assert "Gijs" not in html and "Ilse" not in html and "Rob" not in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert manual_logs().count() == 0  # nothing sent before the confirmation

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = remind(client, everybody=True, confirm=True, query=query, next_url=next_url)
    assert len(callbacks) == 1  # one background task for all of them
    assert response.redirect_chain[-1][0] == next_url
    assert messages_of(response) == ["2 personen krijgen een herinnering per e-mail."]
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [world["cor"].email, world["dina"].email]
    )
    # Without a filter: everybody late in the manager's departments; Cor and Dina had theirs.
    with django_capture_on_commit_callbacks(execute=True):
        response = remind(client, everybody=True, confirm=True)
    assert messages_of(response) == [
        "1 persoon krijgt een herinnering per e-mail.",
        "2 personen hebben vandaag al een herinnering gekregen en krijgen geen tweede.",
    ]
    assert {log.person for log in manual_logs()} == {world["cor"], world["dina"], world["gijs"]}
    assert len(mail.outbox) == 3


def test_remind_all_with_another_departments_filter_sends_nothing(world, mfa_client_for):
    client = mfa_client_for(world["manager"])
    response = remind(
        client, everybody=True, confirm=True, query=f"department={world['outside'].pk}"
    )
    assert messages_of(response) == [
        "Er zijn geen herinneringen verstuurd: de filters van het overzicht kunnen niet worden "
        "gebruikt."
    ]
    assert manual_logs().count() == 0
    response = remind(client, everybody=True, query="status=completed")
    assert messages_of(response) == [
        "Niemand in dit overzicht is te laat. Er is geen herinnering verstuurd."
    ]


def test_the_report_has_a_button_on_each_late_row_and_one_for_all(world, mfa_client_for):
    client = mfa_client_for(world["manager"])
    html = client.get(reverse(PEOPLE), {"department": world["pz"].pk}).content.decode()
    forms = re.findall(r'<form[^>]*method="post" action="([^"]+)">(.*?)</form>', html, re.S)
    people = [re.search(r'name="person" value="(\d+)"', body) for _action, body in forms]
    late = {int(match.group(1)) for match in people if match}
    assert late == {world["cor"].pk, world["dina"].pk}
    assert all('name="csrfmiddlewaretoken"' in body for _action, body in forms)
    assert 'aria-label="Stuur een herinnering aan Cor Laat"' in html
    remind_all = [action for action, body in forms if 'name="everybody"' in body]
    assert remind_all == [f"{reverse(SEND)}?department={world['pz'].pk}"]
    assert "Stuur een herinnering aan alle 2 personen die te laat zijn" in html
    # The downloads keep their columns and the plain status.
    raw = b"".join(client.get(reverse(PEOPLE), {"export": "csv"}).streaming_content)
    assert "herinnering" not in raw.decode("utf-8-sig").lower()
    # Nobody late in the view: no "remind all".
    html = client.get(reverse(PEOPLE), {"status": "completed"}).content.decode()
    assert 'name="everybody"' not in html


def test_a_refused_email_is_retried_through_core_mail(
    world, mfa_client_for, django_capture_on_commit_callbacks
):
    client = mfa_client_for(world["manager"])
    with flaky_mail_server() as server, django_capture_on_commit_callbacks(execute=True):
        server.refusals = 1
        remind(client, person=world["gijs"])
    failure = EmailFailure.objects.get(kind="reminders.manual")
    assert failure.recipient_id == world["gijs"].pk
    assert failure.status == EmailFailureStatus.SENT  # the immediate backend retried at once
    assert [message.to for message in mail.outbox] == [[world["gijs"].email]]


@pytest.mark.parametrize("late", [3, 13])
def test_remind_all_runs_a_constant_number_of_queries(
    late, make_user, kernteam_user, mfa_client_for, django_assert_max_num_queries
):
    department = DepartmentFactory()
    module = module_with_lessons(lessons=1)
    assignment_create(
        module=module, audience=AudienceFactory(roles=[Role.MEDEWERKER]), due_days_after_start=30
    )
    for _ in range(late):
        make_user(department=department, start_date=timezone.localdate() - timedelta(days=60))
    flush_pending()
    client = mfa_client_for(kernteam_user)
    query = f"department={department.pk}"
    with django_assert_max_num_queries(24):
        response = remind(client, everybody=True, query=query)
    assert len(response.context["people"]) == late
    with django_assert_max_num_queries(24):
        client.post(
            f"{reverse(SEND)}?{query}",
            {"everybody": "on", "confirm": "on", "next": reverse(PEOPLE)},
        )
    assert manual_logs().count() == late
    with django_assert_max_num_queries(30):
        assert client.get(reverse(PEOPLE), {"department": department.pk}).status_code == 200
