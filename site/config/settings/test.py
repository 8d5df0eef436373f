"""Settings for the test suite: fast hashing, email kept in memory, uploads in a temp folder.

The database and cache still come from ``DATABASE_URL`` and ``REDIS_URL``, so CI runs the same
suite against SQLite and against PostgreSQL + Redis.
"""

import tempfile

from config.env import env_str

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-weerbaar-0123456789abcdef0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="weerbaar-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
if REDIS_URL:
    CACHES["default"]["KEY_PREFIX"] = env_str("CACHE_KEY_PREFIX", "weerbaar-test")
LOGGING["root"]["level"] = "WARNING"

# Tasks run at once, in the test's own thread and transaction.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
