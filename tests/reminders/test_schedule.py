"""The reminder and escalation schedule, on fixed dates: the learner before the due date and
when late, then their own manager, then beheer; every step once; raadsleden never."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse

from accounts.roles import Role
from accounts.services import department_set_managers
from modules.learning.services import assignment_create
from modules.reminders.models import ReminderLog, ReminderSchedule
from modules.reminders.services import reminders_run
from tests.factories import AudienceFactory, DepartmentFactory, module_with_lessons

pytestmark = pytest.mark.django_db

START = date(2026, 10, 1)  # everybody starts here; the module is due 30 days later
DUE = START + timedelta(days=30)


@pytest.fixture
def world(make_user):
    pz, vth = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="VTH")
    staff = AudienceFactory(roles=[Role.MEDEWERKER])
    module = module_with_lessons(lessons=1, title="Ondermijning herkennen")
    assignment_create(module=module, audience=None, due_days_after_start=30)
    people = {
        "noor": make_user(Role.MEDEWERKER, department=pz, first_name="Noor", start_date=START),
        "sam": make_user(Role.MEDEWERKER, department=pz, first_name="Sam", start_date=START),
        "vera": make_user(Role.MEDEWERKER, department=vth, first_name="Vera", start_date=START),
        "lars": make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, department=pz, first_name="Lars"),
        "vic": make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, department=vth, first_name="Vic"),
        "bram": make_user(Role.MEDEWERKER, Role.BEHEER, first_name="Bram"),
        "ria": make_user(Role.RAADSLID, first_name="Ria", start_date=START),
    }
    department_set_managers(department=pz, managers=[people["lars"]])
    department_set_managers(department=vth, managers=[people["vic"]])
    return {"module": module, "staff": staff, **people}


def run(capture, day: date):
    with capture(execute=True):
        return reminders_run(today=day)


def sent_to(user) -> list[str]:
    return [message.subject for message in mail.outbox if user.email in message.to]


def test_the_learner_is_reminded_before_the_due_date(world, django_capture_on_commit_callbacks):
    run(django_capture_on_commit_callbacks, DUE - timedelta(days=8))
    assert mail.outbox == []  # too early
    result = run(django_capture_on_commit_callbacks, DUE - timedelta(days=7))
    assert result.learner_emails == 3  # noor, sam, vera (not the managers: started long ago)
    assert sent_to(world["noor"]) == ["Herinnering: rond Ondermijning herkennen af vóór 31-10-2026"]
    run(django_capture_on_commit_callbacks, DUE - timedelta(days=3))
    assert len(sent_to(world["noor"])) == 1  # once per step


def test_late_learners_then_their_own_manager_then_beheer(
    world, django_capture_on_commit_callbacks
):
    run(django_capture_on_commit_callbacks, DUE + timedelta(days=1))
    assert sent_to(world["noor"]) == ["Te laat: Ondermijning herkennen"]
    assert sent_to(world["lars"]) == []  # the manager only a week after that reminder

    result = run(django_capture_on_commit_callbacks, DUE + timedelta(days=7))
    assert result == type(result)()  # six days after the overdue reminder: nothing yet
    result = run(django_capture_on_commit_callbacks, DUE + timedelta(days=8))
    assert result.manager_digests == 2 and result.beheer_digests == 0
    (lars_digest,) = [m for m in mail.outbox if world["lars"].email in m.to]
    assert "Noor" in lars_digest.body and "Sam" in lars_digest.body
    assert "Vera" not in lars_digest.body  # not his department
    (vic_digest,) = [m for m in mail.outbox if world["vic"].email in m.to]
    assert "Vera" in vic_digest.body and "Noor" not in vic_digest.body
    assert "%" not in lars_digest.body and "score" not in lars_digest.body.lower()

    result = run(django_capture_on_commit_callbacks, DUE + timedelta(days=22))
    assert result.beheer_digests == 1 and result.manager_digests == 0
    (beheer_digest,) = [m for m in mail.outbox if world["bram"].email in m.to]
    assert all(name in beheer_digest.body for name in ("Noor", "Sam", "Vera"))


def test_a_task_found_late_starts_with_the_learner_not_the_manager(
    world, django_capture_on_commit_callbacks
):
    """A long-late task (e.g. a new assignment for long-serving staff) escalates step by step."""
    result = run(django_capture_on_commit_callbacks, DUE + timedelta(days=60))
    assert result.learner_emails == 3
    assert result.manager_digests == 0 and result.beheer_digests == 0


def test_a_late_manager_is_reported_to_beheer(world, django_capture_on_commit_callbacks):
    lars = world["lars"]
    lars.start_date = START
    lars.save()
    for days in (1, 8, 22):
        run(django_capture_on_commit_callbacks, DUE + timedelta(days=days))
    assert not any(
        "Lars" in m.body for m in mail.outbox if lars.email in m.to and "laat" not in m.subject
    )
    (beheer_digest,) = [m for m in mail.outbox if world["bram"].email in m.to]
    assert "Lars" in beheer_digest.body


def test_a_completed_task_stops_the_reminders(world, django_capture_on_commit_callbacks):
    from modules.learning.selectors import module_lessons
    from modules.learning.services import lesson_complete

    lesson_complete(user=world["noor"], lesson=module_lessons(module=world["module"])[0])
    run(django_capture_on_commit_callbacks, DUE + timedelta(days=30))
    assert sent_to(world["noor"]) == []
    assert not ReminderLog.objects.filter(person=world["noor"]).exists()


def test_running_twice_sends_nothing_twice(world, django_capture_on_commit_callbacks):
    for days in (1, 8, 22):
        first = run(django_capture_on_commit_callbacks, DUE + timedelta(days=days))
        count = len(mail.outbox)
        assert first.learner_emails or first.manager_digests or first.beheer_digests
        second = run(django_capture_on_commit_callbacks, DUE + timedelta(days=days))
        assert second == type(second)() and len(mail.outbox) == count


def test_raadsleden_are_never_reminded_about_or_escalated(
    world, django_capture_on_commit_callbacks
):
    run(django_capture_on_commit_callbacks, DUE + timedelta(days=40))
    assert not ReminderLog.objects.filter(person=world["ria"]).exists()
    assert all("Ria" not in message.body for message in mail.outbox)


def test_the_schedule_is_a_setting_and_can_be_switched_off(
    world, django_capture_on_commit_callbacks
):
    schedule = ReminderSchedule.load()
    schedule.manager_after_days = 2
    schedule.save()
    run(django_capture_on_commit_callbacks, DUE + timedelta(days=1))
    result = run(django_capture_on_commit_callbacks, DUE + timedelta(days=3))
    assert result.manager_digests == 2
    schedule.is_active = False
    schedule.save()
    assert run(django_capture_on_commit_callbacks, DUE + timedelta(days=30)).learner_emails == 0


def test_people_see_their_own_reminder_history(world, client, django_capture_on_commit_callbacks):
    run(django_capture_on_commit_callbacks, DUE + timedelta(days=1))
    run(django_capture_on_commit_callbacks, DUE + timedelta(days=8))
    client.force_login(world["noor"])
    html = client.get(reverse("my_data")).content.decode()
    assert "Ondermijning herkennen" in html and "Leidinggevende ingelicht" in html
    data = client.get(reverse("my_data_download")).json()
    steps = {reminder["stap"] for reminder in data["herinneringen"]}
    assert steps == {"Herinnering: te laat", "Leidinggevende ingelicht"}
    client.force_login(world["vera"])
    assert "Publiekszaken" not in client.get(reverse("my_data")).content.decode()


def test_a_completion_about_to_expire_is_reminded_and_an_early_one_is_not(
    world, django_capture_on_commit_callbacks
):
    from modules.learning.models import Enrolment
    from modules.learning.selectors import module_lessons
    from modules.learning.services import lesson_complete

    lesson_complete(user=world["noor"], lesson=module_lessons(module=world["module"])[0])
    # Completed before the due date: no "before due" reminder for Noor, only for the others.
    result = run(django_capture_on_commit_callbacks, DUE - timedelta(days=5))
    assert result.learner_emails == 2 and sent_to(world["noor"]) == []
    # Her completion expires in a year; a week before, she is reminded to renew.
    expires = DUE + timedelta(days=365)
    Enrolment.objects.filter(user=world["noor"]).update(expires_on=expires)
    run(django_capture_on_commit_callbacks, expires - timedelta(days=6))
    assert sent_to(world["noor"]) == [
        f"Herinnering: rond Ondermijning herkennen af vóór {expires:%d-%m-%Y}"
    ]
