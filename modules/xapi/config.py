"""The xAPI settings, read in one place (documented in ``.env.example`` and docs/xapi.md).

Read at the moment they are needed, not at import, so a deployment (and a test) can switch
the LRS on, off or to another address without touching the code that records statements.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings

from core.urls import root_url


def xapi_enabled() -> bool:
    """Off by default: nothing is written to the outbox and nothing is sent."""
    return bool(getattr(settings, "XAPI_ENABLED", False))


def xapi_root() -> str:
    """The root of the actor's ``homePage`` and of every activity id: ``XAPI_ROOT_URL`` when
    set (keep it when the site moves to another address, or every activity gets a new id),
    otherwise the site's public address."""
    return (getattr(settings, "XAPI_ROOT_URL", "") or root_url()).rstrip("/")


def lrs_statements_url() -> str:
    """``XAPI_LRS_ENDPOINT`` is the LRS's xAPI base (``https://lrs.example.nl/xAPI/``); its
    Statement Resource is ``statements`` under it."""
    endpoint = getattr(settings, "XAPI_LRS_ENDPOINT", "")
    return f"{endpoint.rstrip('/')}/statements" if endpoint else ""


def lrs_credentials() -> tuple[str, str]:
    return (
        getattr(settings, "XAPI_LRS_USERNAME", ""),
        getattr(settings, "XAPI_LRS_PASSWORD", ""),
    )


def request_timeout() -> float:
    return float(getattr(settings, "XAPI_TIMEOUT_SECONDS", 10))


def batch_size() -> int:
    return int(getattr(settings, "XAPI_BATCH_SIZE", 50))


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff: ``XAPI_RETRY_BASE_SECONDS`` after the first failed send, doubled
    after each further one, never more than ``XAPI_RETRY_MAX_SECONDS``. There is no last try:
    a statement waits for an LRS that is down for a weekend."""
    base = int(getattr(settings, "XAPI_RETRY_BASE_SECONDS", 60))
    cap = int(getattr(settings, "XAPI_RETRY_MAX_SECONDS", 6 * 3600))
    exponent = max(0, attempts - 1)
    return timedelta(seconds=min(cap, base * 2 ** min(exponent, 32)))


def keep_sent_days() -> int:
    return int(getattr(settings, "XAPI_KEEP_SENT_DAYS", 90))
