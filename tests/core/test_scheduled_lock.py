"""Scheduled commands run once across nodes (core.scheduling, issue 16).

The lock lives in the shared cache (locmem here, Redis in CI's second run); a second run while
the first holds it writes that it skipped and does none of the work.
"""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.management import call_command, get_commands, load_command_class
from django.utils import timezone

from accounts.models import User
from core.scheduling import ScheduledCommand, lock_key, scheduled_lock
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
HEADER = (
    "personeelsnummer;voornaam;achternaam;e-mail;afdeling;leidinggevende;startdatum;einddatum;rol"
)


@pytest.fixture
def hr_file(tmp_path):
    DepartmentFactory(name="Publiekszaken", code="PZ")
    path = tmp_path / "hr.csv"
    path.write_text(f"{HEADER}\n7001;Sanne;de Vries;s.devries@dordrecht.nl;PZ;;01-03-2018;;\n")
    return path


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_a_second_run_while_the_first_holds_the_lock_skips_the_work(hr_file):
    with scheduled_lock("import_staff") as acquired:
        assert acquired
        output = run("import_staff", str(hr_file), "--apply")
    assert "skipped, another run holds the lock" in output
    assert not User.objects.filter(email="s.devries@dordrecht.nl").exists()
    # The first run released the lock: the next run does the work.
    output = run("import_staff", str(hr_file), "--apply")
    assert "applied: 1 to create" in output
    assert User.objects.filter(email="s.devries@dordrecht.nl").exists()
    assert cache.get(lock_key("import_staff")) is None


def test_the_lock_is_released_when_the_command_fails(tmp_path):
    missing = tmp_path / "not-there.csv"
    with pytest.raises(Exception, match="No such file"):
        run("import_staff", str(missing), "--apply")
    with scheduled_lock("import_staff") as acquired:
        assert acquired


def test_a_lock_taken_by_another_run_after_expiry_is_not_released_by_the_first():
    with scheduled_lock("apply_retention", timeout=60) as acquired:
        assert acquired
        cache.set(lock_key("apply_retention"), "another-run", timeout=60)
    assert cache.get(lock_key("apply_retention")) == "another-run"


def test_run_scheduled_locks_a_command_of_django(db):
    expired = Session.objects.create(
        session_key="x" * 32, session_data="", expire_date=timezone.now() - timedelta(days=1)
    )
    with scheduled_lock("clearsessions"):
        output = run("run_scheduled", "clearsessions")
    assert "clearsessions: skipped" in output
    assert Session.objects.filter(pk=expired.pk).exists()
    run("run_scheduled", "clearsessions")
    assert not Session.objects.filter(pk=expired.pk).exists()


def test_run_scheduled_passes_arguments_and_starts_our_commands_under_their_own_lock(hr_file):
    with scheduled_lock("import_staff"):
        output = run("run_scheduled", "import_staff", str(hr_file), "--apply")
    assert "import_staff: skipped" in output
    assert "applied: 1 to create" in run("run_scheduled", "import_staff", str(hr_file), "--apply")


def scheduled_table_rows() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("Scheduled commands (cron or a scheduler)", 1)[1].split("\n###", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| `")]


def test_every_scheduled_command_in_the_readme_takes_the_lock():
    rows = scheduled_table_rows()
    assert len(rows) >= 8, "the README's table of scheduled commands was not found"
    commands = get_commands()
    names = []
    for row in rows:
        invocation = re.match(r"\| `([^`]+)`", row).group(1).split()
        if invocation[0] == "run_scheduled":
            name = invocation[1]
        else:
            name = invocation[0]
            command = load_command_class(commands[name], name)
            assert isinstance(command, ScheduledCommand), (
                f"{name} is scheduled but takes no lock: subclass core.scheduling."
                "ScheduledCommand, or list it as `run_scheduled {name}`"
            )
        assert name in commands, name
        names.append(name)
    assert {"clearsessions", "publish_scheduled", "import_staff"} <= set(names)
