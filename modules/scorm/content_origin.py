"""The separate origin that serves package files, and the signed links into it.

Package files are served only on ``SCORM_CONTENT_ORIGIN`` (another host name than the site,
see the threat model in :mod:`modules.scorm`). That origin gets no cookies of the site, so a
link into it carries a signed, expiring token naming the learner, the package, the lesson that
plays it and the site's origin that may frame it; the token is the only way in and is good for
reading that one package's files. Empty setting: packages cannot be played (the block says so).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.http import HttpRequest

_SALT = "modules.scorm.content"


def content_origin() -> str:
    return settings.SCORM_CONTENT_ORIGIN.rstrip("/")


def is_content_host(request: HttpRequest) -> bool:
    """True when ``request`` came in on the content origin's host (and port)."""
    origin = content_origin()
    if not origin:
        return False
    return request.get_host().lower() == urlsplit(origin).netloc.lower()


@dataclass(frozen=True)
class ContentGrant:
    user_id: int
    package_id: int
    lesson_id: int
    parent_origin: str


def grant_token(*, user_id: int, package_id: int, lesson_id: int, parent_origin: str) -> str:
    return signing.dumps(
        {"u": user_id, "p": package_id, "l": lesson_id, "o": parent_origin},
        salt=_SALT,
        compress=True,
    )


def read_token(token: str) -> ContentGrant | None:
    """The grant in ``token``, or None when it is forged, garbled or older than its limit."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=settings.SCORM_TOKEN_MAX_AGE_HOURS * 3600)
        return ContentGrant(
            user_id=int(data["u"]),
            package_id=int(data["p"]),
            lesson_id=int(data["l"]),
            parent_origin=str(data["o"]),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def request_origin(request: HttpRequest) -> str:
    """The origin the learner's page was served from (scheme and host, as the browser sees it)."""
    return f"{request.scheme}://{request.get_host()}"
