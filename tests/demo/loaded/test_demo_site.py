"""What the demo builds: accounts and roles, the site and its reporting routes, the onboarding
module and its quiz, the colleagues and staff behind the reports, and the awareness sessions
around the day it was loaded (the shared demo of this package, ``conftest.demo_today``)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.utils import timezone
from wagtail.models import Site

from accounts.models import Department, User
from accounts.roles import Role
from accounts.selectors import ReportScope
from demo.content.history import HISTORY_SESSIONS
from demo.content.sessions import DEMO_SESSIONS
from demo.loader import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_email
from home.models import HomePage, ReportingPage, ReportingRoutes
from modules.awareness.models import Registration, RegistrationStatus, SessionKind, SessionPage
from modules.learning.models import LessonPage, ModulePage
from modules.learning.rules import TaskStatus
from modules.learning.selectors import learning_tasks, module_lessons
from modules.reporting.reports import department_rows, person_tasks
from quizzes.models import Question, QuestionKind, ReviewLevel, Theme
from quizzes.services import draw_questions

pytestmark = pytest.mark.django_db

EVERYBODY = ReportScope(everybody=True, department_ids=frozenset())


def noon(day: date) -> datetime:
    """A moment on the demo's day: no demo session starts or ends on it (they lie days away),
    so "now" on that day splits them into past and upcoming, whatever the clock says."""
    return datetime.combine(day, time(12, 0), timezone.get_current_timezone())


def test_demo_accounts_have_their_roles_and_password(demo_today):
    for account in DEMO_ACCOUNTS:
        user = User.objects.get(email=demo_email(account.local_part))
        assert user.check_password(DEMO_PASSWORD)
        assert user.roles == set(account.roles)
        has_totp = Authenticator.objects.filter(user=user, type="totp").exists()
        assert has_totp is account.totp
    nieuw = User.objects.get(email=demo_email("nieuw"))
    assert nieuw.start_date == demo_today - timedelta(days=10)
    assert nieuw.is_new_employee(demo_today)
    assert not User.objects.get(email=demo_email("medewerker")).is_new_employee(demo_today)
    manager = User.objects.get(email=demo_email("leidinggevende"))
    assert manager.managed_departments.count() == 2
    assert User.objects.get(email=demo_email("kernteam")).has_role(Role.KERNTEAM)


def test_demo_site_has_home_reporting_page_and_routes():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert ReportingPage.objects.live().child_of(site.root_page).count() == 1
    routes = ReportingRoutes.load()
    assert routes.kernteam_email
    # One example contact person per department (demo.teamwork_steps).
    assert routes.department_contacts.count() == Department.objects.count()
    assert Department.objects.count() >= 10


def test_demo_ships_the_onboarding_module_mandatory_for_new_employees(demo_today):
    onboarding = ModulePage.objects.get(title="Ondermijning herkennen en melden")
    lessons = module_lessons(module=onboarding)
    assert len(lessons) >= 6
    blocks = [block.block_type for lesson in lessons for block in lesson.body]
    assert blocks.count("dilemma") >= 4
    assert "signal" in blocks and "report_it" in blocks and "takeaways" in blocks
    assert all(lesson.live for lesson in LessonPage.objects.all())

    nieuw = User.objects.get(email=demo_email("nieuw"))
    task = next(t for t in learning_tasks(user=nieuw, today=demo_today) if t.module == onboarding)
    assert task.mandatory and task.due == nieuw.start_date + timedelta(days=30)
    veteran = User.objects.get(email=demo_email("medewerker"))
    task = next(t for t in learning_tasks(user=veteran, today=demo_today) if t.module == onboarding)
    assert not task.mandatory
    raadslid = User.objects.get(email=demo_email("raadslid"))
    council_tasks = learning_tasks(user=raadslid, today=demo_today)
    assert onboarding not in [task.module for task in council_tasks]
    assert len(council_tasks) == 4 and not any(task.mandatory for task in council_tasks)


def test_demo_ships_a_final_quiz_with_a_question_bank_on_every_theme():
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


def test_demo_colleagues_cannot_log_in_and_fill_the_reports(demo_today):
    colleagues = User.objects.filter(email__startswith="collega")
    assert colleagues.count() == 18
    assert not any(user.has_usable_password() for user in colleagues)
    rows = department_rows(scope=EVERYBODY, today=demo_today)
    assert sum(row.completed for row in rows) > 0
    assert sum(row.people for row in rows) > sum(row.completed for row in rows)


def test_demo_has_two_hundred_employees_with_a_realistic_spread(demo_today):
    staff = User.objects.filter(email__startswith="medewerker", personnel_number__startswith="5")
    assert staff.count() == 200
    assert staff.values("department").distinct().count() >= 10
    assert not any(user.has_usable_password() for user in staff)
    statuses = {
        row.task.status
        for row in person_tasks(scope=EVERYBODY, today=demo_today)
        if row.email.startswith("medewerker")
    }
    assert {TaskStatus.COMPLETED, TaskStatus.OVERDUE, TaskStatus.NOT_STARTED} <= statuses
    # About a third came to one of the demo's two recent past sessions (demo.content.sessions);
    # the sessions of the history before them (demo.history_steps) have slugs with their month.
    recent = [plan["template"] for plan in DEMO_SESSIONS if plan["days"] < 0]
    attended = Registration.objects.filter(
        user__in=staff, attended_at__isnull=False, session__slug__in=recent
    ).count()
    assert 30 < attended < 120
    attended_ever = (
        Registration.objects.filter(user__in=staff, attended_at__isnull=False)
        .values("user")
        .distinct()
        .count()
    )
    assert attended < attended_ever < staff.count()
    assert all(
        department.managers.exists() for department in Department.objects.exclude(name="Griffie")
    )


def test_demo_has_upcoming_sessions_one_nearly_full_and_past_ones_with_attendance(demo_today):
    now = noon(demo_today)
    # The awareness sessions; the casustafel and the council's sessions are in test_teamwork.
    awareness = SessionPage.objects.filter(kind=SessionKind.BEWUSTWORDING)
    upcoming = awareness.filter(starts_at__gt=now)
    past = awareness.filter(ends_at__lt=now)
    # Two past sessions of demo.content.sessions and those of the goals' history before them.
    assert upcoming.count() == 3 and past.count() == 2 + len(HISTORY_SESSIONS)
    nearly_full = [
        s for s in upcoming if s.capacity - s.registrations.filter(status="registered").count() == 1
    ]
    assert len(nearly_full) == 1
    for session in past:
        assert Registration.objects.filter(session=session, attended_at__isnull=False).count() > 0


def test_the_past_sessions_are_history_written_through_the_services(demo_today):
    """Registered weeks before the session (within its places), attendance ticked by the
    kernteam at the start."""
    kernteam = User.objects.get(email=demo_email("kernteam"))
    past = SessionPage.objects.filter(ends_at__lt=noon(demo_today))
    assert past.count() == 2 + len(HISTORY_SESSIONS)
    for session in past:
        registrations = session.registrations.all()
        assert registrations.count() <= session.capacity
        assert not registrations.exclude(status=RegistrationStatus.REGISTERED).exists()
        assert all(r.created_at < session.starts_at for r in registrations)
        attended = registrations.filter(attended_at__isnull=False)
        assert set(attended.values_list("attended_at", flat=True)) == {session.starts_at}
        assert set(attended.values_list("attendance_recorded_by", flat=True)) == {kernteam.pk}
