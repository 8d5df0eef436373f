"""Typed helpers to read settings from the environment.

Kept tiny on purpose: settings stay readable, and every variable a deployment can set is named
in ``.env.example``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


Environ = Mapping[str, str]


def env_str(name: str, default: str = "", *, environ: Environ | None = None) -> str:
    return (os.environ if environ is None else environ).get(name, default)


def env_required(name: str, *, environ: Environ | None = None) -> str:
    """Return a variable that must be set; refuse to start without it."""
    value = (os.environ if environ is None else environ).get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def env_bool(name: str, default: bool = False, *, environ: Environ | None = None) -> bool:
    raw = (os.environ if environ is None else environ).get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}.")


def env_int(name: str, default: int, *, environ: Environ | None = None) -> int:
    raw = (os.environ if environ is None else environ).get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {raw!r}.") from exc


def env_list(
    name: str, default: list[str] | None = None, *, environ: Environ | None = None
) -> list[str]:
    """A comma-separated list; blanks are dropped."""
    raw = (os.environ if environ is None else environ).get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


# -- More than one machine: storage, search, frontend cache (docs/deployment.md) ---------------
# Each reads its variables from ``environ`` (the process environment by default), so the tests
# can check the parsing without starting Django again.

MEDIA_STORAGE_CHOICES = ("local", "s3")


def media_storage(*, environ: Environ | None = None) -> dict:
    """Django's ``STORAGES["default"]`` (images and documents): local files under MEDIA_ROOT
    by default, or a private S3-compatible bucket (``MEDIA_STORAGE=s3``, django-storages; the
    ``prod`` extra installs it).

    The bucket stays private: no ACL is set on the objects (the bucket's own policy applies:
    block all public access) and every URL the storage gives out is signed and expires
    (``S3_URL_EXPIRE_SECONDS``). Only images get such URLs (in pages); documents are served
    through Wagtail's serve view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which checks the
    reader and streams the file from the bucket, so a document never has a bucket URL."""
    kind = env_str("MEDIA_STORAGE", "local", environ=environ).strip().lower() or "local"
    if kind not in MEDIA_STORAGE_CHOICES:
        raise ImproperlyConfigured(
            f"MEDIA_STORAGE must be one of {', '.join(MEDIA_STORAGE_CHOICES)}, got {kind!r}."
        )
    if kind == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": env_required("S3_BUCKET_NAME", environ=environ),
        "location": env_str("S3_LOCATION", "media", environ=environ),
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": env_int("S3_URL_EXPIRE_SECONDS", 3600, environ=environ),
        "file_overwrite": False,
    }
    optional = {
        "endpoint_url": "S3_ENDPOINT_URL",
        "region_name": "S3_REGION_NAME",
        "access_key": "S3_ACCESS_KEY_ID",
        "secret_key": "S3_SECRET_ACCESS_KEY",
        "addressing_style": "S3_ADDRESSING_STYLE",
    }
    for option, name in optional.items():
        # Without keys boto3 finds credentials itself (an instance role, AWS_* variables).
        if value := env_str(name, environ=environ).strip():
            options[option] = value
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_origin(storage: dict) -> str | None:
    """The origin images come from when they are in a bucket (for the Content-Security-Policy's
    img-src): the endpoint's, or AWS's address of the bucket; None for local files."""
    options = storage.get("OPTIONS", {})
    if "bucket_name" not in options:
        return None
    endpoint = options.get("endpoint_url")
    if endpoint:
        parts = urlsplit(endpoint)
        host = parts.netloc
        if options.get("addressing_style") == "virtual":
            host = f"{options['bucket_name']}.{host}"
        return f"{parts.scheme}://{host}"
    region = options.get("region_name")
    suffix = f"s3.{region}.amazonaws.com" if region else "s3.amazonaws.com"
    return f"https://{options['bucket_name']}.{suffix}"


SEARCH_BACKENDS = (
    "database",
    "opensearch2",
    "opensearch3",
    "elasticsearch7",
    "elasticsearch8",
    "elasticsearch9",
)


def search_backends(*, environ: Environ | None = None) -> dict:
    """``WAGTAILSEARCH_BACKENDS``: the database backend by default (PostgreSQL full-text search,
    nothing else to run), or OpenSearch/Elasticsearch (``SEARCH_BACKEND=opensearch3`` and
    ``SEARCH_URLS``; the matching client package must be installed, see docs/deployment.md).
    After switching, ``manage.py update_index`` fills the new index."""
    kind = env_str("SEARCH_BACKEND", "database", environ=environ).strip().lower() or "database"
    if kind not in SEARCH_BACKENDS:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND must be one of {', '.join(SEARCH_BACKENDS)}, got {kind!r}."
        )
    if kind == "database":
        return {"default": {"BACKEND": "wagtail.search.backends.database"}}
    urls = env_list("SEARCH_URLS", environ=environ)
    if not urls:
        raise ImproperlyConfigured(f"SEARCH_BACKEND={kind} needs SEARCH_URLS.")
    return {
        "default": {
            "BACKEND": f"wagtail.search.backends.{kind}",
            "URLS": urls,
            "INDEX": env_str("SEARCH_INDEX", "weerbaar", environ=environ),
            "TIMEOUT": env_int("SEARCH_TIMEOUT_SECONDS", 5, environ=environ),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }


FRONTEND_CACHE_CHOICES = ("", "http", "cloudflare", "cloudfront")


def frontend_cache(*, environ: Environ | None = None) -> dict:
    """``WAGTAILFRONTENDCACHE``: empty (off, the default), or purge a page's URLs from a
    caching proxy when it is published or unpublished: ``http`` (Varnish or nginx, an HTTP
    PURGE to ``FRONTEND_CACHE_LOCATION``), ``cloudflare`` or ``cloudfront``. Only public pages
    are purged (core.frontend_cache): learner pages are never cached by a proxy."""
    kind = env_str("FRONTEND_CACHE", environ=environ).strip().lower()
    if kind not in FRONTEND_CACHE_CHOICES:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE must be empty or one of http, cloudflare, cloudfront, got {kind!r}."
        )
    if kind == "":
        return {}
    backends = "wagtail.contrib.frontend_cache.backends"
    if kind == "http":
        backend = {
            "BACKEND": f"{backends}.HTTPBackend",
            "LOCATION": env_required("FRONTEND_CACHE_LOCATION", environ=environ),
        }
    elif kind == "cloudflare":
        backend = {
            "BACKEND": f"{backends}.CloudflareBackend",
            "BEARER_TOKEN": env_required("FRONTEND_CACHE_CLOUDFLARE_TOKEN", environ=environ),
            "ZONEID": env_required("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID", environ=environ),
        }
    else:
        backend = {
            "BACKEND": f"{backends}.CloudfrontBackend",
            "DISTRIBUTION_ID": env_required(
                "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID", environ=environ
            ),
        }
    return {"default": backend}
