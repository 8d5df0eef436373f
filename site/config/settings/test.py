"""Settings for the test suite: fast hashing, email kept in memory, uploads in a temp folder.

The database and cache still come from ``DATABASE_URL`` and ``REDIS_URL``, so CI runs the same
suite against SQLite and against PostgreSQL + Redis.
"""

import os
import tempfile
from urllib.parse import urlsplit, urlunsplit

from config.env import env_str

from .base import *  # noqa: F403


def redis_database_for_worker(url: str, worker: int) -> str:
    """``url`` with its database number moved up by ``worker`` (``redis://h:6379/3``, worker 1:
    ``redis://h:6379/4``)."""
    parts = urlsplit(url)
    database = int(parts.path.lstrip("/") or 0) + worker
    return urlunsplit(parts._replace(path=f"/{database}"))


DEBUG = False
SECRET_KEY = "test-only-not-secret-weerbaar-0123456789abcdef0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="weerbaar-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
if REDIS_URL:
    CACHES["default"]["KEY_PREFIX"] = env_str("CACHE_KEY_PREFIX", "weerbaar-test")
    # Under pytest-xdist (CI) each worker gets its own Redis database next to the configured
    # one: the suite empties the cache around every test (FLUSHDB), which must not wipe the
    # rate-limit counters or stamps of a test running in the other worker.
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if _worker.startswith("gw"):
        CACHES["default"]["LOCATION"] = redis_database_for_worker(REDIS_URL, int(_worker[2:]))
LOGGING["root"]["level"] = "WARNING"

# Tasks run at once, in the test's own thread and transaction.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
