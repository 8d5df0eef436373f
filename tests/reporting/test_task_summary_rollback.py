"""A rolled-back transaction leaves nothing for the summary to do: its marks (people to
refresh, a rebuild asked for) go with it. Kept on the database connection, they once outlived
the rollback, so the next read refreshed people nobody had touched, and a rebuild flag left set
kept later changes from queueing their rebuild (found by a query count that drifted in CI)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from modules.learning.services import assignment_create
from modules.reporting.models import PersonTask
from modules.reporting.receivers import mark_people, request_rebuild
from modules.reporting.summary import current_marks, due_now
from tests.factories import module_with_lessons

pytestmark = pytest.mark.django_db


class Undone(Exception):
    pass


def test_a_rolled_back_change_leaves_no_marks_and_the_next_read_refreshes_nothing(make_user):
    user = make_user()
    PersonTask.objects.count()  # whatever making the user marked is written now
    with pytest.raises(Undone), transaction.atomic():
        mark_people({user.pk})
        request_rebuild()
        assert current_marks().rebuild and current_marks().user_ids == {user.pk}
        raise Undone
    assert due_now() == (set(), False)
    with CaptureQueriesContext(connection) as read:
        PersonTask.objects.count()
    assert len(read) == 1, [query["sql"][:80] for query in read.captured_queries]


def test_marks_of_a_savepoint_that_stays_are_written_before_a_read(make_user):
    assignment_create(module=module_with_lessons(lessons=1), due_date=date(2027, 1, 31))
    user = make_user()
    assert PersonTask.objects.filter(user=user).count() == 1
    with transaction.atomic():
        PersonTask.objects.filter(user=user).delete()
        mark_people({user.pk})
    with transaction.atomic():
        assert PersonTask.objects.filter(user=user).count() == 1  # refreshed before the read
    # (Written in a savepoint since released, the marks are due once more at the commit: a
    # release and a rollback look the same from here. Writing twice is harmless.)
    assert PersonTask.objects.filter(user=user).count() == 1


def test_a_read_in_a_savepoint_that_is_rolled_back_leaves_the_outer_marks(make_user):
    """The read refreshes the person inside the savepoint; the rollback undoes that write, so
    the transaction's own marks must still write them at its commit."""
    assignment_create(module=module_with_lessons(lessons=1), due_date=date(2027, 1, 31))
    user = make_user()
    assert PersonTask.objects.filter(user=user).count() == 1
    with transaction.atomic():
        PersonTask.objects.filter(user=user).delete()
        mark_people({user.pk})
        with pytest.raises(Undone), transaction.atomic():
            assert PersonTask.objects.filter(user=user).count() == 1
            raise Undone
        assert due_now() == ({user.pk}, False)  # the early write is undone: due again
    assert PersonTask.objects.filter(user=user).count() == 1


def test_marks_made_in_an_atomic_block_without_a_savepoint_join_the_transactions():
    """``atomic(savepoint=False)`` opens no level of its own (Django notes it as ``None``):
    its rollback is the whole transaction's, so its marks are the transaction's marks."""
    with transaction.atomic():
        mark_people({1})
        outer = current_marks()
        with transaction.atomic(savepoint=False):
            mark_people({2})
            assert current_marks() is outer
        assert outer.user_ids == {1, 2}
        transaction.set_rollback(True)


def _refuse_summary_rows(cursor, *, on: bool) -> None:
    """A real database refusal of new summary rows (a trigger), to make a write fail."""
    table = PersonTask._meta.db_table
    if connection.vendor == "postgresql":
        if on:
            cursor.execute(
                "CREATE FUNCTION weerbaar_test_refuse() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER weerbaar_test_refuse BEFORE INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION weerbaar_test_refuse()"
            )
        else:
            cursor.execute(f"DROP TRIGGER weerbaar_test_refuse ON {table}")
            cursor.execute("DROP FUNCTION weerbaar_test_refuse()")
    elif on:
        cursor.execute(
            f"CREATE TRIGGER weerbaar_test_refuse BEFORE INSERT ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    else:
        cursor.execute("DROP TRIGGER weerbaar_test_refuse")


def test_marks_stay_due_when_the_write_before_a_read_fails(make_user):
    """The read writes the marked people first; when that write fails (and the caller goes
    on), the people are still due, and the next read writes them."""
    assignment_create(module=module_with_lessons(lessons=1), due_date=date(2027, 1, 31))
    user = make_user()
    assert PersonTask.objects.filter(user=user).count() == 1
    with transaction.atomic(), connection.cursor() as cursor:
        PersonTask.objects.filter(user=user).delete()
        mark_people({user.pk})
        _refuse_summary_rows(cursor, on=True)
        with pytest.raises(DatabaseError):
            PersonTask.objects.count()
        _refuse_summary_rows(cursor, on=False)
        assert due_now() == ({user.pk}, False)
        assert PersonTask.objects.filter(user=user).count() == 1
        transaction.set_rollback(True)
