"""The load_demo command: refuses without DEBUG, runs with --force, builds the site once and
keeps it on a second run, and gives the same data for the same seed.

These tests need an empty database, so they load the demo themselves: three loads for the
file, without the goals' history (the slowest part of a load). What the demo contains, its
history included, is tested on one shared load in ``tests/demo/loaded/``.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import TestCase, override_settings
from django.utils import timezone

from accounts.models import User
from demo.loader import DEMO_ACCOUNTS, demo_email, load_demo
from modules.awareness.models import RegistrationStatus
from modules.awareness.services import registration_create
from modules.council.selectors import published_council_participation
from modules.council.services import council_participation_snapshots_take
from tests.factories import a_session

pytestmark = pytest.mark.django_db


def demo_data() -> list[tuple[str, str]]:
    """What a seed decides: who the people are (the demo's random personnel numbers)."""
    return sorted(User.objects.values_list("email", "personnel_number"))


def test_refuses_when_debug_is_off():
    with pytest.raises(CommandError, match="refuses to run when DEBUG is off"):
        call_command("load_demo")
    assert not User.objects.exists()


def test_force_loads_with_debug_off_and_the_same_seed_gives_the_same_data(capsys):
    """One --force load (rolled back) checks the demo accounts and the griffie's council
    figures; a second run of the command with that seed gives the same people, and it keeps
    them on a third run; another seed gives other people."""
    with transaction.atomic():
        today = timezone.localdate()
        call_command("load_demo", "--force", "--seed", "42", "--without-history")
        assert "Demo content loaded" in capsys.readouterr().out
        demo_accounts_exist()
        the_griffie_sees_last_quarters_council_figures(today=today)
        first = demo_data()
        transaction.set_rollback(True)
    assert not User.objects.exists()

    with transaction.atomic(), override_settings(DEBUG=True):
        call_command("load_demo", "--seed", "42", "--without-history")
        assert "Demo content loaded" in capsys.readouterr().out
        assert demo_data() == first
        passwords = set(User.objects.values_list("email", "password"))
        call_command("load_demo", "--seed", "42", "--without-history")
        assert "already loaded" in capsys.readouterr().out
        assert set(User.objects.values_list("email", "password")) == passwords
        transaction.set_rollback(True)

    # Today: the demo plans its upcoming sessions from it, and books one for real.
    load_demo(seed=43, today=timezone.localdate(), history=False)
    assert demo_data() != first


def demo_accounts_exist():
    assert User.objects.filter(
        email__in=[demo_email(a.local_part) for a in DEMO_ACCOUNTS]
    ).count() == len(DEMO_ACCOUNTS)


def the_griffie_sees_last_quarters_council_figures(*, today: date):
    """The council report shows closed quarters only: the demo's members read last quarter."""
    council_participation_snapshots_take(today=today)
    last_quarter = published_council_participation(today=today)[0]
    assert last_quarter.figures.shown
    assert any(module.started for module in last_quarter.figures.modules)


def test_registering_without_notify_sends_no_email(medewerker):
    """The demo registers people for past sessions with notify=False: no confirmation after
    the session; the default still sends one."""
    session = a_session()
    with TestCase.captureOnCommitCallbacks(execute=True):
        quiet = registration_create(
            user=medewerker, session=session, now=timezone.now(), notify=False
        )
    assert quiet.status == RegistrationStatus.REGISTERED and mail.outbox == []
    other = a_session()
    with TestCase.captureOnCommitCallbacks(execute=True):
        registration_create(user=medewerker, session=other, now=timezone.now())
    assert len(mail.outbox) == 1
