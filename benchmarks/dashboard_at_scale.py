"""Every dashboard at 5,000 and 50,000 employees, for the kernteam (everybody) and a manager
(one department of 40): the page as served (view and template, called directly, so login and
MFA are left out), its CSV export, the month dashboard for one department, and the yearly
overview "Weerbaarheid in cijfers" (page and PDF).

Builds each size in a throw-away test database (emptied between sizes) with the data of
``reports_at_scale.py`` (40 departments, two mandatory modules, the yearly session
requirement), rebuilds the task-status summary (timed), then prints the median of each read.
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

from benchmarks.reports_at_scale import (  # noqa: E402
    bench_users,
    build,
    log,
    rebuild_summary,
    time_page,
)


def measure(people: int) -> None:
    from modules.reporting.admin_views import (
        DepartmentOverviewReport,
        MonthOverviewReport,
        ThemeKnowledgeReport,
        YearlyOverviewView,
    )

    start = time.perf_counter()
    build(people)
    log.info(
        "%s: built %s people in %.1f s", connection.vendor, people, time.perf_counter() - start
    )
    rebuild_summary()
    admin, manager, department = bench_users()
    one = {"afdeling": str(department.pk)}
    pages = [
        ("dashboard per department", DepartmentOverviewReport, "/admin/rapportages/dashboard/"),
        ("dashboard per month", MonthOverviewReport, "/admin/rapportages/dashboard-per-maand/"),
        ("knowledge per theme", ThemeKnowledgeReport, "/admin/rapportages/dashboard-kennis/"),
    ]
    for who, user in (("everybody", admin), ("manager", manager)):
        for label, view_class, url in pages:
            time_page(f"{label} ({who}, {people})", view_class, user, url)
        time_page(
            f"dashboard per department CSV ({who}, {people})",
            DepartmentOverviewReport,
            user,
            "/",
            {"export": "csv"},
        )
        time_page(
            f"dashboard per month, one department ({who}, {people})",
            MonthOverviewReport,
            user,
            "/",
            one,
        )
    time_page(f"yearly overview ({people})", YearlyOverviewView, admin, "/", None)
    time_page(f"yearly overview PDF ({people})", YearlyOverviewView, admin, "/", {"formaat": "pdf"})


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
