"""The completion and session reports at 50,000 employees in 40 departments (39 council
members, 50 trends), for the kernteam (everybody) and a manager (one department): each admin
page as it is served (view and template, called directly, so login and MFA are left out), the
per-department export, and the selectors behind them; then "Mijn leeromgeving", search, the
griffie's council figures and the weekly digest.

Builds the data in a test database (created and destroyed here), rebuilds the task-status
summary once (timed: the nightly ``rebuild_task_status``), then times each read a few times and
prints the median. ``--people N`` for other sizes. On a tree without the summary (before it
existed) the same pages are timed, so the script measures before and after alike.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from datetime import timedelta

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402


def build(people: int) -> None:
    """The data, written in bulk (no model signals); the summary is rebuilt after it by
    :func:`rebuild_summary`. The few service calls here (audiences, assignments, the
    requirement) would each rebuild the summary at once under the test settings' immediate
    task backend, so the summary's receiver is disconnected while building."""
    try:
        from core.changes import people_changed_signal

        uid = "reporting.receivers:people"
        people_changed_signal.disconnect(dispatch_uid=uid)
    except ImportError:  # a tree before the summary
        people_changed_signal = None
    try:
        _build(people)
    finally:
        if people_changed_signal is not None:
            try:
                from modules.reporting.receivers import _people_changed

                people_changed_signal.connect(_people_changed, weak=False, dispatch_uid=uid)
            except ImportError:
                pass


def rebuild_summary() -> None:
    """The nightly rebuild, timed (absent before the summary existed)."""
    try:
        from modules.reporting.summary import rebuild_all
    except ImportError:
        log.info("(no task-status summary in this tree)")
        return
    start = time.perf_counter()
    rows = rebuild_all()
    log.info("%-52s %8.1f ms (%s rows)", "rebuild_task_status", _ms(start), rows)


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def bench_users():
    """A superuser (the kernteam's scope: everybody) and a leidinggevende of the first
    department (a manager's view: one department of 40)."""
    from accounts.models import Department, User
    from accounts.roles import Role
    from accounts.services import department_set_managers, user_set_roles

    admin = User.objects.create_superuser(email="bench-admin@weerbaar.test")
    manager = User.objects.create_user(email="bench-manager@weerbaar.test")
    user_set_roles(user=manager, roles=[Role.MEDEWERKER, Role.LEIDINGGEVENDE])
    department = Department.objects.order_by("pk").first()
    department_set_managers(department=department, managers=[manager])
    manager = User.objects.get(pk=manager.pk)
    return admin, manager, department


def render(view_class, user, url: str, params: dict | None = None) -> int:
    """One admin page (or export) as served: the view and its template."""
    from django.test import RequestFactory

    request = RequestFactory().get(url, params or {})
    request.user = user
    response = view_class.as_view()(request)
    if hasattr(response, "render"):
        response.render()
    if getattr(response, "streaming", False):
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def time_page(label: str, view_class, user, url: str, params=None, repeat: int = 3) -> None:
    timed(label, lambda: render(view_class, user, url, params), repeat=repeat)


