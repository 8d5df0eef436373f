"""Keep Wagtail's fixed rows (default locale, root page, root collection) in the database.

Wagtail's own migrations create these rows once. A ``flush`` (which Django's transactional
tests run after every test, and which an operator may run by hand) deletes them, and the
migrations do not run again; only ``post_migrate`` fires. Without a root page and a root
collection, Wagtail and our role permissions (granted on those roots) cannot work, so the
``post_migrate`` handler that syncs the roles (:mod:`accounts.permissions`) puts them back
first. (``core`` has no models, and Django sends ``post_migrate`` only to apps with models.)
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page


def ensure_wagtail_roots(*, using: str = "default") -> None:
    """Create the default locale, root page and root collection when missing; idempotent."""

    # Content types may have been flushed too, and the contenttypes app's own handler runs
    # after ours; recreate the ones we need now (a no-op when they exist).
    ContentType.objects.clear_cache()
    create_contenttypes(apps.get_app_config("wagtailcore"), verbosity=0, using=using)

    if not Locale.objects.using(using).exists():
        Locale.objects.using(using).create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
    if not Page.objects.using(using).filter(depth=1).exists():
        Page.add_root(
            instance=Page(
                title="Root",
                slug="root",
                content_type=ContentType.objects.db_manager(using).get_for_model(Page),
                locale=Locale.objects.using(using).first(),
            )
        )
    if not Collection.objects.using(using).filter(depth=1).exists():
        Collection.add_root(name="Root")
