"""Load benchmark: the yearly quiz at the peak, under the production settings, on this machine.

    .venv/bin/python benchmarks/load/run.py --people 3000 --arrival 60 --workers 3

Creates its own PostgreSQL database (``h_load``; ``--reuse`` keeps it and only removes the
attempts of an earlier run), migrates, builds the people (:mod:`benchmarks.load.build`), starts
gunicorn with ``config.settings.production`` on loopback (``--nodes 2``: two instances behind
haproxy, and one of them is stopped with SIGTERM in the middle), runs locust headless
(:mod:`benchmarks.load.locustfile`) with the people arriving evenly within ``--arrival``
seconds, each running the flow once, and prints per step the requests, failures and
p50/p95/p99, and the CPU the gunicorn workers, PostgreSQL and locust used (from ``/proc``),
worker RSS, and the machine's load. Afterwards it checks in the database that every person whose
flow finished has exactly one attempt and that no round has two.

Needs locust (``pip install locust==2.47.0``, the ``bench`` extra), gunicorn, PostgreSQL on
127.0.0.1:5432 (user postgres), Redis on 127.0.0.1:6379 (db 12 is the benchmark's own and is
flushed) and, for ``--nodes 2``, haproxy (Debian's package).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
TICK = os.sysconf("SC_CLK_TCK")
STEPS = (
    "1 mijn leeromgeving",
    "2 module page",
    "3 start quiz (POST)",
    "4 question page",
    "5 submit (POST)",
    "6 result page",
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--arrival", type=float, default=60, help="seconds in which all arrive")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers per node")
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=1, help="threads per gthread worker")
    parser.add_argument("--conn-max-age", type=int, default=0, help="DATABASE_CONN_MAX_AGE")
    parser.add_argument("--nodes", type=int, default=1, choices=[1, 2])
    parser.add_argument(
        "--stop-node-after", type=float, default=None, help="--nodes 2: seconds (default half)"
    )
    parser.add_argument("--db", default="h_load")
    parser.add_argument("--redis-db", type=int, default=12)
    parser.add_argument("--port", type=int, default=8810)
    parser.add_argument("--reuse", action="store_true", help="keep the built database")
    parser.add_argument("--tail", type=float, default=90, help="seconds allowed after arrival")
    parser.add_argument("--warmup", type=int, default=30, help="flows before measuring")
    parser.add_argument("--password-logins", type=int, default=0, help="time N password logins")
    parser.add_argument(
        "--out", default=str(Path(tempfile.gettempdir()) / "h_load"), help="plan, logs, csv"
    )
    args = parser.parse_args()
    if args.db in ("weerbaar", "test_weerbaar"):
        parser.error("never the CI database")
    return args


def django_env(args: argparse.Namespace) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "load-benchmark-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.db}",
        "DATABASE_CONN_MAX_AGE": str(args.conn_max_age),
        "REDIS_URL": f"redis://127.0.0.1:6379/{args.redis_db}",
        "CACHE_KEY_PREFIX": "load",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "PYTHONPATH": f"{ROOT / 'site'}:{ROOT}",
    }


# ---------------------------------------------------------------------------------------------
# Database and data
# ---------------------------------------------------------------------------------------------


def create_database(name: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{name}"')


def database_exists(name: str) -> bool:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        return (
            c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None
        )


def flush_redis(db: int) -> None:
    redis_cli = shutil.which("redis-cli") or "/usr/bin/redis-cli"
    subprocess.run([redis_cli, "-n", str(db), "FLUSHDB"], check=True, capture_output=True)  # noqa: S603


def prepare(args: argparse.Namespace, out: Path) -> dict:
    """The plan for locust: built now, or (``--reuse``) the one of the earlier build with that
    run's attempts removed."""
    plan_file = out / "plan.json"
    reuse = args.reuse and plan_file.exists() and database_exists(args.db)
    if not reuse:
        create_database(args.db)
        flush_redis(args.redis_db)
    os.environ.update(django_env(args))
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    import django

    django.setup()
    import logging

    logging.disable(logging.INFO)  # page-created and revision lines, thousands of them
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if not (reuse and (ROOT / "static_collected" / "staticfiles.json").exists()):
        call_command("collectstatic", verbosity=0, interactive=False)
    if reuse:
        plan = json.loads(plan_file.read_text())
        if len(plan["people"]) < args.people + args.warmup:
            sys.exit(f"--reuse: the database holds {len(plan['people'])} people; build anew")
        reset_attempts(plan)
        return plan
    from benchmarks.load.build import build

    plan = build(people=args.people + args.warmup).as_json()
    plan_file.write_text(json.dumps(plan))
    return plan


