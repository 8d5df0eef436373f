"""Sending the outbox to the LRS: claim a batch, send it, record what happened.

Why it works this way:

* **Claimed, then sent outside the transaction.** A batch is claimed in a short transaction
  (``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL, so two workers never take the same
  rows) that counts the attempt and moves ``next_attempt_at`` a lease ahead; the HTTP request
  runs after that commit, so no row lock is held while the LRS answers. A worker that dies
  mid-send leaves its rows to be claimed again when the lease ends.
* **Duplicates are harmless.** Every statement carries the UUID it got when it was written; an
  LRS keeps one statement per id (xAPI 1.0.3, 2.2: an identical statement again is accepted
  and not stored twice, a different one under the same id is refused with 409). So a send
  repeated after a timeout, or after a worker died between the LRS's answer and our update, is
  no second record. A 409 counts as sent (the LRS has a statement with that id, and we never
  change a statement once written), with a warning in the log.
* **Retries with exponential backoff** (:func:`modules.xapi.config.retry_delay`) for what may
  pass: no connection, a timeout, 5xx, 429, 408, and 401/403 (a credential being rotated must
  not lose statements). A batch the LRS refuses as a whole (400, 409, 413) is sent again one
  statement at a time, so one bad statement cannot hold back the others; a statement the LRS
  refuses on its own (another 4xx) is marked rejected and kept for whoever runs the site
  (the log names it), not retried.
* **Raadsleden once more**: a statement of someone who is a raadslid by now is withheld (see
  :mod:`modules.xapi.services`).

Only the statement ids and HTTP status codes are logged, never a payload.
"""

from __future__ import annotations

import base64
import json
import logging
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import Exists, Min, OuterRef
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from modules.xapi.config import (
    batch_size,
    keep_sent_days,
    lrs_credentials,
    lrs_statements_url,
    request_timeout,
    retry_delay,
    xapi_enabled,
)
from modules.xapi.models import OutboxStatement, OutboxStatus
from modules.xapi.statements import XAPI_VERSION

logger = logging.getLogger(__name__)

#: How long a claimed batch is someone else's before another run may claim it again.
LEASE = timedelta(minutes=5)
#: How many batches one run sends at most (a run stays short; the next one goes on).
MAX_BATCHES_PER_RUN = 20

# Answers that say the request may succeed later unchanged.
TRANSIENT_STATUSES = frozenset({401, 403, 408, 425, 429})


@dataclass
class SendReport:
    sent: int = 0
    retrying: int = 0
    rejected: int = 0
    withheld: int = 0


class Unreachable(Exception):
    """No answer worth acting on: no connection, a timeout, a server error or a refusal that
    may pass (see ``TRANSIENT_STATUSES``)."""


def outbox_send(*, now: datetime | None = None) -> SendReport:
    """Send every statement that is due, in batches; what cannot be sent waits for its next
    attempt. Does nothing while xAPI is off or no LRS is configured."""
    report = SendReport()
    url = lrs_statements_url()
    if not xapi_enabled() or not url:
        return report
    now = now or timezone.now()
    for _ in range(MAX_BATCHES_PER_RUN):
        rows = _claim(now=now, report=report)
        if not rows:
            break
        _send_batch(url=url, rows=rows, now=now, report=report)
    return report


def next_due() -> datetime | None:
    """When the earliest statement still waiting is due (``None``: nothing waits)."""
    return OutboxStatement.objects.filter(status=OutboxStatus.PENDING).aggregate(
        due=Min("next_attempt_at")
    )["due"]


def outbox_purge(*, now: datetime) -> int:
    """Remove sent and withheld statements older than ``XAPI_KEEP_SENT_DAYS``: the LRS holds
    the record; the outbox is no archive. Rejected ones stay until someone has looked."""
    cutoff = now - timedelta(days=keep_sent_days())
    sent = OutboxStatement.objects.filter(status=OutboxStatus.SENT, sent_at__lt=cutoff)
    withheld = OutboxStatement.objects.filter(status=OutboxStatus.WITHHELD, created_at__lt=cutoff)
    return sent.delete()[0] + withheld.delete()[0]


