"""Who may call the SCIM API, and how much: django-scim2's ``AUTH_CHECK_MIDDLEWARE``.

:class:`BearerTokenCheck` refuses a body over ``WEERBAAR_SCIM_MAX_BODY_BYTES`` (413), a
missing, unknown or revoked token (401), and more than ``WEERBAAR_SCIM_RATE_LIMIT_PER_MINUTE``
requests of one client, or more than ``WEERBAAR_SCIM_FAILED_PER_MINUTE`` refused tokens from
one address, per minute (429 with ``Retry-After``, which Entra honours). It never logs bodies
(they hold names and addresses).

Its own module, not :mod:`provisioning.scim`: django-scim2 imports this class while its views
module is being imported (a decorator on ``SCIMView.dispatch``), so it must not import them.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scim import constants
from django_scim.middleware import SCIMAuthCheckMiddleware

from accounts.audit import client_ip
from provisioning.selectors import client_for_token
from provisioning.services import scim_client_touch


def scim_error(status: int, detail: str, scim_type: str | None = None) -> HttpResponse:
    """An error in RFC 7644's form (section 3.12)."""
    body: dict[str, Any] = {
        "schemas": [constants.SchemaURI.ERROR],
        "detail": detail,
        "status": str(status),
    }
    if scim_type:
        body["scimType"] = scim_type
    return HttpResponse(json.dumps(body), content_type=constants.SCIM_CONTENT_TYPE, status=status)


def _over_limit(key: str, limit: int) -> bool:
    """A fixed one-minute window in the cache (Redis in production: every worker counts)."""
    window = int(timezone.now().timestamp() // 60)
    name = f"scim:rate:{key}:{window}"
    cache.add(name, 0, timeout=120)
    try:
        count = cache.incr(name)
    except ValueError:  # evicted between add and incr
        cache.set(name, 1, timeout=120)
        count = 1
    return count > limit


def _too_many() -> HttpResponse:
    response = scim_error(429, _("Too many requests. Try again in a minute."))
    response["Retry-After"] = "60"
    return response


class BearerTokenCheck(SCIMAuthCheckMiddleware):
    """django-scim2's ``AUTH_CHECK_MIDDLEWARE``: the request's bearer token names its client
    (``request.scim_client``); nobody is logged in as a user."""

    def should_log_request(self, request) -> bool:
        return False  # bodies hold names and addresses

    def process_request(self, request):
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not length.isdigit() or int(length) > settings.WEERBAAR_SCIM_MAX_BODY_BYTES:
            return scim_error(413, _("The request is too large."))
        scheme, _space, token = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
        client = client_for_token(token.strip()) if scheme.lower() == "bearer" else None
        if client is None:
            if _over_limit(f"fail:{client_ip(request)}", settings.WEERBAAR_SCIM_FAILED_PER_MINUTE):
                return _too_many()
            response = scim_error(401, _("A valid bearer token is needed."))
            response["WWW-Authenticate"] = 'Bearer realm="weerbaar-scim"'
            return response
        if _over_limit(f"client:{client.pk}", settings.WEERBAAR_SCIM_RATE_LIMIT_PER_MINUTE):
            return _too_many()
        scim_client_touch(client=client)
        request.scim_client = client
        return None