def _build(people: int) -> None:
    from django.contrib.auth.models import Group

    from accounts.models import Department, User
    from accounts.roles import ROLE_GROUP_NAMES, Role
    from accounts.services import audience_create
    from modules.awareness.models import Registration
    from modules.awareness.services import attendance_requirement_set
    from modules.learning.models import Enrolment
    from modules.learning.services import assignment_create
    from tests.factories import a_session, a_trend, module_with_lessons

    today = timezone.localdate()
    departments = Department.objects.bulk_create(
        Department(name=f"Afdeling {n}", code=f"A{n}") for n in range(40)
    )
    users = User.objects.bulk_create(
        User(
            email=f"p{n}@weerbaar.test",
            first_name="Persoon",
            last_name=str(n),
            department=departments[n % 40],
            start_date=today - timedelta(days=n % 900),
        )
        for n in range(people)
    )
    staff = Group.objects.get(name=ROLE_GROUP_NAMES[Role.MEDEWERKER])
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=user.pk, group_id=staff.pk) for user in users
    )
    everybody = audience_create(name="Alle medewerkers", roles=[Role.MEDEWERKER])
    for title in ("Onboarding", "Mensenhandel"):
        module = module_with_lessons(lessons=6, title=title)
        assignment_create(module=module, audience=everybody, due_days_after_start=30)
        Enrolment.objects.bulk_create(
            Enrolment(
                user=user,
                module=module,
                status="completed",
                progress=100,
                completed_at=timezone.now(),
                completed_version=1,
            )
            for user in users[::2]
        )
    attendance_requirement_set(is_active=True, audience=everybody)
    council = Group.objects.get(name=ROLE_GROUP_NAMES[Role.RAADSLID])
    members = User.objects.bulk_create(
        User(email=f"raad{n}@weerbaar.test", first_name="Raadslid", last_name=str(n))
        for n in range(39)
    )
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=member.pk, group_id=council.pk) for member in members
    )
    council_audience = audience_create(name="Raadsleden", roles=[Role.RAADSLID])
    module_with_lessons(lessons=3, title="De raad en ondermijning", audience=council_audience)
    for n in range(50):
        a_trend(
            title=f"Trend {n}",
            audience=everybody if n % 3 else None,
            published_days_ago=n % 10,
            body_text="Opslagboxen, autohandel en witwassen.",
        )
    for n in range(20):
        session = a_session(
            capacity=200,
            starts_at=timezone.now() - timedelta(days=10 * n + 1),
            ends_at=timezone.now() - timedelta(days=10 * n + 1) + timedelta(hours=2),
        )
        Registration.objects.bulk_create(
            Registration(
                session=session, user=user, status="registered", attended_at=session.starts_at
            )
            for user in users[n * 100 : n * 100 + 100]
        )


# Results go to stdout through a logger of their own (the test settings quieten the root one).
log = logging.getLogger("benchmarks")
log.addHandler(logging.StreamHandler(sys.stdout))
log.setLevel(logging.INFO)
log.propagate = False


def timed(label: str, read, repeat: int = 5) -> None:
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        read()
        durations.append(time.perf_counter() - start)
    log.info("%-52s %8.1f ms", label, statistics.median(durations) * 1000)


def rolled_back(write, **kwargs) -> None:
    """Time a write without keeping it, so every repetition does the same work."""
    from django.db import transaction

    with transaction.atomic():
        write(**kwargs)
        transaction.set_rollback(True)


def reports(people: int) -> None:
    from accounts.models import User
    from modules.council.selectors import council_counts_at
    from modules.learning.selectors import learning_tasks
    from modules.reporting.admin_views import (
        DepartmentCompletionReport,
        OverdueReport,
        PeopleCompletionReport,
    )
    from modules.reporting.session_reports import (
        DepartmentAttendanceReport,
        OrganisationWideReport,
        SessionsPerYearReport,
        SessionsReport,
    )
    from modules.trends.services import digest_send
    from portal.search import search

    admin, manager, _department = bench_users()
    today = timezone.localdate()
    pages = [
        ("per department", DepartmentCompletionReport, "/admin/rapportages/per-afdeling/", None),
        ("per department, CSV", DepartmentCompletionReport, "/", {"export": "csv"}),
        ("per person, page 1", PeopleCompletionReport, "/admin/rapportages/per-persoon/", None),
        ("per person, page 50", PeopleCompletionReport, "/", {"p": "50"}),
        ("overdue and expired, page 1", OverdueReport, "/admin/rapportages/te-laat/", None),
        ("sessions", SessionsReport, "/admin/rapportages/sessies/", None),
        ("sessions per year", SessionsPerYearReport, "/admin/rapportages/sessies-per-jaar/", None),
        ("attendance per department", DepartmentAttendanceReport, "/", None),
    ]
    for who, user in (("everybody", admin), ("manager", manager)):
        for label, view_class, url, params in pages:
            if user is manager and issubclass(view_class, OrganisationWideReport):
                continue  # the session reports are the kernteam's
            time_page(f"{label} ({who}, {people})", view_class, user, url, params)
    someone = User.objects.order_by("pk").first()
    timed("learning_tasks (one person)", lambda: learning_tasks(user=someone, today=today))
    timed("search (one person)", lambda: search(user=someone, query="autohandel", page_number=1))
    timed("council_counts_at (a quarter's end)", lambda: council_counts_at(moment=timezone.now()))
    timed("digest_send (everybody, rolled back)", lambda: rolled_back(digest_send, today=today))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=50000)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        start = time.perf_counter()
        build(args.people)
        built = time.perf_counter() - start
        log.info("%s: built %s people in %.1f s", connection.vendor, args.people, built)
        rebuild_summary()
        reports(args.people)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
