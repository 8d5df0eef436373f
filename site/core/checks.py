"""System checks of the site's own settings, run by ``manage.py check`` (registered when the
core app is ready)."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import DatabaseError
from wagtail.models import Site

from core.urls import is_public_https


def _default_site_root_url() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


@register(Tags.security, deploy=True)
def check_public_root_url(app_configs=None, databases=None, **kwargs) -> list[Error]:
    """Links in emails need the site's public https address (``core.urls.root_url``): with the
    defaults they point at ``http://127.0.0.1:8000``. Passes when ``WAGTAILADMIN_BASE_URL`` is
    one, or (when the check may read the database: ``check --deploy --database default``) the
    default Wagtail Site's root URL is."""
    if is_public_https(settings.WAGTAILADMIN_BASE_URL):
        return []
    if databases and "default" in databases:
        try:
            if is_public_https(_default_site_root_url()):
                return []
        except DatabaseError:
            pass  # not migrated yet: the setting alone decides
    return [
        Error(
            "Links in emails have no public address: neither WAGTAILADMIN_BASE_URL "
            f"({settings.WAGTAILADMIN_BASE_URL!r}) nor the default Wagtail Site is a public "
            "https address.",
            hint=(
                "Set WAGTAILADMIN_BASE_URL to the site's address, such as "
                "https://weerbaar.example.nl (localhost, 127.0.0.1 and http:// do not count)."
            ),
            id="weerbaar.E001",
        )
    ]
