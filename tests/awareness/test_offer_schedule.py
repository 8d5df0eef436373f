"""Lapsed offers only pass on when ``expire_session_offers`` runs: it must be in the README's
table of scheduled commands (which tests.core.test_scheduled_lock checks for the lock)."""

from __future__ import annotations

import re

from django.core.management import get_commands, load_command_class

from core.scheduling import ScheduledCommand
from tests.core.test_scheduled_lock import scheduled_table_rows


def test_expire_session_offers_is_scheduled_every_15_minutes_and_takes_the_lock():
    rows = {re.match(r"\| `([^`]+)`", row).group(1): row for row in scheduled_table_rows()}
    assert "every 15 minutes" in rows["expire_session_offers"]
    command = load_command_class(get_commands()["expire_session_offers"], "expire_session_offers")
    assert isinstance(command, ScheduledCommand)