def _claim(*, now: datetime, report: SendReport) -> list[OutboxStatement]:
    with transaction.atomic():
        rows = list(
            OutboxStatement.objects.select_for_update(skip_locked=True)
            .filter(status=OutboxStatus.PENDING, next_attempt_at__lte=now)
            # A voiding statement waits for the statement it voids: that one may be in backoff
            # after a failed send (which the LRS may or may not have stored), and an LRS that
            # gets the void first has nothing to void yet.
            .exclude(
                Exists(
                    OutboxStatement.objects.filter(
                        voided_by=OuterRef("pk"), status=OutboxStatus.PENDING
                    )
                )
            )
            .order_by("next_attempt_at", "pk")[: batch_size()]
        )
        if not rows:
            return []
        council = set(
            User.objects.filter(
                pk__in={row.user_id for row in rows}, groups__name=Role.RAADSLID.group_name
            ).values_list("pk", flat=True)
        )
        withheld = [row.pk for row in rows if row.user_id in council]
        if withheld:
            OutboxStatement.objects.filter(pk__in=withheld).update(
                status=OutboxStatus.WITHHELD,
                next_attempt_at=None,
                last_error="withheld: a council member's statement is never sent",
            )
            report.withheld += len(withheld)
        rows = [row for row in rows if row.user_id not in council]
        for row in rows:
            row.attempts += 1
            row.next_attempt_at = now + LEASE
        OutboxStatement.objects.bulk_update(rows, ["attempts", "next_attempt_at"])
    return rows


def _send_batch(*, url: str, rows: list[OutboxStatement], now: datetime, report: SendReport):
    if not rows:
        return
    try:
        status = _request("POST", url, [row.payload for row in rows])
    except Unreachable as error:
        _mark_retry(rows, now=now, error=str(error), report=report)
        return
    if status in (200, 204):
        _mark_sent(rows, now=now, report=report)
        return
    # Refused as a whole: one statement at a time tells which one (and sends the others).
    for position, row in enumerate(rows):
        try:
            status = _request("PUT", f"{url}?statementId={row.statement_id}", row.payload)
        except Unreachable as error:
            _mark_retry(rows[position:], now=now, error=str(error), report=report)
            return
        if status in (200, 204):
            _mark_sent([row], now=now, report=report)
        elif status == 409:
            logger.warning(
                "xAPI statement %s: the LRS holds a different statement under its id (409)",
                row.statement_id,
            )
            _mark_sent([row], now=now, report=report, note="409: the LRS kept its own copy")
        else:
            logger.error("xAPI statement %s refused by the LRS (%s)", row.statement_id, status)
            OutboxStatement.objects.filter(pk=row.pk).update(
                status=OutboxStatus.REJECTED,
                next_attempt_at=None,
                last_error=f"refused by the LRS: HTTP {status}",
            )
            report.rejected += 1


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect from the LRS: urllib would turn the POST into a GET without
    its body (whose 200 would mark the batch sent) and take the Basic credentials to
    whatever host the ``Location`` names. A 3xx is answered as it came, and retried later."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _request(method: str, url: str, body) -> int:
    """The LRS's answer to one request (its status code); :class:`Unreachable` when there is
    none worth acting on."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise Unreachable(f"not an http(s) address: {url}")
    username, password = lrs_credentials()
    headers = {
        "Content-Type": "application/json",
        "X-Experience-API-Version": XAPI_VERSION,
    }
    if username or password:
        token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url, data=json.dumps(body).encode(), method=method, headers=headers
    )
    try:
        with _opener.open(request, timeout=request_timeout()) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
        error.close()
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise Unreachable(f"{type(error).__name__}: {error}") from error
    if status >= 500 or status in TRANSIENT_STATUSES:
        raise Unreachable(f"HTTP {status}")
    if 300 <= status < 400:
        raise Unreachable(f"HTTP {status}: the LRS redirects; set XAPI_LRS_ENDPOINT to its address")
    return status


def _mark_sent(
    rows: Sequence[OutboxStatement], *, now: datetime, report: SendReport, note: str = ""
) -> None:
    OutboxStatement.objects.filter(pk__in=[row.pk for row in rows]).update(
        status=OutboxStatus.SENT, sent_at=now, next_attempt_at=None, last_error=note
    )
    report.sent += len(rows)


def _mark_retry(
    rows: Sequence[OutboxStatement], *, now: datetime, error: str, report: SendReport
) -> None:
    logger.warning("xAPI: %d statement(s) not sent, tried again later: %s", len(rows), error)
    for row in rows:
        row.next_attempt_at = now + retry_delay(row.attempts)
        row.last_error = error[:255]
    OutboxStatement.objects.bulk_update(rows, ["next_attempt_at", "last_error"])
    report.retrying += len(rows)
