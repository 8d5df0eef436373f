"""A real email backend for the tests of failing sends: it refuses the next ``refusals``
messages (the server hangs up, or is not there), then delivers into ``mail.outbox`` as Django's
locmem backend does. :func:`flaky_mail_server` switches it on for a test."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.mail.backends.locmem import EmailBackend as LocMemEmailBackend
from django.test import override_settings


class FlakyMailServer(LocMemEmailBackend):
    refusals = 0
    error: type[OSError] = smtplib.SMTPServerDisconnected

    def send_messages(self, messages):
        if FlakyMailServer.refusals > 0:
            FlakyMailServer.refusals -= 1
            raise FlakyMailServer.error("Connection unexpectedly closed")
        return super().send_messages(messages)


@contextmanager
def flaky_mail_server() -> Iterator[type[FlakyMailServer]]:
    FlakyMailServer.refusals = 0
    FlakyMailServer.error = smtplib.SMTPServerDisconnected
    try:
        with override_settings(EMAIL_BACKEND="tests.core.mail_server.FlakyMailServer"):
            yield FlakyMailServer
    finally:
        FlakyMailServer.refusals = 0
