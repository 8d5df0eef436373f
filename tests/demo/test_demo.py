"""The load_demo command: refuses without DEBUG, builds the site, runs once, deterministic.

Loading the demo takes seconds, so the tests that only look at it share one load per class
(in a transaction rolled back after the class; each test runs in its own savepoint on top, so
nothing a test writes reaches the next). The tests of the command itself load it themselves.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import Site

from accounts.models import Department, User
from accounts.roles import Role
from accounts.selectors import ReportScope
from demo.loader import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_email, load_demo
from home.models import HomePage, ReportingPage, ReportingRoutes
from modules.awareness.models import Registration, RegistrationStatus, SessionKind, SessionPage
from modules.awareness.services import registration_create
from modules.council.selectors import published_council_participation
from modules.council.services import council_participation_snapshots_take
from modules.learning.models import LessonPage, ModulePage
from modules.learning.rules import TaskStatus
from modules.learning.selectors import learning_tasks, module_lessons
from modules.reporting.reports import department_rows, person_tasks
from quizzes.models import Question, QuestionKind, ReviewLevel, Theme
from quizzes.services import draw_questions
from tests.factories import a_session

pytestmark = pytest.mark.django_db

DEMO_TODAY = date(2026, 11, 23)


def _load_once(django_db_blocker, *, today: date):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo(seed=7, today=today)
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="class")
def demo_of_23_november(django_db_setup, django_db_blocker):
    """The demo as loaded on 23 November 2026 (seed 7), once for the class."""
    yield from _load_once(django_db_blocker, today=DEMO_TODAY)


@pytest.fixture(scope="class")
def demo_of_today(django_db_setup, django_db_blocker):
    """The demo as loaded today (seed 7), once for the class: its sessions lie around now."""
    yield from _load_once(django_db_blocker, today=timezone.localdate())


def test_refuses_when_debug_is_off():
    with pytest.raises(CommandError, match="refuses to run when DEBUG is off"):
        call_command("load_demo")
    assert not User.objects.exists()


@override_settings(DEBUG=True)
def test_builds_the_demo_site_and_keeps_data_on_a_second_run(capsys):
    call_command("load_demo")
    assert "Demo content loaded" in capsys.readouterr().out
    first = set(User.objects.values_list("email", "password"))

    call_command("load_demo")
    assert "already loaded" in capsys.readouterr().out
    assert set(User.objects.values_list("email", "password")) == first


def test_force_runs_with_debug_off():
    call_command("load_demo", "--force")
    assert User.objects.filter(
        email__in=[demo_email(a.local_part) for a in DEMO_ACCOUNTS]
    ).count() == len(DEMO_ACCOUNTS)


def demo_snapshot(seed: int) -> list[tuple[str, str]]:
    """Load the demo in a transaction that is rolled back, and return what it made."""
    with transaction.atomic():
        load_demo(seed=seed, today=date(2026, 11, 23))
        data = sorted(User.objects.values_list("email", "personnel_number"))
        transaction.set_rollback(True)
    return data


def test_same_seed_gives_the_same_data():
    first = demo_snapshot(42)
    assert demo_snapshot(42) == first
    assert demo_snapshot(43) != first


def test_the_griffie_sees_last_quarters_council_figures_in_the_demo():
    """The council report shows closed quarters only: the demo's members read last quarter."""
    call_command("load_demo", "--force", "--seed", "7")
    today = date.today()
    council_participation_snapshots_take(today=today)
    last_quarter = published_council_participation(today=today)[0]
    assert last_quarter.figures.shown
    assert any(module.started for module in last_quarter.figures.modules)


def test_registering_without_notify_sends_no_email(medewerker):
    """The demo registers people for past sessions with notify=False: no confirmation after
    the session; the default still sends one."""
    session = a_session()
    with TestCase.captureOnCommitCallbacks(execute=True):
        quiet = registration_create(
            user=medewerker, session=session, now=timezone.now(), notify=False
        )
    assert quiet.status == RegistrationStatus.REGISTERED and mail.outbox == []
    other = a_session()
    with TestCase.captureOnCommitCallbacks(execute=True):
        registration_create(user=medewerker, session=other, now=timezone.now())
    assert len(mail.outbox) == 1


