"""The monthly status email to managers (issue 17).

Every manager (the leidinggevende role and a department) gets one email a month with per
department its people and, per mandatory task, how many are done, busy, late and not started,
with a link to the dashboard; counts only, from the reports' summary and scope (raadsleden not
counted). Each manager can turn it off on their admin account page. The scheduled command
takes the lock, is in the README's table, and sends once per month however often it runs.
"""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command, get_commands, load_command_class
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Site

from accounts.roles import Role
from accounts.services import user_set_roles
from core.dates import add_months
from core.scheduling import ScheduledCommand, scheduled_lock
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from modules.reminders.models import ManagerEmailPreference, MonthlyStatusEmail
from modules.reminders.retention import retention_apply
from modules.reminders.services import manager_email_preference_set, monthly_status_run
from modules.reporting.receivers import flush_pending
from tests.core.test_scheduled_lock import scheduled_table_rows
from tests.factories import AudienceFactory, DepartmentFactory, module_with_lessons

pytestmark = pytest.mark.django_db

COMMAND = "send_manager_status_emails"


@pytest.fixture
def public_site():
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "weerbaar.dordrecht.nl", 443
    site.save()


@pytest.fixture
def world(make_user, public_site):
    """Mira manages Publiekszaken (four staff and a raadslid: one done, one busy, one late,
    one new) and Leeg (nobody); Otto manages Buiten. Kees has the role but no department,
    Dirk is listed as a manager of Buiten without the role."""
    today = timezone.localdate()
    pz = DepartmentFactory(name="Publiekszaken")
    empty = DepartmentFactory(name="Leeg")
    outside = DepartmentFactory(name="Buiten")
    onboarding = module_with_lessons(lessons=2, title="Onboarding")
    assignment_create(
        module=onboarding,
        audience=AudienceFactory(roles=[Role.MEDEWERKER]),
        due_days_after_start=30,
    )
    long_ago = today - timedelta(days=90)
    done = make_user(department=pz, start_date=long_ago)
    busy = make_user(department=pz, start_date=today)
    make_user(department=pz, first_name="Cor", last_name="Laat", start_date=long_ago)
    make_user(department=pz, start_date=today)
    make_user(Role.MEDEWERKER, Role.RAADSLID, department=pz, start_date=long_ago)
    make_user(department=outside, start_date=long_ago)
    for lesson in module_lessons(module=onboarding):
        lesson_complete(user=done, lesson=lesson)
    lesson_complete(user=busy, lesson=module_lessons(module=onboarding)[0])

    def manager(first, *departments, roles=(Role.MEDEWERKER, Role.LEIDINGGEVENDE)):
        user = make_user(*roles, first_name=first, department=DepartmentFactory())
        for department in departments:
            department.managers.add(user)
        return user

    people = {
        "mira": manager("Mira", pz, empty),
        "otto": manager("Otto", outside),
        "kees": manager("Kees"),
        "dirk": manager("Dirk", outside, roles=(Role.MEDEWERKER,)),
    }
    flush_pending()
    return people


def run_command() -> str:
    out = StringIO()
    call_command(COMMAND, stdout=out)
    return out.getvalue()


def sent_to() -> list[str]:
    return sorted(message.to[0] for message in mail.outbox)


