"""Where a quiz flow's CPU goes: the six steps of the load benchmark in-process, per step the
median CPU time and the queries, optionally a cProfile per step.

Runs against the load benchmark's database (build it first with ``run.py``; this removes the
attempts of the people it uses and replays their flow), under the production settings:

    .venv/bin/python benchmarks/load/profile_flow.py --people 40 [--profile "5 submit (POST)"]
"""

from __future__ import annotations

import argparse
import cProfile
import html
import json
import os
import pstats
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[2])]

from benchmarks.load.run import ROOT, STEPS, django_env  # noqa: E402

LEGEND_RE = re.compile(r'<legend class="question__text">(.*?)</legend>', re.S)
LABEL_RE = re.compile(r'<label for="(q\d+)-([0-9a-f]+)">(.*?)</label>', re.S)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=40)
    parser.add_argument("--db", default="h_load")
    parser.add_argument("--redis-db", type=int, default=12)
    parser.add_argument("--conn-max-age", type=int, default=600)
    parser.add_argument("--plan", default="/tmp/h_load/plan.json")  # noqa: S108
    parser.add_argument("--profile", default="", help="a step's name: print its cProfile")
    parser.add_argument("--queries", default="", help="a step's name: print its SQL")
    args = parser.parse_args()
    os.environ.update(django_env(args))
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1"
    sys.path[:0] = [str(ROOT / "site")]
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from benchmarks.load.run import reset_attempts

    plan = json.loads(Path(args.plan).read_text())
    people = plan["people"][-args.people :]
    reset_attempts({"people": people})
    cpu, queries = defaultdict(list), defaultdict(list)
    profiles = {name: cProfile.Profile() for name in STEPS}
    sql: list[str] = []
    # One client: a new one builds a new handler (WhiteNoise scans the static files again).
    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    for index, person in enumerate(people):
        client.cookies.clear()
        client.cookies[settings.SESSION_COOKIE_NAME] = person["session_key"]

        def step(name, method, url, data=None, expect=200, client=client, index=index):
            profile = profiles[name] if index > 2 and args.profile == name else None
            with CaptureQueriesContext(connection) as captured:
                started = time.process_time()
                if profile:
                    profile.enable()
                response = getattr(client, method)(url, data=data or {}, secure=True)
                if profile:
                    profile.disable()
                spent = time.process_time() - started
            assert response.status_code == expect, (name, response.status_code)
            if index > 2:  # the first few warm the caches of this process
                cpu[name].append(spent)
                queries[name].append(len(captured.captured_queries))
                if args.queries == name and index == len(people) - 1:
                    sql.extend(q["sql"] for q in captured.captured_queries)
            return response

        step(STEPS[0], "get", "/mijn-leeromgeving/")
        step(STEPS[1], "get", plan["module_url"])
        start = step(STEPS[2], "post", f"/module/{plan['module_id']}/toets/", expect=302)
        attempt_url = start["Location"]
        form = step(STEPS[3], "get", attempt_url)
        page = form.content.decode()
        legends = [html.unescape(t.strip()) for t in LEGEND_RE.findall(page)]
        options: dict[str, list] = {}
        for name, key, label in LABEL_RE.findall(page):
            options.setdefault(name, []).append((key, html.unescape(label.strip())))
        data = {"action": "submit"}
        for legend, (name, choices) in zip(legends, options.items(), strict=True):
            right = set(plan["correct"][legend])
            data[name] = [key for key, label in choices if label in right]
        done = step(STEPS[4], "post", attempt_url, data=data, expect=302)
        step(STEPS[5], "get", done["Location"])
    total = 0.0
    print(f"{'step':<24}{'CPU ms (median)':>16}{'queries':>9}")
    for name in STEPS:
        median = statistics.median(cpu[name]) * 1000
        total += median
        print(f"{name:<24}{median:>16.1f}{statistics.median(queries[name]):>9.0f}")
    print(f"{'flow':<24}{total:>16.1f}")
    if args.profile:
        pstats.Stats(profiles[args.profile]).sort_stats("cumulative").print_stats(45)
    for line in sql:
        print(line[:300])


if __name__ == "__main__":
    main()
