"""Writes of the xAPI outbox: a statement recorded with its event, an attendance taken back.

Called by :mod:`modules.xapi.receivers` inside the transaction of the write that caused the
event, so the statement is committed (or rolled back) with it. The send is queued when that
transaction commits (:func:`queue_send`); a statement written in a transaction that rolls back
never existed, and a crash after the commit leaves it in the outbox for the next run.

Nothing is written while ``XAPI_ENABLED`` is off, and nothing ever for a raadslid (council
member): their learning stays inside Weerbaar, where their results are never shown
individually to anyone else; an LRS read by analysts would break that promise. The rule is
checked again when sending (:mod:`modules.xapi.sender`), for someone who became a raadslid
after the statement was written. No aggregate of raadsleden is sent either: the griffie has
the yearly overview, with its own rules for small groups.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from modules.xapi.config import xapi_enabled, xapi_root
from modules.xapi.models import OutboxStatement, OutboxStatus, Pseudonym
from modules.xapi.statements import build_voiding_statement
from modules.xapi.tasks import send_statements

#: A builder gets the new statement's id, the site's root and the actor's pseudonym.
Builder = Callable[[uuid.UUID, str, uuid.UUID], dict]


def is_council_member(user: User) -> bool:
    return user.has_role(Role.RAADSLID)


def pseudonym_for(*, user: User) -> uuid.UUID:
    """The person's pseudonym, made on their first statement."""
    pseudonym = Pseudonym.objects.filter(user=user).first()
    if pseudonym is None:
        try:
            with transaction.atomic():
                pseudonym = Pseudonym.objects.create(user=user)
        except IntegrityError:  # a concurrent request made it first
            pseudonym = Pseudonym.objects.get(user=user)
    return pseudonym.key


def statement_record(
    *, user: User, event_key: str, verb: str, build: Builder, council_member: bool | None = None
) -> OutboxStatement | None:
    """Write the statement of one event to the outbox; ``None`` when nothing is written (off,
    a raadslid, or this event's statement exists already).

    ``council_member`` is what the event itself recorded (an attempt keeps it), else the
    person's roles now decide.
    """
    if not xapi_enabled():
        return None
    if council_member is None:
        council_member = is_council_member(user)
    if council_member:
        return None
    if OutboxStatement.objects.filter(event_key=event_key).exists():
        return None
    statement_id = uuid.uuid4()
    payload = build(statement_id, xapi_root(), pseudonym_for(user=user))
    try:
        with transaction.atomic():
            row = OutboxStatement.objects.create(
                statement_id=statement_id,
                event_key=event_key,
                user=user,
                verb=verb,
                payload=payload,
                next_attempt_at=timezone.now(),
            )
    except IntegrityError:  # the same event recorded at the same moment by another request
        return None
    queue_send()
    return row


def statement_void(*, row: OutboxStatement, moment: datetime) -> OutboxStatement | None:
    """Take back what ``row`` said (an attendance the kernteam removed again).

    Still waiting: it is withheld and never sent. Sent (or being sent): a voiding statement
    follows it, so the LRS marks it void. Returns the voiding statement, if one was written.
    """
    row = OutboxStatement.objects.select_for_update().get(pk=row.pk)
    if row.voided_by_id is not None or row.status in (OutboxStatus.WITHHELD,):
        return None
    if row.status == OutboxStatus.PENDING and row.attempts == 0:
        row.status = OutboxStatus.WITHHELD
        row.next_attempt_at = None
        row.last_error = "taken back before it was sent"
        row.save(update_fields=["status", "next_attempt_at", "last_error"])
        return None
    if row.status == OutboxStatus.REJECTED:
        return None
    actor_key = pseudonym_for(user=row.user)
    statement_id = uuid.uuid4()
    void = OutboxStatement.objects.create(
        statement_id=statement_id,
        event_key=f"void:{row.statement_id}",
        user_id=row.user_id,
        verb="voided",
        payload=build_voiding_statement(
            statement_id=statement_id,
            root=xapi_root(),
            actor_key=actor_key,
            voided_id=row.statement_id,
            moment=moment,
        ),
        next_attempt_at=timezone.now(),
    )
    row.voided_by = void
    row.save(update_fields=["voided_by"])
    queue_send()
    return void


def queue_send() -> None:
    """Start the sender when this transaction commits.

    With the database task backend the worker picks the task up after the commit, so it sees
    the rows; the tests' immediate backend runs it at the commit. A transaction that writes
    several statements (the last lesson: lesson, module, certificate) queues a run for each;
    the first sends them all and the others find nothing due (one query each), which is
    cheaper to reason about than a flag a rollback could leave behind.
    """
    transaction.on_commit(send_statements.enqueue, robust=True)
