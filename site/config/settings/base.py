"""Settings shared by every environment.

Paths: ``BASE_DIR`` is the repository root (so ``MEDIA_ROOT`` is the top-level ``media/``) and
``SITE_DIR`` is the plain ``site/`` folder that holds this project package. The environment
variables read here are documented in ``.env.example``.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from config.env import (
    env_bool,
    env_int,
    env_list,
    env_str,
    frontend_cache,
    media_origin,
    media_storage,
    search_backends,
)

SITE_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = SITE_DIR.parent

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# ---------------------------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------------------------
INSTALLED_APPS = [
    # Our own apps first, so their templates override those of the libraries.
    "core",
    "accounts",
    "home",
    "quizzes",
    "modules.learning",
    "modules.awareness",
    "modules.council",
    "modules.trends",
    "modules.scorm",
    "modules.contentpacks",
    "modules.goals",
    "modules.reporting",
    "modules.xapi",
    "modules.reminders",
    "provisioning",
    "portal",
    "demo",
    # Background tasks (email): django-tasks with its database backend and `db_worker`.
    "django_tasks",
    "django_tasks_db",
    # Wagtail
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.WeerbaarUsersConfig",  # wagtail.users with our user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Authentication
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside XFrameOptionsMiddleware: the policy's frame-ancestors follows X-Frame-Options.
    "core.middleware.ContentSecurityPolicyMiddleware",
    # On SCORM_CONTENT_ORIGIN's host only package files and static files; a lesson page that
    # plays a package may frame that origin (modules.scorm; inside the policy's middleware).
    "modules.scorm.middleware.ContentOriginMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Renews the idle timeout at most once a minute (no session write on every GET).
    "core.sessions.SessionRefreshMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.PrivateNoStoreMiddleware",  # needs request.user
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.AdminAccessMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail's page routing from the cache (keyed by the tree's version stamp).
    "core.routing.PageRouteCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.navigation",
            ],
        },
    },
]

# ---------------------------------------------------------------------------------------------
# Data: database and cache
# ---------------------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # Shared cache: allauth's rate limits must count across all gunicorn workers.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "weerbaar"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "weerbaar",
        }
    }

# ---------------------------------------------------------------------------------------------
# People and authentication
# ---------------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "my_learning"

# django-allauth: email + password, accounts come from HR (no self-signup).
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.sso.SocialAccountAdapter"
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False  # the idle timeout below always applies
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Weerbaar] "
ACCOUNT_PREVENT_ENUMERATION = True
# Addresses come from HR: nobody adds a second one (accounts.views.EmailFromHRView replaces
# allauth's email page; this keeps allauth's own form refusing as well).
ACCOUNT_MAX_EMAIL_ADDRESSES = 1
# allauth's login rate limits (the key names of allauth 65.21, account/app_settings.py). Staff
# of the municipality reach the site from behind one NAT address: at 09:00 a few hundred people
# log in from one IP within minutes. So the limits per IP are generous and the one per account
# strict; a brute-force attack on one account still gets 5 tries per 5 minutes.
# - login: every login POST, right or wrong, per IP (allauth's default 30/m/ip would refuse
#   the 31st colleague in a minute).
# - login_failed: wrong passwords, per IP and per account (the email address).
# Set ALLAUTH_TRUSTED_PROXY_COUNT (below) right, or every client counts as the proxy's IP.
ACCOUNT_RATE_LIMITS = {
    "login": env_str("ACCOUNT_RATE_LIMIT_LOGIN", "1000/m/ip"),
    "login_failed": env_str("ACCOUNT_RATE_LIMIT_LOGIN_FAILED", "100/m/ip,5/5m/key"),
}
# How many reverse proxies of our own stand in front of gunicorn. allauth takes the client IP
# for its rate limits from X-Forwarded-For, the address that many hops from the right (each
# proxy appends the address it saw). 0: X-Forwarded-For is ignored and REMOTE_ADDR counts
# (gunicorn faces the clients). Behind one load balancer: 1. Too high is dangerous: allauth then
# reads an address the client wrote itself, so an attacker rotates fake X-Forwarded-For values
# and escapes every per-IP limit (and a request with fewer addresses than the count is refused
# with an error). Too low (0 behind a proxy): everybody counts as the proxy's one IP.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("ALLAUTH_TRUSTED_PROXY_COUNT", 0)

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Roles that need MFA cannot deactivate it and reauthenticate with their second factor only.
MFA_ADAPTER = "accounts.adapters.MFAAdapter"
MFA_TOTP_ISSUER = "Weerbaar Dordrecht"

# Single sign-on with Microsoft Entra ID (OpenID Connect). Only switched on when all three
# variables are set; without them the SSO button is absent. See docs/sso.md.
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_LOGIN_ON_GET = False
# Entra's email claim is no proof of owning the address (django-allauth #3675): allauth's own
# email matching is off; accounts.sso links by tenant + object id and matches a first login only
# within the municipality's own domains.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
WEERBAAR_SSO_EMAIL_DOMAINS = env_list("SSO_EMAIL_DOMAINS")
SOCIALACCOUNT_PROVIDERS: dict = {}
ENTRA_TENANT_ID = env_str("ENTRA_TENANT_ID")
ENTRA_CLIENT_ID = env_str("ENTRA_CLIENT_ID")
ENTRA_CLIENT_SECRET = env_str("ENTRA_CLIENT_SECRET")
if ENTRA_TENANT_ID and ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET:
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "entra",
                "name": env_str("ENTRA_BUTTON_LABEL", "Microsoft-account van de gemeente"),
                "client_id": ENTRA_CLIENT_ID,
                "secret": ENTRA_CLIENT_SECRET,
                "settings": {
                    "server_url": f"https://login.microsoftonline.com/{ENTRA_TENANT_ID}/v2.0",
                    # The immutable object id is the link (not the pairwise ``sub``); it and the
                    # tenant id are in the ID token, not in the userinfo answer.
                    "uid_field": "oid",
                    "fetch_userinfo": False,
                },
            }
        ],
    }

# Sessions: an idle timeout and no "remember me". The session is saved (and its expiry moved)
# when a view changes it, and otherwise at most once a minute by core.sessions (no write on
# every GET). Reads come from the cache (Redis in production, shared by every node), writes go
# to the cache and the database. `manage.py clearsessions` removes expired rows (README).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_TIMEOUT_MINUTES", 60) * 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"  # Wagtail sets SAMEORIGIN on its own preview views

# Content-Security-Policy (django-csp, served by core.middleware.ContentSecurityPolicyMiddleware,
# which also sets frame-ancestors 'self' where X-Frame-Options is SAMEORIGIN, Wagtail's preview,
# and allows inline styles in the admin only). Every asset is local: no CDN, no embeds, no
# gravatar. Inline scripts need the request's nonce (core.csp); there is no
# 'unsafe-inline' or 'unsafe-eval' for scripts, and the Wagtail admin works without them.
_CSP_FORM_ACTION = [SELF]
if ENTRA_TENANT_ID and ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET:
    # The SSO button posts to allauth, which redirects to Entra; browsers check form-action
    # on that redirect too.
    _CSP_FORM_ACTION.append("https://login.microsoftonline.com")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],  # data: for Wagtail's icons and allauth's TOTP QR code
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],  # lesson videos and captions are documents on this site
        "frame-src": [SELF],  # only the admin's preview panel
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": _CSP_FORM_ACTION,
        "frame-ancestors": [NONE],
    }
}

# ---------------------------------------------------------------------------------------------
# Language and time
# ---------------------------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# ---------------------------------------------------------------------------------------------
# Static and uploaded files
# ---------------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "media"))
# Where an uploaded content pack waits between the dry run and the import (private to this
# user). Empty: a folder per uid under the system's temporary folder.
CONTENT_PACK_UPLOAD_DIR = env_str("CONTENT_PACK_UPLOAD_DIR")
# Images and documents: local files under MEDIA_ROOT by default; MEDIA_STORAGE=s3 puts them in
# a private S3-compatible bucket shared by every web node (config.env.media_storage,
# docs/deployment.md). Static files stay on each node (collectstatic, WhiteNoise).
STORAGES = {
    "default": media_storage(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# SCORM packages (modules.scorm, docs/scorm.md): their files are served only on this separate
# origin (another host name for the same deployment, e.g. https://scorm.weerbaar.example; it
# must also be in ALLOWED_HOSTS). Empty: packages can be uploaded but not played.
SCORM_CONTENT_ORIGIN = env_str("SCORM_CONTENT_ORIGIN").rstrip("/")
SCORM_TOKEN_MAX_AGE_HOURS = env_int("SCORM_TOKEN_MAX_AGE_HOURS", 12)
SCORM_MAX_UPLOAD_MB = env_int("SCORM_MAX_UPLOAD_MB", 200)
SCORM_MAX_UNCOMPRESSED_MB = env_int("SCORM_MAX_UNCOMPRESSED_MB", 500)
SCORM_MAX_FILES = env_int("SCORM_MAX_FILES", 3000)
SCORM_MAX_COMPRESSION_RATIO = env_int("SCORM_MAX_COMPRESSION_RATIO", 100)
if _MEDIA_ORIGIN := media_origin(STORAGES["default"]):
    # Images in pages come from the bucket (signed URLs); documents never do (serve view).
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_MEDIA_ORIGIN)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000  # the Wagtail page editor posts many fields

# ---------------------------------------------------------------------------------------------
# Email
# ---------------------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Weerbaar <weerbaar@dordrecht.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A send that fails (mail server down, connection refused) is tried again after each of these
# waits, in minutes, and then given up; beheer sees every failure in the admin (core.mail).
WEERBAAR_EMAIL_RETRY_MINUTES = [
    int(minutes) for minutes in env_list("EMAIL_RETRY_MINUTES", ["1", "5", "30"])
]

# Background tasks: stored in the database and run by `manage.py db_worker` (see README).
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# ---------------------------------------------------------------------------------------------
# Wagtail
# ---------------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Weerbaar"
# The site's public address, for links in emails (core.urls.root_url: the default Site's root
# URL when that is the better one). check --deploy fails unless one is a public https address.
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# One login for site and admin: allauth's, with its rate limits and MFA.
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"  # private pages
# Passwords and addresses are allauth's (or HR's) business, not the admin's account page.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# A shared page password is a login beside allauth; pages are restricted by login or audience.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILUSERS_PASSWORD_REQUIRED = False  # HR accounts log in via SSO or set a password by reset
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Trends go live only through the four-eyes workflow; its final approval publishes with the
# approval as the permission (see modules.trends.finish).
WAGTAIL_FINISH_WORKFLOW_ACTION = "modules.trends.finish.publish_after_approval"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The database backend by default; SEARCH_BACKEND=opensearch3 (or elasticsearch8, ...) and
# SEARCH_URLS for a search cluster (config.env.search_backends).
WAGTAILSEARCH_BACKENDS = search_backends()
# Purging a caching proxy or CDN when a public page is published or unpublished: off unless
# FRONTEND_CACHE is set (config.env.frontend_cache). core.frontend_cache replaces Wagtail's
# app config so that only public pages (no audience gate, no view restriction) are purged.
WAGTAILFRONTENDCACHE = frontend_cache()
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("core.frontend_cache.PublicPagesFrontendCacheConfig")
# Documents only through Wagtail's serve view, whatever the storage: it checks login and the
# audience of the pages that use the document (core.wagtail_hooks). The web server must never
# expose MEDIA_ROOT/documents itself, and with MEDIA_STORAGE=s3 the view streams the file from
# the private bucket (it never redirects to a bucket URL).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "txt", "csv", "vtt"]
# No SVG: an SVG is a document that can carry script, and images are served from our origin.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Avatars stay local: gravatar.com would receive a hash of every staff member's email address.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# ---------------------------------------------------------------------------------------------
# Weerbaar
# ---------------------------------------------------------------------------------------------
# Someone counts as a "nieuwe medewerker" for this many days after their start date.
WEERBAAR_NEW_EMPLOYEE_PERIOD_DAYS = env_int("WEERBAAR_NEW_EMPLOYEE_PERIOD_DAYS", 183)
# Aggregates over fewer people than this are not shown (item analysis), so no figure can be
# traced back to one person.
WEERBAAR_MIN_GROUP_SIZE = env_int("WEERBAAR_MIN_GROUP_SIZE", 5)
# Retention (manage.py apply_retention): reminder logs, and the answers of quiz attempts (the
# score and pass/fail of an attempt stay, as proof of completion).
WEERBAAR_RETENTION_REMINDER_DAYS = env_int("WEERBAAR_RETENTION_REMINDER_DAYS", 730)
WEERBAAR_RETENTION_QUIZ_ANSWERS_DAYS = env_int("WEERBAAR_RETENTION_QUIZ_ANSWERS_DAYS", 1095)
# The audit log (role, password, MFA and activation changes) is kept five years by default.
WEERBAAR_RETENTION_AUDIT_DAYS = env_int("WEERBAAR_RETENTION_AUDIT_DAYS", 1825)
# A trend counts as "Nieuw" for this many days after it was first published.
WEERBAAR_TREND_NEW_DAYS = env_int("WEERBAAR_TREND_NEW_DAYS", 30)
# Check-in for a session opens this many minutes before its start.
WEERBAAR_CHECKIN_OPENS_MINUTES_BEFORE = env_int("WEERBAAR_CHECKIN_OPENS_MINUTES_BEFORE", 30)
# Paths behind which every user needs MFA set up and used in this session (admin, reports).
WEERBAAR_MFA_PROTECTED_PATHS = ("/admin/", "/rapportages/")

# xAPI: learning records to a Learning Record Store (docs/xapi.md). Off by default: while off,
# nothing is written to the outbox and nothing is sent. Raadsleden's records never are.
XAPI_ENABLED = env_bool("XAPI_ENABLED", False)
# The LRS's xAPI base address (statements are sent to <endpoint>/statements) and its HTTP basic
# authentication.
XAPI_LRS_ENDPOINT = env_str("XAPI_LRS_ENDPOINT")
XAPI_LRS_USERNAME = env_str("XAPI_LRS_USERNAME")
XAPI_LRS_PASSWORD = env_str("XAPI_LRS_PASSWORD")
# The root of the actor's homePage and of every activity id; empty: the site's public address.
# Set it to the old address when the site moves, or every activity gets a new id.
XAPI_ROOT_URL = env_str("XAPI_ROOT_URL")
XAPI_TIMEOUT_SECONDS = env_int("XAPI_TIMEOUT_SECONDS", 10)
XAPI_BATCH_SIZE = env_int("XAPI_BATCH_SIZE", 50)
# A failed send is tried again after XAPI_RETRY_BASE_SECONDS, doubled after each further
# failure up to XAPI_RETRY_MAX_SECONDS; statements wait for the LRS however long it is down.
XAPI_RETRY_BASE_SECONDS = env_int("XAPI_RETRY_BASE_SECONDS", 60)
XAPI_RETRY_MAX_SECONDS = env_int("XAPI_RETRY_MAX_SECONDS", 6 * 3600)
# Sent statements stay in the outbox this many days (send_xapi_statements removes older ones).
XAPI_KEEP_SENT_DAYS = env_int("XAPI_KEEP_SENT_DAYS", 90)

# SCIM 2.0 provisioning from Entra ID under /scim/v2/ (provisioning, docs/provisioning.md):
# django-scim2 with Weerbaar's adapters and views; clients and their bearer tokens are made in
# the admin. Limits per request: body size, PATCH operations, page size; per minute: requests
# of one client and refused tokens from one address.
SCIM_SERVICE_PROVIDER = {
    "USER_ADAPTER": "provisioning.scim.ScimUser",
    "GROUP_ADAPTER": "provisioning.scim.ScimGroup",
    "GROUP_MODEL": "accounts.models.Department",
    "SERVICE_PROVIDER_CONFIG_MODEL": "provisioning.discovery.ServiceProviderConfig",
    "SCHEMAS_GETTER": "provisioning.discovery.schemas",
    "BASE_LOCATION_GETTER": "provisioning.discovery.base_location",
    "AUTH_CHECK_MIDDLEWARE": "provisioning.auth.BearerTokenCheck",
    "DOCUMENTATION_URI": None,
    "NETLOC": "unused",  # required by the library; locations use WAGTAILADMIN_BASE_URL
    "AUTHENTICATION_SCHEMES": [{"type": "oauthbearertoken", "name": "Bearer token"}],
}
WEERBAAR_SCIM_MAX_BODY_BYTES = env_int("WEERBAAR_SCIM_MAX_BODY_BYTES", 65536)
WEERBAAR_SCIM_MAX_OPERATIONS = env_int("WEERBAAR_SCIM_MAX_OPERATIONS", 50)
WEERBAAR_SCIM_MAX_PAGE_SIZE = env_int("WEERBAAR_SCIM_MAX_PAGE_SIZE", 100)
WEERBAAR_SCIM_RATE_LIMIT_PER_MINUTE = env_int("WEERBAAR_SCIM_RATE_LIMIT_PER_MINUTE", 1200)
WEERBAAR_SCIM_FAILED_PER_MINUTE = env_int("WEERBAAR_SCIM_FAILED_PER_MINUTE", 30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},  # Wagtail's search indexing logs every task
    },
}
