"""Settings per environment, checked by starting Django in a separate process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from config.settings.test import redis_database_for_worker

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "k7#pQ2!vR9@xL4$wZ8^mN3&bT6*yH1(eJ5)uG0-aS2_dF7+cV4=zX9%qW3",
    "ALLOWED_HOSTS": "weerbaar.dordrecht.nl",
    "CSRF_TRUSTED_ORIGINS": "https://weerbaar.dordrecht.nl",
    "DATABASE_URL": "sqlite:///:memory:",
    "REDIS_URL": "redis://127.0.0.1:6379/9",  # production refuses to start without Redis
    "WAGTAILADMIN_BASE_URL": "https://weerbaar.dordrecht.nl",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # A clean production environment: nothing the test run itself sets (the browser tests set
    # DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly rejects) leaks into it.
    leaking = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in leaking}
    clean.update(env)
    clean["PYTHONPATH"] = f"{ROOT / 'site'}{os.pathsep}{ROOT}"
    return subprocess.run(
        [sys.executable, str(ROOT / "site" / "manage.py"), *args],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "ALLOWED_HOSTS"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_check_deploy_has_no_warnings_with_the_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_cookies_are_secure_and_static_files_use_whitenoise():
    script = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE,"
        " s.CSRF_COOKIE_SECURE, s.DEBUG,"
        " 'whitenoise.middleware.WhiteNoiseMiddleware' in s.MIDDLEWARE,"
        " s.STORAGES['staticfiles']['BACKEND'].startswith('whitenoise'))"
    )
    result = manage("shell", "-c", script, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        *("True", "True", "Lax", "True", "False", "True", "True")
    ]


def test_idle_timeout_comes_from_the_environment():
    script = "from django.conf import settings as s; print(s.SESSION_COOKIE_AGE)"
    env = {**PRODUCTION_ENV, "SESSION_IDLE_TIMEOUT_MINUTES": "15"}
    result = manage("shell", "-c", script, env=env)
    assert result.stdout.strip().splitlines()[-1] == "900"


def test_redis_url_moves_the_cache_to_redis():
    script = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])"
    env = {**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/9"}
    result = manage("shell", "-c", script, env=env)
    assert result.stdout.strip().splitlines()[-1].endswith("RedisCache")
    # Without it: a local-memory cache, outside production (which refuses to start).
    env = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "REDIS_URL": ""}
    result = manage("shell", "-c", script, env=env)
    assert result.stdout.strip().splitlines()[-1].endswith("LocMemCache")


def test_sso_is_configured_only_with_all_entra_variables():
    script = (
        "from django.conf import settings as s;"
        "print(sorted(s.SOCIALACCOUNT_PROVIDERS),"
        " [a['settings']['server_url'] for a in"
        "  s.SOCIALACCOUNT_PROVIDERS.get('openid_connect', {}).get('APPS', [])])"
    )
    entra = {
        "ENTRA_TENANT_ID": "tenant-123",
        "ENTRA_CLIENT_ID": "client",
        "ENTRA_CLIENT_SECRET": "x",
    }
    result = manage("shell", "-c", script, env={**PRODUCTION_ENV, **entra})
    assert (
        "['openid_connect'] ['https://login.microsoftonline.com/tenant-123/v2.0']" in result.stdout
    )
    partial = {**PRODUCTION_ENV, **entra, "ENTRA_CLIENT_SECRET": ""}
    result = manage("shell", "-c", script, env=partial)
    assert "[] []" in result.stdout


ENTRA_PROVIDERS = {
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "entra",
                "name": "Microsoft-account van de gemeente",
                "client_id": "client",
                "secret": "secret",
                "settings": {"server_url": "https://login.microsoftonline.com/t/v2.0"},
            }
        ]
    }
}


@pytest.mark.django_db
def test_sso_button_is_absent_without_configuration(client):
    body = client.get(reverse("account_login")).content.decode()
    assert "Microsoft" not in body
    assert "gemeente-account" not in body


@pytest.mark.django_db
@override_settings(SOCIALACCOUNT_PROVIDERS=ENTRA_PROVIDERS)
def test_sso_button_is_shown_when_configured(client):
    body = client.get(reverse("account_login")).content.decode()
    assert "Microsoft-account van de gemeente" in body
    assert "/accounts/oidc/entra/login/" in body


def test_env_example_documents_every_variable_the_settings_read():
    read = set()
    for path in (ROOT / "site" / "config").rglob("*.py"):
        read |= set(
            re.findall(r'env_(?:str|int|bool|list|required)\("([A-Z_]+)"', path.read_text())
        )
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read, "the pattern no longer finds the settings' variables"
    assert read - documented == set()


def test_each_xdist_worker_gets_its_own_redis_database():
    """CI's workers empty the cache around every test: each needs a database of its own."""
    assert redis_database_for_worker("redis://127.0.0.1:6379/3", 0) == "redis://127.0.0.1:6379/3"
    assert redis_database_for_worker("redis://127.0.0.1:6379/3", 1) == "redis://127.0.0.1:6379/4"
    assert redis_database_for_worker("redis://:pw@cache:6380", 2) == "redis://:pw@cache:6380/2"