def reset_attempts(plan: dict) -> None:
    """Back to "lessons done, quiz not taken" for everybody (a rerun on the same data)."""
    from django.db import transaction

    from core.changes import people_changed
    from modules.learning.models import Certificate, Enrolment, ProgressEvent
    from quizzes.models import Attempt

    ids = [person["user_id"] for person in plan["people"]]
    with transaction.atomic():
        Attempt.objects.filter(user_id__in=ids).delete()
        Certificate.objects.filter(enrolment__user_id__in=ids).delete()
        ProgressEvent.objects.filter(
            enrolment__user_id__in=ids, kind=ProgressEvent.Kind.MODULE_COMPLETED
        ).delete()
        Enrolment.objects.filter(user_id__in=ids).update(
            status="in_progress",
            progress=86,
            completed_at=None,
            completed_version=None,
            expires_on=None,
        )
        people_changed(user_ids=ids, reason="attempt")


def plan_people_ids(plan: dict) -> list[int]:
    return [person["user_id"] for person in plan["people"]]


def check_database(plan: dict, outcome: dict) -> dict:
    """Every finished flow has exactly one attempt (submitted, passed); no round has two."""
    from django.db.models import Count

    from quizzes.models import Attempt

    ids = [p["user_id"] for p in plan["people"]]
    per_user = dict(
        Attempt.objects.filter(user_id__in=ids)
        .values("user_id")
        .annotate(n=Count("pk"))
        .values_list("user_id", "n")
    )
    submitted = set(
        Attempt.objects.filter(user_id__in=ids, status="submitted", passed=True).values_list(
            "user_id", flat=True
        )
    )
    finished = [int(pk) for pk, o in outcome.items() if o["finished"]]
    return {
        "finished flows": len(finished),
        "flows not finished in time": len(plan_people_ids(plan)) - len(finished),
        "finished without exactly one attempt": sum(1 for pk in finished if per_user.get(pk) != 1),
        "finished but not passed in the db": sum(1 for pk in finished if pk not in submitted),
        "people with two or more attempts": sum(1 for n in per_user.values() if n > 1),
        "failed requests in finished flows": sum(
            o["failed"] for o in outcome.values() if o["finished"]
        ),
    }


# ---------------------------------------------------------------------------------------------
# Processes and /proc
# ---------------------------------------------------------------------------------------------


def cpu_seconds(pid: int, children_reaped: bool = False) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    if children_reaped:
        ticks += int(fields[13]) + int(fields[14])  # cutime, cstime
    return ticks / TICK


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def postgres_cpu() -> float:
    """Every PostgreSQL process, plus the exited backends the postmaster reaped (their time is
    in its cutime). Other databases' work on this server counts too."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        if comm not in ("postgres", "postmaster"):
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parent_comm = ""
        try:
            parent = Path(f"/proc/{ppid}/stat").read_text()
            parent_comm = parent[parent.index("(") + 1 : parent.rindex(")")]
        except FileNotFoundError:
            pass
        total += cpu_seconds(int(entry.name), children_reaped=parent_comm not in ("postgres",))
    return total


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    total = sum(values[:8])
    return (total - idle) / TICK, total / TICK


class Node:
    """One gunicorn instance on loopback."""

    def __init__(self, args, port: int, out: Path, name: str):
        self.port, self.name = port, name
        command = [
            str(VENV_BIN / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--worker-class",
            args.worker_class,
            "--threads",
            str(args.threads),
            "--graceful-timeout",
            "30",
            "--timeout",
            "120",
            "--error-logfile",
            str(out / f"{name}.log"),
        ]
        env = {**os.environ, **django_env(args)}
        self.process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(
                    urllib.request.Request(
                        f"http://127.0.0.1:{self.port}/healthz",
                        headers={"X-Forwarded-Proto": "https"},
                    ),
                    timeout=5,
                ) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise SystemExit(f"{self.name} did not answer /healthz")

    def workers(self) -> list[int]:
        return children(self.process.pid)

    def cpu(self) -> dict[int, float]:
        return {pid: cpu_seconds(pid) for pid in self.workers()}

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()


HAPROXY = """\
global
    maxconn 4000
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    timeout queue 60s
    # Health checks wait behind busy sync workers too: a slow answer is not a dead node.
    timeout check 10s
    # A node going away: connection refused or closed before an answer. The request is sent
    # again, to another node (redispatch); the quiz's start and submit are safe to repeat.
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response 503
frontend web
    bind 127.0.0.1:{port}
    default_backend nodes
