"""The task-status summary (:class:`modules.reporting.models.PersonTask`): built, refreshed and
read.

**Built** from the source rows by the same rules as "Mijn leeromgeving" and the reference
report (:func:`modules.reporting.reports.person_tasks`): which assignments apply to a person
(:func:`modules.reporting.reports.assignment_applies`, audiences resolved once per audience as
a set of member ids by :func:`accounts.selectors.audience_members`), what their mandatory
modules and due dates are (:func:`modules.learning.selectors.mandatory_tasks`) and when the
yearly session is due (:func:`modules.awareness.rules.requirement_task`). Nothing here decides
who must do what; it only stores the answer.

**Refreshed** by :mod:`modules.reporting.receivers` when ``core.changes`` says what changed:
the rows of the people named, in the writing transaction (:func:`refresh_people`), or all rows
(:func:`rebuild_all`, also nightly through ``rebuild_task_status``). A rebuild works through
the people in blocks of user ids, one short transaction per block, so it never holds the
whole table.

**Read** with :func:`with_status`: what today makes of a row (late, expired, a place in an
upcoming session) is a ``CASE WHEN`` in SQL against today's date, so nothing has to be
rewritten when a day passes.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, datetime

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Case, F, IntegerField, Max, Min, Q, QuerySet, Value, When
from django.db.models.fields import CharField, DateField
from django.utils import timezone

from accounts.models import Audience, User
from accounts.roles import ROLE_GROUP_NAMES, Role
from accounts.selectors import ReportScope, audience_members
from modules.awareness.models import Registration, RegistrationStatus
from modules.awareness.rules import requirement_task
from modules.awareness.selectors import attendance_requirement
from modules.learning.models import Assignment, Enrolment, EnrolmentStatus
from modules.learning.rules import TaskStatus
from modules.learning.selectors import mandatory_tasks
from modules.reporting.models import SESSION_KEY, PersonTask

logger = logging.getLogger(__name__)

#: People per block of a rebuild (and the most a refresh takes on; more is a rebuild).
BLOCK_SIZE = 5000
# requirement_task makes a session with no date at all due "today": computed with this day,
# such a due date is recognisable and stored as empty (with_status puts today back).
_NO_DAY = date.max
_FIELDS = [
    "department",
    "module",
    "is_session",
    "position",
    "due",
    "stored_status",
    "progress",
    "completed_on",
    "expires_on",
    "outdated",
    "place_until",
]


# ---------------------------------------------------------------------------------------------
# Building rows
# ---------------------------------------------------------------------------------------------


def compute_rows(*, users: QuerySet[User], today: date) -> list[PersonTask]:
    """The summary rows of ``users`` (a queryset of staff), unsaved. A fixed number of
    queries, whatever the number of people: one per audience in use, none per person."""
    assignments = list(
        Assignment.objects.filter(is_active=True, module__live=True)
        .select_related("module")
        .order_by("pk")
    )
    requirement = attendance_requirement()
    if not assignments and requirement is None:
        return []
    people = list(users.only("pk", "department_id", "start_date").order_by("pk"))
    if not people:
        return []
    target = users.values("pk")
    audience_ids = {a.audience_id for a in assignments if a.audience_id is not None}
    if requirement is not None and requirement.audience_id is not None:
        audience_ids.add(requirement.audience_id)
    members = {
        audience.pk: set(
            audience_members(audience=audience).filter(pk__in=target).values_list("pk", flat=True)
        )
        for audience in Audience.objects.filter(pk__in=audience_ids)
    }
    latest: dict[int, dict[int, Enrolment]] = defaultdict(dict)
    if assignments:
        enrolments = (
            Enrolment.objects.filter(
                user_id__in=target, module_id__in={a.module_id for a in assignments}
            )
            .only(
                "user_id",
                "module_id",
                "cycle",
                "status",
                "progress",
                "due_date",
                "completed_at",
                "completed_version",
                "expires_on",
            )
            .order_by("user_id", "module_id", "cycle")
        )
        for enrolment in enrolments:
            latest[enrolment.user_id][enrolment.module_id] = enrolment
    session_for: set[int] = set()
    last_attended: dict[int, datetime] = {}
    place_until: dict[int, datetime] = {}
    if requirement is not None:
        if requirement.audience_id is None:
            session_for = set(
                User.groups.through.objects.filter(
                    group__name=ROLE_GROUP_NAMES[Role.MEDEWERKER], user_id__in=target
                ).values_list("user_id", flat=True)
            )
        else:
            session_for = members.get(requirement.audience_id, set())
        last_attended = dict(
            Registration.objects.filter(user_id__in=target, attended_at__isnull=False)
            .values("user_id")
            .annotate(last=Max("attended_at"))
            .values_list("user_id", "last")
        )
        place_until = dict(
            Registration.objects.filter(
                user_id__in=target,
                status=RegistrationStatus.REGISTERED,
                session__is_cancelled=False,
                session__live=True,
            )
            .values("user_id")
            .annotate(until=Max("session__ends_at"))
            .values_list("user_id", "until")
        )

    rows: list[PersonTask] = []
    for user in people:
        applicable = [
            assignment
            for assignment in assignments
            if (assignment.audience_id is None or user.pk in members[assignment.audience_id])
            and assignment_applies(assignment, start_date=user.start_date)
        ]
        tasks = mandatory_tasks(
            start_date=user.start_date, assignments=applicable, latest=latest[user.pk], today=today
        )
        for position, task in enumerate(tasks):
            enrolment = task.enrolment
            completed = enrolment is not None and enrolment.status == EnrolmentStatus.COMPLETED
            rows.append(
                PersonTask(
                    user_id=user.pk,
                    department_id=user.department_id,
                    key=task.key,
                    module_id=task.module.pk,
                    position=position,
                    due=task.due,
                    stored_status=enrolment.status if enrolment else "",
                    progress=enrolment.progress if enrolment else 0,
                    completed_on=(
                        timezone.localdate(enrolment.completed_at)
                        if completed and enrolment.completed_at
                        else None
                    ),
                    expires_on=enrolment.expires_on if enrolment else None,
                    outdated=enrolment is not None and task.module.completion_outdated(enrolment),
                )
            )
        if user.pk in session_for:
            attended = last_attended.get(user.pk)
            attended_on = timezone.localdate(attended) if attended else None
            task = requirement_task(
                start_date=user.start_date,
                last_attended=attended_on,
                registered_upcoming=False,
                every_months=requirement.every_months,
                new_employees_within_months=requirement.new_employees_within_months,
                first_due_date=requirement.first_due_date,
                today=_NO_DAY,
            )
            rows.append(
                PersonTask(
                    user_id=user.pk,
                    department_id=user.department_id,
                    key=SESSION_KEY,
                    is_session=True,
                    position=len(tasks),
                    due=None if task.due == _NO_DAY else task.due,
                    completed_on=attended_on,
                    place_until=place_until.get(user.pk),
                )
            )
    return rows


def _delete(rows: QuerySet[PersonTask]) -> None:
    """One ``DELETE ... WHERE``: the rows have no dependants and nothing listens for their
    deletion, but a receiver for every model's ``post_delete`` (``core.receivers``) would make
    ``QuerySet.delete`` load every row and delete them by lists of ids."""
    rows._raw_delete(rows.db)


def _staff() -> QuerySet[User]:
    return staff_in_scope(scope=EVERYBODY)


EVERYBODY = ReportScope(everybody=True, department_ids=frozenset())


def staff_in_scope(*, scope: ReportScope) -> QuerySet[User]:
    """Active staff the viewer may see by name: never raadsleden (anyone with the raadslid
    role, even with a staff role too)."""
    users = User.objects.active().exclude(groups__name=ROLE_GROUP_NAMES[Role.RAADSLID])
    if not scope.everybody:
        users = users.filter(department_id__in=scope.department_ids)
    return users


def assignment_applies(assignment: Assignment, *, start_date: date | None) -> bool:
    """The start-date rule of ``Assignment.objects.applying_to`` on a loaded assignment (the
    audience is checked apart): "for starters from" a date leaves out people who started
    earlier, or whose start date is unknown."""
    return assignment.starters_from is None or (
        start_date is not None and start_date >= assignment.starters_from
    )


def refresh_people(*, user_ids: frozenset[int] | set[int]) -> None:
    """Rewrite the rows of these people (a few queries, whatever their number); for more than
    :data:`BLOCK_SIZE` people, rebuild everything instead. People who are no longer staff
    (left, or raadslid now) lose their rows."""
    if not user_ids:
        return
    if len(user_ids) > BLOCK_SIZE:
        rebuild_all()
        return
    with transaction.atomic():
        _delete(PersonTask.objects.filter(user_id__in=user_ids))
        rows = compute_rows(users=_staff().filter(pk__in=user_ids), today=timezone.localdate())
        # A rebuild block may have written these people between the delete and here: the rows
        # computed now (in the writing transaction) win.
        PersonTask.objects.bulk_create(
            rows,
            batch_size=1000,
            update_conflicts=True,
            unique_fields=["user", "key"],
            update_fields=[*_FIELDS, "refreshed_at"],
        )


class Marks:
    """What the open transaction (or one savepoint of it) changed for the summary and has not
    written yet: the people whose rows to refresh, and whether a change for anybody asked for
    a rebuild (``modules.reporting.receivers``). The object is an on-commit hook, made at the
    savepoint level of the change, so a rollback to that savepoint forgets the marks with the
    hook. (Kept on the connection, they outlived a rolled back transaction: the next one
    refreshed people it never touched, and a rebuild flag left set kept later changes from
    queueing theirs.)

    A read of the summary writes the marks early (:func:`settle`). When that happens inside a
    savepoint opened after these marks were made, a rollback of it undoes the write while the
    marks live on: they are then kept as ``written`` and are due again once one of the
    savepoints open at the write has closed (or at the commit)."""

    def __init__(self, committed) -> None:
        self.user_ids: set[int] = set()
        self.rebuild = False
        self.written: set[int] = set()
        self.rebuilt = False
        self.written_in: frozenset[str] = frozenset()
        self._committed = committed

    def __call__(self) -> None:
        self._committed(self)

    def due(self, level: frozenset[str]) -> tuple[set[int], bool]:
        """The people to write and whether to rebuild, at savepoint ``level``."""
        users, rebuild = set(self.user_ids), self.rebuild
        if (self.written or self.rebuilt) and not self.written_in <= level:
            users |= self.written
            rebuild = rebuild or self.rebuilt
        return users, rebuild

    def at_commit(self) -> tuple[set[int], bool]:
        return self.user_ids | self.written, self.rebuild or self.rebuilt


def _level(savepoint_ids) -> frozenset[str]:
    """The savepoints that are open: an ``atomic(savepoint=False)`` block counts as ``None``
    in Django's list and is no level of its own (its rollback is the whole transaction's)."""
    return frozenset(sid for sid in savepoint_ids if sid is not None)


# Where the connection keeps what :func:`_marks_with_levels` found so far.
_FOUND = "_weerbaar_summary_marks"


def _marks_with_levels() -> list[tuple[frozenset[str], Marks]]:
    """The marks among the connection's on-commit hooks, with their savepoint level.

    Read for every change, and one long transaction (the demo load, a big import) holds
    thousands of other hooks: scanning them all each time made the demo load spend a
    quarter of its time here. Django only appends to the list, and replaces it (a
    savepoint's rollback, the commit), so what was found is kept with the list it was
    found in and only the hooks added since are scanned."""
    connection = connections[DEFAULT_DB_ALIAS]
    hooks = connection.run_on_commit
    kept = getattr(connection, _FOUND, None)
    if kept is None or kept[0] is not hooks or kept[1] > len(hooks):
        kept = (hooks, 0, [])
    found = kept[2]
    found.extend(
        (_level(sids), func) for sids, func, _robust in hooks[kept[1] :] if isinstance(func, Marks)
    )
    setattr(connection, _FOUND, (hooks, len(hooks), found))
    return list(found)


def current_level() -> frozenset[str]:
    return _level(connections[DEFAULT_DB_ALIAS].savepoint_ids)


def marks_state() -> list[tuple[Marks, tuple]]:
    """A copy of every open mark, for :func:`restore` when a write that settled them fails."""
    return [
        (
            marks,
            (
                set(marks.user_ids),
                marks.rebuild,
                set(marks.written),
                marks.rebuilt,
                marks.written_in,
            ),
        )
        for _sids, marks in _marks_with_levels()
    ]


def restore(state: list[tuple[Marks, tuple]]) -> None:
    """Put the marks back as :func:`marks_state` found them: the write they were settled for
    did not happen (an error the caller may catch without rolling back)."""
    for marks, (users, rebuild, written, rebuilt, written_in) in state:
        marks.user_ids, marks.rebuild = users, rebuild
        marks.written, marks.rebuilt, marks.written_in = written, rebuilt, written_in


def current_marks() -> Marks | None:
    """The marks made at the innermost open savepoint (or the transaction itself), if any."""
    level = current_level()
    return next((marks for sids, marks in _marks_with_levels() if sids == level), None)


def due_now() -> tuple[set[int], bool]:
    """Everybody marked and not yet written for good, and whether a rebuild is due."""
    level = current_level()
    users: set[int] = set()
    rebuild = False
    for _sids, marks in _marks_with_levels():
        more, again = marks.due(level)
        users |= more
        rebuild = rebuild or again
    return users, rebuild


def settle(*, users: set[int], rebuild: bool) -> None:
    """Note that ``users`` (and, with ``rebuild``, everybody) are being written now. Called
    before the write, so the write's own reads of the summary find nothing due. Marks made at
    this savepoint level or inside it are done; marks made further out are kept as written in
    the savepoints open now (see :class:`Marks`)."""
    level = current_level()
    for sids, marks in _marks_with_levels():
        if (marks.written or marks.rebuilt) and not marks.written_in <= level:
            # Written early in a savepoint that has closed since (maybe rolled back): due.
            marks.user_ids |= marks.written
            marks.rebuild = marks.rebuild or marks.rebuilt
            marks.written, marks.rebuilt = set(), False
        done = set(marks.user_ids) if rebuild else marks.user_ids & users
        rebuilt = marks.rebuild and rebuild
        marks.user_ids -= done
        if rebuild:
            marks.rebuild = False
        if level <= sids:  # a rollback that undoes this write forgets these marks too
            continue
        marks.written |= done
        marks.rebuilt = marks.rebuilt or rebuilt
        marks.written_in = level


def rebuild_all() -> int:
    """Rewrite every row from the source rows, block by block of user ids; returns the number
    of rows. Safe to run twice, or next to the writes that refresh people (the rows a refresh
    wrote while a block ran are kept)."""
    settle(users=set(), rebuild=True)  # this rebuild answers the request
    bounds = User.objects.order_by().aggregate(low=Min("pk"), high=Max("pk"))
    low_pk, high = bounds["low"] or 1, bounds["high"] or 0
    today = timezone.localdate()
    written = 0
    _delete(PersonTask.objects.exclude(user__in=_staff().values("pk")))
    for low in range(low_pk, high + 1, BLOCK_SIZE):
        block = {"pk__gte": low, "pk__lt": low + BLOCK_SIZE}
        with transaction.atomic():
            _delete(PersonTask.objects.filter(user_id__gte=low, user_id__lt=low + BLOCK_SIZE))
            rows = compute_rows(users=_staff().filter(**block), today=today)
            PersonTask.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
            written += len(rows)
    logger.info("reporting: rebuilt %s task rows", written)
    return written


# ---------------------------------------------------------------------------------------------
# Reading rows
# ---------------------------------------------------------------------------------------------


def status_expression(*, today: date, now: datetime) -> Case:
    """:func:`modules.learning.rules.task_status` and the status part of
    :func:`modules.awareness.rules.requirement_task`, as SQL (the tests compare the two)."""
    completed = Q(stored_status=EnrolmentStatus.COMPLETED)
    return Case(
        # The yearly session: attended within the period (due is the period's end), late once
        # the due date passed, "bezig" with a place in a session that has not ended.
        When(
            Q(is_session=True, completed_on__isnull=False, due__gt=today),
            then=Value(TaskStatus.COMPLETED.value),
        ),
        When(Q(is_session=True, due__lt=today), then=Value(TaskStatus.OVERDUE.value)),
        When(Q(is_session=True, place_until__gte=now), then=Value(TaskStatus.IN_PROGRESS.value)),
        When(is_session=True, then=Value(TaskStatus.NOT_STARTED.value)),
        # Modules.
        When(
            completed & (Q(outdated=True) | Q(expires_on__lte=today)),
            then=Value(TaskStatus.EXPIRED.value),
        ),
        When(completed, then=Value(TaskStatus.COMPLETED.value)),
        When(due__lt=today, then=Value(TaskStatus.OVERDUE.value)),
        When(stored_status=EnrolmentStatus.IN_PROGRESS, then=Value(TaskStatus.IN_PROGRESS.value)),
        default=Value(TaskStatus.NOT_STARTED.value),
        output_field=CharField(),
    )


def with_status(queryset: QuerySet[PersonTask], *, today: date, now: datetime):
    """Rows with ``status``, and the ``shown_due``, ``shown_progress`` and
    ``shown_completed_on`` that the task shows on that day."""
    done = TaskStatus.COMPLETED.value
    return queryset.annotate(status=status_expression(today=today, now=now)).annotate(
        shown_due=Case(
            When(is_session=True, due__isnull=True, then=Value(today)),
            default=F("due"),
            output_field=DateField(),
        ),
        shown_progress=Case(
            When(is_session=True, status=done, then=Value(100)),
            When(is_session=True, then=Value(0)),
            When(status=TaskStatus.EXPIRED.value, then=Value(0)),
            default=F("progress"),
            output_field=IntegerField(),
        ),
        shown_completed_on=Case(
            When(status=done, then=F("completed_on")),
            default=None,
            output_field=DateField(),
        ),
    )


def rows_in_scope(*, scope: ReportScope) -> QuerySet[PersonTask]:
    """The rows the viewer may see (a manager: their departments; nobody: none)."""
    if scope.is_empty:
        return PersonTask.objects.none()
    rows = PersonTask.objects.all()
    if not scope.everybody:
        rows = rows.filter(department_id__in=scope.department_ids)
    return rows
