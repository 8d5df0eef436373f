"""The staff import at 5,000 people in 40 departments (issue 16: applied in under 30 s).

Builds an HR export of ``--people`` rows (CSV, the columns HR sends: personnel number, names,
email, department by code or name, manager by personnel number or email, start and end date,
role) with a manager per department, and times three nights in a throw-away test database:

1. **first import**: everybody is new (read, dry run, apply);
2. **the same file again**: nothing changes (idempotence: every row compared, nothing written);
3. **a month later**: 5% change department, 2% change name, 2% have an end date in the past,
   2% are no longer in the file and 2% are new.

Each step is the function the admin screen and the ``import_staff`` command call
(``read_rows``, ``plan_import``, ``apply_import``), with the queries each ran. ``--profile``
prints the 25 most expensive functions (cumulative) of every dry run and apply.

    PYTHONPATH=site:. .venv/bin/python benchmarks/staff_import_at_scale.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_ops \\
      PYTHONPATH=site:. .venv/bin/python benchmarks/staff_import_at_scale.py
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import os
import pstats
import random
import time
from datetime import date

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

log = logging.getLogger("bench")
TODAY = date(2026, 11, 25)
DEPARTMENTS = 40
HEADER = (
    "personeelsnummer;voornaam;achternaam;e-mail;afdeling;leidinggevende;startdatum;einddatum;rol"
)


def departments() -> list:
    from accounts.models import Department

    return Department.objects.bulk_create(
        Department(name=f"Afdeling {number:02d}", code=f"AF{number:02d}")
        for number in range(DEPARTMENTS)
    )


def people(count: int) -> list[dict]:
    """Row values per person: the first of each department is its manager (role
    leidinggevende, reporting to the first department's manager); the others report to theirs
    by personnel number or by email, alternately."""
    result = []
    for number in range(count):
        department = number % DEPARTMENTS
        result.append(
            {
                "number": f"{100000 + number}",
                "first": f"Voornaam{number}",
                "last": f"Achternaam{number}",
                "email": f"medewerker{number}@dordrecht.nl",
                "department": f"AF{department:02d}" if number % 3 else f"Afdeling {department:02d}",
                "start": f"{1 + number % 28:02d}-{1 + number % 12:02d}-20{10 + number % 15}",
                "end": "",
                "role": "",
            }
        )
    for department in range(min(DEPARTMENTS, count)):
        result[department]["role"] = "leidinggevende"
    for number, person in enumerate(result):
        manager = result[number % DEPARTMENTS] if number >= DEPARTMENTS else result[0]
        if number == 0:
            person["manager"] = ""
        else:
            person["manager"] = manager["number"] if number % 2 else manager["email"]
    return result


COLUMNS = ("number", "first", "last", "email", "department", "manager", "start", "end", "role")


def csv_of(persons: list[dict]) -> bytes:
    lines = [HEADER] + [";".join(p[column] for column in COLUMNS) for p in persons]
    return ("\n".join(lines) + "\n").encode("utf-8")


def a_month_later(persons: list[dict], seed: int = 16) -> list[dict]:
    """5% move, 2% change name, 2% leave by end date, 2% gone from the file, 2% new. Managers
    (the first DEPARTMENTS rows) stay, so every manager reference still resolves."""
    draw = random.Random(seed)  # noqa: S311 - a repeatable benchmark, not a secret
    changed = [dict(person) for person in persons]
    staff = list(range(DEPARTMENTS, len(changed)))
    draw.shuffle(staff)
    share = len(changed) // 50  # 2%
    movers, renamed = staff[: share * 5 // 2], staff[share * 5 // 2 : share * 7 // 2]
    leavers, gone = (
        staff[share * 7 // 2 : share * 9 // 2],
        set(staff[share * 9 // 2 : share * 11 // 2]),
    )
    for index in movers:
        department = (int(changed[index]["number"]) + 7) % DEPARTMENTS
        changed[index]["department"] = f"AF{department:02d}"
    for index in renamed:
        changed[index]["last"] += "-de Boer"
    for index in leavers:
        changed[index]["end"] = "31-10-2026"
    kept = [person for index, person in enumerate(changed) if index not in gone]
    start = len(persons)
    newcomers = people(start + share)[start:]
    for person in newcomers:
        person["manager"] = persons[int(person["number"]) % DEPARTMENTS]["number"]
        person["role"] = ""
    return kept + newcomers


def timed(label: str, function, *, profile: bool = False):
    from django.db import connection as conn

    profiler = cProfile.Profile() if profile else None
    with CaptureQueriesContext(conn) as queries:
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        result = function()
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - start
    log.info("  %-40s %8.2f s %7d queries", label, seconds, len(queries.captured_queries))
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        log.info("%s", out.getvalue())
    return result


def night(title: str, content: bytes, *, profile: bool = False) -> None:
    from accounts.staff_import import apply_import, plan_import, read_rows

    log.info("%s (%d rows)", title, content.count(b"\n") - 1)
    total = time.perf_counter()
    rows = timed("read_rows (CSV)", lambda: read_rows(content=content, filename="hr.csv"))
    plan = timed(
        "plan_import (dry run)", lambda: plan_import(rows=rows, today=TODAY), profile=profile
    )
    assert plan.is_valid, plan.errors[:5]
    log.info(
        "    plan: %d create, %d update, %d deactivate, %d unchanged",
        len(plan.creates),
        len(plan.updates),
        len(plan.deactivations),
        plan.unchanged,
    )
    timed(
        "apply_import (plans again, writes)",
        lambda: apply_import(rows=rows, today=TODAY, allow_mass_deactivation=True),
        profile=profile,
    )
    log.info("  %-40s %8.2f s", "read + dry run + apply", time.perf_counter() - total)


def measure(count: int, *, profile: bool) -> None:
    from accounts.models import User

    departments()
    persons = people(count)
    first = csv_of(persons)
    night("1. first import", first, profile=profile)
    night("2. the same file again", first, profile=profile)
    night("3. a month later", csv_of(a_month_later(persons)), profile=profile)
    log.info(
        "accounts: %d, active: %d",
        User.objects.count(),
        User.objects.filter(is_active=True).count(),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--profile", action="store_true", help="profile every dry run and apply")
    args = parser.parse_args()
    # The test settings log WARNING and up to the console; this script's lines are INFO.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        log.info(
            "database: %s, load average at start: %.2f %.2f %.2f, %d cores",
            connection.vendor,
            *os.getloadavg(),
            os.cpu_count(),
        )
        reset_queries()
        start = time.perf_counter()
        measure(args.people, profile=args.profile)
        log.info(
            "whole run %.1f s, load average at end: %.2f %.2f %.2f",
            time.perf_counter() - start,
            *os.getloadavg(),
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
