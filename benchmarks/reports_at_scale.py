"""Reports, the dashboard, search and the weekly digest at the municipality's scale: 3,000
employees in 40 departments, 39 council members and 50 trends.

Builds the data in a test database (created and destroyed here), then times each read a few
times and prints the median. Run with ``--people N`` to try other sizes.
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
    log.info("%-45s %8.1f ms", label, statistics.median(durations) * 1000)


def rolled_back(write, **kwargs) -> None:
    """Time a write without keeping it, so every repetition does the same work."""
    from django.db import transaction

    with transaction.atomic():
        write(**kwargs)
        transaction.set_rollback(True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=3000)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        start = time.perf_counter()
        build(args.people)
        built = time.perf_counter() - start
        log.info("%s: built %s people in %.1f s", connection.vendor, args.people, built)

        from accounts.models import User
        from accounts.selectors import ReportScope
        from modules.council.selectors import council_counts_at
        from modules.learning.selectors import learning_tasks
        from modules.reporting.attendance import department_attendance, session_rows
        from modules.reporting.reports import department_rows, person_tasks
        from modules.trends.services import digest_send
        from portal.search import search

        everybody = ReportScope(everybody=True, department_ids=frozenset())
        one_department = ReportScope(everybody=False, department_ids=frozenset({1}))
        today, now = timezone.localdate(), timezone.now()
        someone = User.objects.order_by("pk").first()
        timed("person_tasks (everybody)", lambda: person_tasks(scope=everybody, today=today))
        timed("department_rows (everybody)", lambda: department_rows(scope=everybody, today=today))
        timed(
            "person_tasks (one department)", lambda: person_tasks(scope=one_department, today=today)
        )
        timed(
            "department_attendance (everybody)",
            lambda: department_attendance(scope=everybody, now=now),
        )
        timed("session_rows", session_rows)
        timed("learning_tasks (one person)", lambda: learning_tasks(user=someone, today=today))
        timed(
            "search (one person)", lambda: search(user=someone, query="autohandel", page_number=1)
        )
        timed("council_counts_at (a quarter's end)", lambda: council_counts_at(moment=now))
        timed("digest_send (everybody, rolled back)", lambda: rolled_back(digest_send, today=today))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
