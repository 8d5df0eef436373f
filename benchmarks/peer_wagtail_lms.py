"""Weerbaar's lesson and module pages against wagtail-lms 0.11.1's lesson and course pages, on
the same Python, Django and Wagtail, timed alternately in one run (issue 16, goal 1).

The peer gets its own virtualenv (``benchmarks/.peer-venv/``, ignored by git; made or reused
here) with the Django and Wagtail versions of our ``pyproject.toml`` and ``wagtail-lms==0.11.1``
from PyPI. Two long-lived workers, one per venv (``benchmarks/peer/ours_worker.py`` and
``benchmarks/peer/lms_worker.py``), each build their site once in a throw-away SQLite test
database (DEBUG off, a logged-in learner, six rich-text lessons, half of them done) and then
time N GETs with Django's test client on command. This driver alternates them round by round,
so a busy moment of the machine hits both, and prints the median and p95 per page, the ratio
ours/peer and the queries of one request. A benchmark, not a test: it always exits 0.

    .venv/bin/python benchmarks/peer_wagtail_lms.py [--rounds 10] [--requests 200]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
import tomllib
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PEER = Path(__file__).resolve().parent / "peer"
OURS_PYTHON = REPO / ".venv" / "bin" / "python"
PEER_VENV = Path(__file__).resolve().parent / ".peer-venv"
LMS_VERSION = "0.11.1"
PAGES = (("lesson", "lesson page", "lesson page"), ("module", "module page", "course page"))


def our_pins() -> dict[str, str]:
    """Django's and Wagtail's exact versions from our pyproject.toml."""
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = {}
    for requirement in dependencies:
        name, _, pinned = requirement.partition("==")
        if name.lower() in ("django", "wagtail"):
            pins[name.lower()] = pinned
    return pins


def peer_versions(python: Path) -> dict[str, str] | None:
    """The versions installed in the peer venv, or None when something is missing."""
    script = (
        "import json; from importlib.metadata import version; "
        "print(json.dumps({n: version(n) for n in ('django', 'wagtail', 'wagtail-lms')}))"
    )
    # Our own venv's Python with a fixed script: no untrusted input.
    result = subprocess.run(  # noqa: S603
        [str(python), "-c", script], capture_output=True, text=True, check=False
    )
    return json.loads(result.stdout) if result.returncode == 0 else None


def peer_venv(pins: dict[str, str]) -> Path:
    """Make (or reuse) the peer's virtualenv; returns its Python."""
    python = PEER_VENV / "bin" / "python"
    wanted = {"django": pins["django"], "wagtail": pins["wagtail"], "wagtail-lms": LMS_VERSION}
    if python.exists() and peer_versions(python) == wanted:
        return python
    if not python.exists():
        print(f"making the peer venv in {PEER_VENV} ...", flush=True)
        # The base interpreter of the Python running this script: the same 3.11 as ours.
        base = getattr(sys, "_base_executable", sys.executable)
        subprocess.run([base, "-m", "venv", str(PEER_VENV)], check=True)  # noqa: S603
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    attempts = [
        [f"Django=={pins['django']}", f"wagtail=={pins['wagtail']}"],
        # If wagtail-lms refuses our exact pins: the closest versions it accepts.
        [f"Django~={pins['django']}", f"wagtail~={pins['wagtail']}"],
        [],
    ]
    for extra in attempts:
        print("pip install", *extra, f"wagtail-lms=={LMS_VERSION}", flush=True)
        # Fixed package names from this file and our pyproject.toml, into our own venv.
        done = subprocess.run([*pip, *extra, f"wagtail-lms=={LMS_VERSION}"], check=False)  # noqa: S603
        if done.returncode == 0:
            break
    installed = peer_versions(python)
    if installed != wanted:
        print(f"NOTE: the peer runs with {installed}, not {wanted}", flush=True)
    return python


