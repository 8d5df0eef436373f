"""Ralph (``ralph-malph``), a real Learning Record Store, run as a subprocess for the tests.

It lives in a virtualenv of its own (``.cache/ralph``, built by ``make .cache/ralph/.installed``
with the test prerequisites; ``tests/xapi/ralph-requirements.txt`` pins it), because its CLI
pins click below the version Wagtail brings. ``WEERBAAR_RALPH_VENV`` points elsewhere.

The server is uvicorn serving ``ralph.api:app`` (started by ``ralph_serve.py``, which says
why not by ``ralph runserver``) with the file-system backend in a temporary folder and HTTP
basic authentication from an ``auth.json`` made by ``ralph auth``; it listens on a free port
of 127.0.0.1 only and is stopped (its own process group) when the test ends.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = Path(__file__).with_name("ralph_serve.py")
USERNAME = "weerbaar"
PASSWORD = "ralph-test-password"  # a throwaway LRS on loopback, made per test


def ralph_bin() -> Path:
    venv = Path(os.environ.get("WEERBAAR_RALPH_VENV", ROOT / ".cache" / "ralph"))
    bin_dir = venv / "bin"
    if not (bin_dir / "ralph").exists():
        message = (
            f"Ralph is not installed in {venv}: run `make .cache/ralph/.installed` "
            "(make test and CI build it with the test prerequisites)."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return bin_dir


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RalphServer:
    def __init__(self, *, bin_dir: Path, home: Path):
        self.bin_dir = bin_dir
        self.home = home
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.log = home / "ralph.log"
        home.mkdir(parents=True, exist_ok=True)
        self.env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(home),
            "RALPH_APP_DIR": str(home / "app"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(home / "data"),
            "RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH": str(home / "data"),
            "RALPH_SENTRY_DSN": "",
        }
        subprocess.run(
            [
                str(bin_dir / "ralph"),
                "auth",
                "--username",
                USERNAME,
                "--password",
                PASSWORD,
                "--scope",
                "all",
                "--agent-ifi-account",
                "weerbaar-lrs-client",
                "http://127.0.0.1",
                "--write-to-disk",
            ],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=60,
        )

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def start(self) -> None:
        assert self.process is None
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [str(self.bin_dir / "python"), str(LAUNCHER), str(self.port)],
                env=self.env,
                cwd=self.home,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Ralph stopped at start: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1
                ):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        raise RuntimeError("Ralph did not answer within 30 s")

    def stop(self) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def statements(self) -> list[dict]:
        """Every statement the LRS returns (voided ones are left out, as xAPI says)."""
        token = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
        request = urllib.request.Request(  # noqa: S310 (our loopback server)
            f"{self.endpoint}statements?limit=500",
            headers={"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return json.loads(response.read())["statements"]

    def stored_lines(self) -> int:
        """How many statements the file backend holds (voided ones included)."""
        files = list((self.home / "data").glob("*.jsonl"))
        return sum(len(path.read_text().splitlines()) for path in files)