@pytest.mark.usefixtures("demo_of_23_november")
class TestTheDemoOf23November:
    def test_demo_accounts_have_their_roles_and_password(self):
        for account in DEMO_ACCOUNTS:
            user = User.objects.get(email=demo_email(account.local_part))
            assert user.check_password(DEMO_PASSWORD)
            assert user.roles == set(account.roles)
            has_totp = Authenticator.objects.filter(user=user, type="totp").exists()
            assert has_totp is account.totp
        nieuw = User.objects.get(email=demo_email("nieuw"))
        assert nieuw.start_date == DEMO_TODAY - timedelta(days=10)
        assert nieuw.is_new_employee(DEMO_TODAY)
        assert not User.objects.get(email=demo_email("medewerker")).is_new_employee(DEMO_TODAY)
        manager = User.objects.get(email=demo_email("leidinggevende"))
        assert manager.managed_departments.count() == 2
        assert User.objects.get(email=demo_email("kernteam")).has_role(Role.KERNTEAM)

    def test_demo_site_has_home_reporting_page_and_routes(self):
        site = Site.objects.get(is_default_site=True)
        assert isinstance(site.root_page.specific, HomePage)
        assert ReportingPage.objects.live().child_of(site.root_page).count() == 1
        routes = ReportingRoutes.load()
        assert routes.kernteam_email
        # One example contact person per department (demo.teamwork_steps).
        assert routes.department_contacts.count() == Department.objects.count()
        assert Department.objects.count() >= 10

    def test_demo_ships_the_onboarding_module_mandatory_for_new_employees(self):
        onboarding = ModulePage.objects.get(title="Ondermijning herkennen en melden")
        lessons = module_lessons(module=onboarding)
        assert len(lessons) >= 6
        blocks = [block.block_type for lesson in lessons for block in lesson.body]
        assert blocks.count("dilemma") >= 4
        assert "signal" in blocks and "report_it" in blocks and "takeaways" in blocks
        assert all(lesson.live for lesson in LessonPage.objects.all())

        nieuw = User.objects.get(email=demo_email("nieuw"))
        task = next(
            t for t in learning_tasks(user=nieuw, today=DEMO_TODAY) if t.module == onboarding
        )
        assert task.mandatory and task.due == nieuw.start_date + timedelta(days=30)
        veteran = User.objects.get(email=demo_email("medewerker"))
        task = next(
            t for t in learning_tasks(user=veteran, today=DEMO_TODAY) if t.module == onboarding
        )
        assert not task.mandatory
        raadslid = User.objects.get(email=demo_email("raadslid"))
        council_tasks = learning_tasks(user=raadslid, today=DEMO_TODAY)
        assert onboarding not in [task.module for task in council_tasks]
        assert len(council_tasks) == 4 and not any(task.mandatory for task in council_tasks)

    def test_demo_ships_a_final_quiz_with_a_question_bank_on_every_theme(self):
        quiz = ModulePage.objects.get(title="Ondermijning herkennen en melden").final_quiz
        assert quiz is not None and quiz.pass_mark == 70
        assert (quiz.max_attempts, quiz.retry_wait_minutes) == (3, 30)
        assert quiz.review_after_fail == ReviewLevel.THEMES
        assert quiz.review_after_last == quiz.review_after_pass == ReviewLevel.FULL
        bank = Question.objects.filter(is_active=True, pools__name="Onboarding")
        assert bank.count() >= 60
        assert bank.filter(kind=QuestionKind.SCENARIO).count() >= 8
        assert set(bank.values_list("theme", flat=True)) == set(Theme.values)
        for seed in range(5):
            drawn = draw_questions(quiz=quiz, rng=random.Random(seed))
            assert len(drawn) == 15 and len({q.pk for q in drawn}) == 15
            assert set(Counter(q.theme for q in drawn)) == set(Theme.values)

    def test_demo_colleagues_cannot_log_in_and_fill_the_reports(self):
        colleagues = User.objects.filter(email__startswith="collega")
        assert colleagues.count() == 18
        assert not any(user.has_usable_password() for user in colleagues)
        rows = department_rows(
            scope=ReportScope(everybody=True, department_ids=frozenset()), today=DEMO_TODAY
        )
        assert sum(row.completed for row in rows) > 0
        assert sum(row.people for row in rows) > sum(row.completed for row in rows)

    def test_demo_has_two_hundred_employees_with_a_realistic_spread(self):
        staff = User.objects.filter(
            email__startswith="medewerker", personnel_number__startswith="5"
        )
        assert staff.count() == 200
        assert staff.values("department").distinct().count() >= 10
        assert not any(user.has_usable_password() for user in staff)
        statuses = {
            row.task.status
            for row in person_tasks(
                scope=ReportScope(everybody=True, department_ids=frozenset()), today=DEMO_TODAY
            )
            if row.email.startswith("medewerker")
        }
        assert {TaskStatus.COMPLETED, TaskStatus.OVERDUE, TaskStatus.NOT_STARTED} <= statuses
        attended = Registration.objects.filter(user__in=staff, attended_at__isnull=False).count()
        assert 30 < attended < 120
        assert all(
            department.managers.exists()
            for department in Department.objects.exclude(name="Griffie")
        )


@pytest.mark.usefixtures("demo_of_today")
class TestTheDemoOfToday:
    def test_demo_has_upcoming_sessions_one_nearly_full_and_past_ones_with_attendance(self):
        now = timezone.now()
        # The awareness sessions; the casustafel and the council's sessions are in test_teamwork.
        awareness = SessionPage.objects.filter(kind=SessionKind.BEWUSTWORDING)
        upcoming = awareness.filter(starts_at__gt=now)
        past = awareness.filter(ends_at__lt=now)
        assert upcoming.count() == 3 and past.count() == 2
        nearly_full = [
            s
            for s in upcoming
            if s.capacity - s.registrations.filter(status="registered").count() == 1
        ]
        assert len(nearly_full) == 1
        for session in past:
            assert (
                Registration.objects.filter(session=session, attended_at__isnull=False).count() > 0
            )

    def test_the_past_sessions_are_history_written_through_the_services(self):
        """Registered weeks before the session (within its places), attendance ticked by the
        kernteam at the start."""
        kernteam = User.objects.get(email=demo_email("kernteam"))
        past = SessionPage.objects.filter(ends_at__lt=timezone.now())
        assert past.count() == 2
        for session in past:
            registrations = session.registrations.all()
            assert registrations.count() <= session.capacity
            assert not registrations.exclude(status=RegistrationStatus.REGISTERED).exists()
            assert all(r.created_at < session.starts_at for r in registrations)
            attended = registrations.filter(attended_at__isnull=False)
            assert set(attended.values_list("attended_at", flat=True)) == {session.starts_at}
            assert set(attended.values_list("attendance_recorded_by", flat=True)) == {kernteam.pk}
