"""Helpers for links that leave the site, such as the ones in emails.

Emails are sent by the task worker, outside any request, so they cannot ask a request for the
host. They take the site's own address instead: the root URL of Wagtail's default ``Site``
(Settings > Sites), or ``WAGTAILADMIN_BASE_URL`` when that is the better address. A fresh
install's default Site is ``localhost`` on port 80, and behind a TLS proxy a Site is often kept
on port 80 (so ``http://``); an https setting then wins. ``core.checks`` fails
``check --deploy`` when neither is a public https address.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

# Addresses that only work on the machine itself (or in the test client).
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0", "testserver"})  # noqa: S104


def is_public(url: str) -> bool:
    """Whether ``url`` names a host other people can reach (not this machine)."""
    host = (urlsplit(url).hostname or "").lower()
    return bool(host) and host not in LOCAL_HOSTS and not host.endswith(".localhost")


def is_public_https(url: str) -> bool:
    return urlsplit(url).scheme == "https" and is_public(url)


def _rank(url: str) -> int:
    return 2 if is_public_https(url) else 1 if is_public(url) else 0


def root_url(*, site_root_url: str | None = None) -> str:
    """The public address of the site, without a trailing slash: of the default Site's root
    URL and ``WAGTAILADMIN_BASE_URL``, the best (public https over public http over local),
    the Site's on a tie. ``site_root_url`` skips reading the Site (for a caller that has it)."""
    if site_root_url is None:
        site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
        site_root_url = site.root_url if site else ""
    candidates = [url for url in (site_root_url, settings.WAGTAILADMIN_BASE_URL) if url]
    if not candidates:
        return ""
    return max(candidates, key=_rank).rstrip("/")  # max keeps the first of equals


def absolute_url(path: str, *, base: str | None = None) -> str:
    """``path`` on the public address of the site (:func:`root_url`). A task that builds many
    links passes ``base=root_url()`` once."""
    return f"{root_url() if base is None else base}{path}"