def test_the_email_tells_each_department_in_numbers_with_a_link_to_the_dashboard(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert "2 monthly status email(s) queued." in run_command()
    assert sent_to() == sorted([world["mira"].email, world["otto"].email])
    (message,) = [m for m in mail.outbox if m.to == [world["mira"].email]]
    month = timezone.localdate().replace(day=1)
    with translation.override("nl"):
        month_name = date_format(month, "F Y")  # "december 2026"
    assert message.subject == f"Leren in je afdelingen: {month_name}"
    assert message.body.startswith(
        "Beste Mira,\n\n"
        f"Zo staat het verplichte leren in je afdelingen aan het begin van {month_name}. "
        "Hier staan alleen aantallen: de namen vind je in het overzicht per persoon.\n"
    )
    # Four staff (the raadslid is not counted), every status once; the empty department too.
    assert "Leeg (0 personen)\n- Geen verplichte leertaken in deze afdeling.\n" in message.body
    assert (
        "Publiekszaken (4 personen)\n- Onboarding: 1 klaar, 1 bezig, 1 te laat, 1 niet begonnen\n"
    ) in message.body
    assert message.body.index("Leeg (") < message.body.index("Publiekszaken (")
    assert "Buiten" not in message.body
    assert "Cor" not in message.body  # counts only, never names
    assert (
        "Bekijk het dashboard van je afdelingen:\n"
        f"https://weerbaar.dordrecht.nl{reverse('dashboard_departments')}\n"
    ) in message.body
    assert f"https://weerbaar.dordrecht.nl{reverse('wagtailadmin_account')}" in message.body


def test_only_managers_of_a_department_get_it(
    world, kernteam_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        monthly_status_run(today=timezone.localdate())
    recipients = set(MonthlyStatusEmail.objects.values_list("recipient_id", flat=True))
    assert recipients == {world["mira"].pk, world["otto"].pk}
    for nobody in ("kees", "dirk"):
        assert world[nobody].email not in sent_to()
    assert kernteam_user.email not in sent_to()


def test_running_twice_in_a_month_sends_once_and_the_next_month_again(
    world, django_capture_on_commit_callbacks
):
    # This month, as the world around it was made (a fixed month goes stale).
    today = timezone.localdate().replace(day=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert monthly_status_run(today=today) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert monthly_status_run(today=today) == 0
        assert monthly_status_run(today=today.replace(day=28)) == 0
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert monthly_status_run(today=add_months(today, 1)) == 2
    assert len(mail.outbox) == 4
    assert MonthlyStatusEmail.objects.count() == 4


def test_a_manager_turns_it_off_on_their_account_page(
    world, make_user, mfa_client_for, django_capture_on_commit_callbacks
):
    client = mfa_client_for(world["mira"])
    account = reverse("wagtailadmin_account")
    html = client.get(account).content.decode()
    checkbox = re.search(r'<input type="checkbox" name="monthly_status-monthly_status"[^>]*>', html)
    assert checkbox and "checked" in checkbox.group(0)  # on by default
    assert "Stuur me één keer per maand de stand van mijn afdelingen" in html
    response = client.post(
        account,
        {
            "name_email-first_name": "Mira",
            "name_email-last_name": world["mira"].last_name,
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-contrast": "system",
            "theme-density": "default",
            # the switch left out: unticked
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ManagerEmailPreference.objects.get(user=world["mira"]).monthly_status is False
    html = client.get(account).content.decode()
    checkbox = re.search(r'<input type="checkbox" name="monthly_status-monthly_status"[^>]*>', html)
    assert "checked" not in checkbox.group(0)
    with django_capture_on_commit_callbacks(execute=True):
        assert monthly_status_run(today=timezone.localdate()) == 1
    assert sent_to() == [world["otto"].email]
    # Back on: next month Mira has it again.
    manager_email_preference_set(user=world["mira"], monthly_status=True)
    next_month = (timezone.localdate().replace(day=1) + timedelta(days=32)).replace(day=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert monthly_status_run(today=next_month) == 2

    # Staff who manage nothing do not see the switch.
    client.logout()
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    assert "monthly_status-monthly_status" not in client.get(account).content.decode()


def test_switched_off_between_the_run_and_the_send_sends_nothing(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        monthly_status_run(today=timezone.localdate())
    manager_email_preference_set(user=world["otto"], monthly_status=False)
    for callback in callbacks:
        callback()
    assert sent_to() == [world["mira"].email]


def test_the_command_is_scheduled_monthly_in_the_readme_and_takes_the_lock(world):
    rows = {re.match(r"\| `([^`]+)`", row).group(1): row for row in scheduled_table_rows()}
    assert "monthly" in rows[COMMAND]
    command = load_command_class(get_commands()[COMMAND], COMMAND)
    assert isinstance(command, ScheduledCommand)
    with scheduled_lock(COMMAND):
        assert "skipped, another run holds the lock" in run_command()
    assert MonthlyStatusEmail.objects.count() == 0


def test_old_logs_go_with_the_retention_of_reminder_logs(world, settings):
    monthly_status_run(today=timezone.localdate())
    later = timezone.now() + timedelta(days=settings.WEERBAAR_RETENTION_REMINDER_DAYS + 1)
    assert retention_apply(now=later, dry_run=True).status_emails == 2
    assert retention_apply(now=later).status_emails == 2
    assert MonthlyStatusEmail.objects.count() == 0


def test_a_manager_who_lost_the_role_before_the_send_gets_no_status_email(
    world, django_capture_on_commit_callbacks
):
    """The run picks managers by role; the send (queued, retried for days) checks the same
    rule again. Otto lost the leidinggevende role after the run (by hand, so the department
    still lists him): he may no longer read its reports and gets no email (found in review)."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        monthly_status_run(today=timezone.localdate())
    user_set_roles(user=world["otto"], roles=[Role.MEDEWERKER])
    for callback in callbacks:
        callback()
    sent_to = [message.to[0] for message in mail.outbox]
    assert world["otto"].email not in sent_to
    assert sent_to  # the other managers still get theirs
