"""System check: xAPI switched on without an LRS to send to would fill the outbox for nothing."""

from __future__ import annotations

from django.core.checks import Error, register

from modules.xapi.config import lrs_statements_url, xapi_enabled


@register()
def xapi_needs_an_lrs(app_configs=None, **kwargs):
    if xapi_enabled() and not lrs_statements_url():
        return [
            Error(
                "XAPI_ENABLED is on but XAPI_LRS_ENDPOINT is empty.",
                hint="Set XAPI_LRS_ENDPOINT (and its credentials) or switch XAPI_ENABLED off.",
                id="xapi.E001",
            )
        ]
    return []