class Worker:
    """One site's worker process: JSON lines in, JSON lines out (see ``peer/protocol.py``)."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], cwd: Path):
        self.name = name
        # Our own interpreters and worker scripts; stderr passes through for errors.
        self.process = subprocess.Popen(  # noqa: S603
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.info: dict = {}

    def read(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the {self.name} worker stopped (see its output above)")
        return json.loads(line)

    def ask(self, **command) -> dict:
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        return self.read()

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(BrokenPipeError, RuntimeError, ValueError):
                self.ask(cmd="quit")
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()


def start_workers(peer_python: Path, ours_tree: Path) -> tuple[Worker, Worker]:
    """Start both workers at once (each migrates its own database) and wait for both."""
    ours_env = {
        **os.environ,
        "PYTHONPATH": "site:.",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    # SQLite and the local-memory cache on both sides, whatever the shell has set.
    ours_env.pop("DATABASE_URL", None)
    ours_env.pop("REDIS_URL", None)
    peer_env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "DJANGO_SETTINGS_MODULE")
    }
    ours = Worker("weerbaar", [str(OURS_PYTHON), str(PEER / "ours_worker.py")], ours_env, ours_tree)
    peer = Worker(
        "wagtail-lms", [str(peer_python), str(PEER / "lms_worker.py")], peer_env, PEER_VENV
    )
    for worker in (ours, peer):
        worker.info = worker.read()
    return ours, peer


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def cpu_busy() -> tuple[int, int] | None:
    """(busy, total) jiffies of all CPUs from /proc/stat, to tell how busy the machine was."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    except OSError:
        return None
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def load_line() -> str:
    one, five, fifteen = os.getloadavg()
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}, nproc {cpus}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--requests", type=int, default=200, help="per page, site and round")
    parser.add_argument("--warmup", type=int, default=50, help="requests per page before timing")
    parser.add_argument(
        "--ours-tree",
        type=Path,
        default=REPO,
        help="a checkout of Weerbaar to time instead of this one (e.g. `git archive` of an "
        "older commit), to compare before and after",
    )
    parser.add_argument("--sql", action="store_true", help="print the queries of one request")
    args = parser.parse_args()

    pins = our_pins()
    peer_python = peer_venv(pins)
    print(f"start: {load_line()}", flush=True)
    started = time.monotonic()
    print(f"weerbaar code from {args.ours_tree.resolve()}", flush=True)
    ours, peer = start_workers(peer_python, args.ours_tree.resolve())
    try:
        for worker in (ours, peer):
            info = worker.info
            print(
                f"{info['site']:>11}: Python {info['python']}, Django {info['django']}, "
                f"Wagtail {info['wagtail']}"
                + (f", wagtail-lms {info['wagtail_lms']}" if "wagtail_lms" in info else "")
                + f"; {info['database']}, {info['cache']}; lesson {info['urls']['lesson']} "
                f"(depth {info['depth']['lesson']}), {'module' if worker is ours else 'course'} "
                f"{info['urls']['module']} (depth {info['depth']['module']})",
                flush=True,
            )
        print(f"set up in {time.monotonic() - started:.0f} s; {load_line()}", flush=True)
        busy_start = cpu_busy()
        times: dict[tuple[str, str], list[float]] = {}
        round_medians: dict[tuple[str, str], list[float]] = {}
        queries: dict[tuple[str, str], dict] = {}
        for page, _, _ in PAGES:
            for worker in (ours, peer):
                answer = worker.ask(cmd="time", page=page, n=args.warmup, queries=True)
                queries[worker.name, page] = answer
                if not answer["content_ok"]:
                    print(f"  WARNING: the {worker.name} {page} page lacks its content", flush=True)
                times[worker.name, page] = []
                round_medians[worker.name, page] = []
        for number in range(args.rounds):
            # Alternate who goes first, so neither always runs right after the other.
            order = (ours, peer) if number % 2 == 0 else (peer, ours)
            for page, _, _ in PAGES:
                for worker in order:
                    answer = worker.ask(cmd="time", page=page, n=args.requests)
                    if answer["status"] != 200:
                        print(f"  {worker.name} {page}: HTTP {answer['status']}", flush=True)
                    times[worker.name, page] += answer["ms"]
                    round_medians[worker.name, page].append(statistics.median(answer["ms"]))
            print(f"  round {number + 1}/{args.rounds} done; {load_line()}", flush=True)
        busy_end = cpu_busy()
    finally:
        ours.stop()
        peer.stop()

    print()
    print(
        f"{args.rounds} rounds x {args.requests} requests per page and site "
        f"(after {args.warmup} warm-up), in-process test client, DEBUG off"
    )
    for page, our_label, peer_label in PAGES:
        mine, theirs = times["weerbaar", page], times["wagtail-lms", page]
        ratio = statistics.median(mine) / statistics.median(theirs)
        per_round = [
            a / b
            for a, b in zip(
                round_medians["weerbaar", page], round_medians["wagtail-lms", page], strict=True
            )
        ]
        our_q, peer_q = queries["weerbaar", page], queries["wagtail-lms", page]
        print(f"{our_label} vs wagtail-lms {peer_label}:")
        print(
            f"  weerbaar     median {statistics.median(mine):6.2f} ms  p95 "
            f"{percentile(mine, 0.95):6.2f} ms  {our_q['queries']:3} queries  "
            f"{our_q['bytes']} bytes"
        )
        print(
            f"  wagtail-lms  median {statistics.median(theirs):6.2f} ms  p95 "
            f"{percentile(theirs, 0.95):6.2f} ms  {peer_q['queries']:3} queries  "
            f"{peer_q['bytes']} bytes"
        )
        print(
            f"  ratio ours/peer {ratio:.2f} (medians of all requests; per round "
            f"{min(per_round):.2f}-{max(per_round):.2f}, median {statistics.median(per_round):.2f})"
        )
    if busy_start and busy_end:
        busy = (busy_end[0] - busy_start[0]) / max(1, busy_end[1] - busy_start[1])
        print(
            f"CPU busy during the timed rounds: {busy:.0%} of all cores (this run keeps one "
            "core busy: one worker times at a time)"
        )
    print(f"end: {load_line()}; {time.monotonic() - started:.0f} s in all")
    if args.sql:
        for (name, page), answer in queries.items():
            print(f"\n{name} {page}: {answer['queries']} queries")
            for sql in answer["sql"]:
                print("   ", sql)


if __name__ == "__main__":
    try:
        main()
    except Exception:  # a benchmark reports a failure, it does not fail the caller
        traceback.print_exc()
        print("the benchmark stopped early; no numbers", flush=True)
    sys.exit(0)