backend nodes
    balance leastconn
    option httpchk
    {check}
    http-check expect status 200
    # A refused connection marks the node down at once (a leastconn balancer would otherwise
    # keep sending the retries to the node that refuses them fastest).
    default-server {server_options}
{servers}
"""


SERVER_OPTIONS = (
    "inter 2s fall 3 rise 2 maxconn {maxconn} observe layer4 error-limit 1 on-error mark-down"
)
CHECK = (
    "http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host 127.0.0.1 "
    "hdr X-Forwarded-Proto https"
)


def start_haproxy(args, port: int, nodes: list[Node], out: Path) -> subprocess.Popen:
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    servers = "\n".join(f"    server {n.name} 127.0.0.1:{n.port} check" for n in nodes)
    config = out / "haproxy.cfg"
    config.write_text(
        HAPROXY.format(
            check=CHECK,
            server_options=SERVER_OPTIONS.format(maxconn=args.workers * args.threads),
            port=port,
            maxconn=args.workers * args.threads,
            servers=servers,
        )
    )
    process = subprocess.Popen(  # noqa: S603
        [haproxy, "-f", str(config), "-db"],
        stdout=(out / "haproxy.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    time.sleep(1.5)
    if process.poll() is not None:
        raise SystemExit(f"haproxy did not start: {(out / 'haproxy.log').read_text()}")
    return process


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------


def run_locust(
    *,
    host: str,
    people: int,
    arrival: float,
    run_time: float,
    plan_file: Path,
    outcome_file: Path,
    csv_prefix: Path,
) -> tuple[subprocess.Popen, float]:
    env = {**os.environ, "LOAD_PLAN": str(plan_file), "LOAD_OUTCOME": str(outcome_file)}
    rate = max(1.0, people / max(arrival, 0.001))
    command = [
        str(VENV_BIN / "locust"),
        "-f",
        str(Path(__file__).with_name("locustfile.py")),
        "--headless",
        "--host",
        host,
        "--users",
        str(people),
        "--spawn-rate",
        f"{rate:.3f}",
        "--run-time",
        f"{int(run_time)}s",
        "--csv",
        str(csv_prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--exit-code-on-error",
        "0",
    ]
    log = (csv_prefix.parent / f"{csv_prefix.name}_locust.log").open("w")
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    return process, rate


def read_stats(csv_prefix: Path) -> dict[str, dict]:
    rows = {}
    with open(f"{csv_prefix}_stats.csv") as handle:
        for row in csv.DictReader(handle):
            rows[row["Name"] if row["Type"] != "CHECK" else "check: " + row["Name"]] = row
    return rows


def write_plan(plan: dict, people: list[dict], path: Path) -> Path:
    path.write_text(json.dumps({**plan, "people": people}))
    return path


def main() -> None:
    args = parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    plan = prepare(args, out)
    warm_people, people = (
        plan["people"][: args.warmup],
        plan["people"][args.warmup :][: args.people],
    )

    nodes = [Node(args, args.port + 1 + n, out, f"node{n + 1}") for n in range(args.nodes)]
    haproxy = None
    try:
        for node in nodes:
            node.wait_ready()
        host = f"http://127.0.0.1:{nodes[0].port}"
        if args.nodes > 1:
            haproxy = start_haproxy(args, args.port, nodes, out)
            host = f"http://127.0.0.1:{args.port}"
        if warm_people:
            warm, _rate = run_locust(
                host=host,
                people=len(warm_people),
                arrival=3,
                run_time=60,
                plan_file=write_plan(plan, warm_people, out / "warm.json"),
                outcome_file=out / "warm_outcome.json",
                csv_prefix=out / "warm",
            )
            warm.wait()

        cpu_before = {n.name: n.cpu() for n in nodes}
        pg_before, machine_before = postgres_cpu(), machine_cpu()
        started = time.time()
        locust, rate = run_locust(
            host=host,
            people=len(people),
            arrival=args.arrival,
            run_time=args.arrival + args.tail,
            plan_file=write_plan(plan, people, out / "run.json"),
            outcome_file=out / "outcome.json",
            csv_prefix=out / "run",
        )
        stopped_node = None
        if args.nodes > 1:
            stop_after = (
                args.stop_node_after if args.stop_node_after is not None else args.arrival / 2
            )

            def stop_one() -> None:
                time.sleep(stop_after)
                if locust.poll() is None:
                    nonlocal_cpu["node1"] = nodes[0].cpu()
                    nodes[0].stop()  # SIGTERM: gunicorn finishes the requests it holds

            nonlocal_cpu: dict[str, dict] = {}
            stopper = threading.Thread(target=stop_one, daemon=True)
            stopper.start()
            stopped_node = nodes[0].name
        locust_cpu = 0.0
        rss: dict[int, float] = {}
        while locust.poll() is None:
            locust_cpu = max(locust_cpu, cpu_seconds(locust.pid))
            for node in nodes:
                for pid in node.workers():
                    rss[pid] = max(rss.get(pid, 0.0), rss_mb(pid))
            time.sleep(0.5)
        elapsed = time.time() - started
        pg_after, machine_after = postgres_cpu(), machine_cpu()
        worker_cpu = 0.0
        for node in nodes:
            after = node.cpu() if node.name != stopped_node else nonlocal_cpu.get(node.name, {})
            worker_cpu += sum(t - cpu_before[node.name].get(pid, 0.0) for pid, t in after.items())
    finally:
        if haproxy is not None:
            haproxy.terminate()
            haproxy.wait()
        for node in nodes:
            node.stop()

    outcome = json.loads((out / "outcome.json").read_text())
    stats = read_stats(out / "run")
    checks = check_database({"people": people}, outcome)
    report(
        args,
        stats,
        checks,
        outcome,
        elapsed=elapsed,
        rate=rate,
        worker_cpu=worker_cpu,
        pg_cpu=pg_after - pg_before,
        locust_cpu=locust_cpu,
        rss=rss,
        machine=(machine_after[0] - machine_before[0], machine_after[1] - machine_before[1]),
        load_before=load_before,
        stopped=stopped_node,
    )
    if args.password_logins:
        print("(password logins are not measured by this run)")


def report(
    args,
    stats,
    checks,
    outcome,
    *,
    elapsed,
    rate,
    worker_cpu,
    pg_cpu,
    locust_cpu,
    rss,
    machine,
    load_before,
    stopped,
) -> None:
    finished = checks["finished flows"]
    total = stats.get("Aggregated", {})
    times = [(o.get("t1", 0) - o.get("t0", 0)) for o in outcome.values() if o["finished"]]
    print()
    print(
        f"{args.people} people arriving within {args.arrival:.0f} s ({rate:.1f}/s); "
        f"{args.nodes} node(s) x {args.workers} {args.worker_class} workers"
        f"{f' x {args.threads} threads' if args.worker_class == 'gthread' else ''}; "
        f"DATABASE_CONN_MAX_AGE={args.conn_max_age}"
        + (
            f"; {stopped} stopped (SIGTERM) after {args.stop_node_after or args.arrival / 2:.0f} s"
            if stopped
            else ""
        )
    )
    print(f"{'step':<24}{'requests':>9}{'fails':>7}{'p50':>7}{'p95':>7}{'p99':>7}{'max':>8}  ms")
    for name in [*STEPS, *sorted(k for k in stats if k.startswith("check: ")), "Aggregated"]:
        row = stats.get(name)
        if row is None:
            continue
        print(
            f"{name[:24]:<24}{row['Request Count']:>9}{row['Failure Count']:>7}{row['50%']:>7}"
            f"{row['95%']:>7}{row['99%']:>7}{float(row['Max Response Time']):>8.0f}"
        )
    requests = int(total.get("Request Count", 0) or 0)
    print(f"requests/s over the run: {requests / elapsed:.1f} ({requests} in {elapsed:.1f} s)")
    if times:
        times.sort()
        print(
            f"flow duration (6 requests): p50 {times[len(times) // 2] * 1000:.0f} ms, "
            f"p95 {times[int(len(times) * 0.95)] * 1000:.0f} ms"
        )

    def per_flow(cpu: float) -> str:
        return f"{cpu / finished * 1000:.1f} ms" if finished else "-"

    print(
        f"CPU per finished flow: gunicorn workers {per_flow(worker_cpu)}, PostgreSQL "
        f"{per_flow(pg_cpu)}, locust {per_flow(locust_cpu)} "
        f"(totals {worker_cpu:.1f} / {pg_cpu:.1f} / {locust_cpu:.1f} CPU-s)"
    )
    busy, _spent = machine
    print(
        f"machine: {busy / max(elapsed, 0.001):.2f} of {os.cpu_count()} cores busy during the run "
        f"(load average before {load_before[0]:.2f}); worker RSS max "
        f"{max(rss.values(), default=0):.0f} MB, sum {sum(rss.values()):.0f} MB"
    )
    for key, value in checks.items():
        print(f"  {key}: {value}")
    ok = (
        checks["finished flows"] == args.people
        and all(checks[k] == 0 for k in checks if k != "finished flows")
        and int(total.get("Failure Count", 1) or 0) == 0
        and all(float(stats[s]["95%"]) < 500 for s in STEPS if s in stats)
    )
    print("RESULT:", "PASS (0 errors, p95 < 500 ms every step, every flow once)" if ok else "FAIL")


if __name__ == "__main__":
    main()
