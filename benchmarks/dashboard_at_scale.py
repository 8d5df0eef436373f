"""The dashboard per department at 5,000 and 50,000 employees: the rows and the rendered page.

Builds each size in a throw-away test database (emptied between sizes) (the same data as
``reports_at_scale.py``: 40 departments, two mandatory modules, the yearly session
requirement), then times the dashboard's rows and the whole admin page (view and template,
called directly, so login and MFA are left out) and prints the median.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.reports_at_scale import build, log, timed  # noqa: E402


def render_dashboard(user) -> int:
    from django.test import RequestFactory

    from modules.reporting.admin_views import DepartmentOverviewReport

    request = RequestFactory().get("/admin/rapportages/dashboard/")
    request.user = user
    response = DepartmentOverviewReport.as_view()(request)
    response.render()
    return len(response.content)


def measure(people: int) -> None:
    from accounts.models import User
    from accounts.selectors import ReportScope
    from modules.reporting.dashboard import department_overview

    start = time.perf_counter()
    build(people)
    log.info(
        "%s: built %s people in %.1f s", connection.vendor, people, time.perf_counter() - start
    )
    everybody = ReportScope(everybody=True, department_ids=frozenset())
    admin = User.objects.create_superuser(email="bench-admin@weerbaar.test")
    today, now = timezone.localdate(), timezone.now()
    timed(
        f"department_overview ({people})",
        lambda: department_overview(scope=everybody, today=today, now=now),
        repeat=3,
    )
    timed(f"dashboard page render ({people})", lambda: render_dashboard(admin), repeat=3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 50000])
    args = parser.parse_args()
    from django.core.management import call_command

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        for people in args.sizes:
            call_command("flush", interactive=False, verbosity=0)  # each size starts empty
            measure(people)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
