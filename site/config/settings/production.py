"""Production settings: refuse to start without a secret key, allowed hosts or Redis; HTTPS
only, WhiteNoise statics.

Run with ``PYTHONPATH=site:. gunicorn config.wsgi`` and ``DJANGO_SETTINGS_MODULE`` set to
``config.settings.production``. ``manage.py check --deploy`` passes without warnings once the
variables in ``.env.example`` are set.
"""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_required

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must be set.")
# One Redis for every worker and node: allauth's rate limits, the sessions (cached_db) and the
# version stamps of core.changes that keep the learner caches right. A local-memory cache per
# process would count rate limits per worker and serve stale pages after a change on another.
REDIS_URL = env_required("REDIS_URL")

# The site runs behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# WhiteNoise serves the collected static files straight after the security middleware.
MIDDLEWARE = [
    MIDDLEWARE[0],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
