"""One demo load for every test in this package: the tests here only look at the demo (or
write in their own savepoint on top of it).

The demo is loaded once, the first time a test here runs, in a transaction rolled back after
the package's last test; pytest-django's ``db`` runs each test in a savepoint inside it, so
nothing a test writes reaches the next. Before the rollback the package checks that: every
table holds what it held right after the load.

Under ``--dist loadgroup`` (CI) the package runs on one worker and loads the demo once
(``tests/xdist_groups.py``). The tests of the ``load_demo`` command itself
need an empty database and stay in ``tests/demo/test_demo.py``.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from demo.loader import load_demo

DEMO_SEED = 2026
HERE = Path(__file__).resolve().parent


def table_fingerprints() -> dict[str, str]:
    """A digest of every row of every table, per table, from the rows as the database holds
    them (model values such as a StreamField's would not compare)."""
    quote = connection.ops.quote_name
    fingerprints = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            if model._meta.proxy or not model._meta.managed:
                continue
            table, pk = model._meta.db_table, model._meta.pk.column
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {quote(pk)}")  # noqa: S608
            digest = hashlib.sha256()
            for row in cursor.fetchall():
                digest.update(repr(row).encode())
            fingerprints[table] = digest.hexdigest()
    return fingerprints


@pytest.fixture(scope="package", autouse=True)
def demo_today(django_db_setup, django_db_blocker) -> date:
    """The day the shared demo was loaded on (seed 2026). Tests read dates from it, never from
    ``date.today()``, so a run that passes midnight still agrees with the demo."""
    today = timezone.localdate()
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo(seed=DEMO_SEED, today=today)
        as_loaded = table_fingerprints()
        yield today
        changed = sorted(
            table
            for table, fingerprint in table_fingerprints().items()
            if as_loaded.get(table) != fingerprint
        )
        transaction.set_rollback(True)
    assert not changed, f"a test in {HERE.name}/ changed the shared demo: {changed}"
