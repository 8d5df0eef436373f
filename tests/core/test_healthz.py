"""GET /healthz: 200 when database and cache answer, 503 when one does not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthy_site_answers_200_with_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "checks": {"database": True, "cache": True}}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_only_answers_get(client):
    assert client.post("/healthz").status_code == 405


def run_healthz_in_subprocess(database_url: str) -> dict:
    """Start Django in a fresh process pointed at ``database_url`` and GET /healthz.

    A separate process, because the database must be unreachable from the start, as after a
    real outage; the test's own connection is left alone.
    """
    script = (
        "import json, django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "PYTHONPATH": f"{ROOT / 'site'}{os.pathsep}{ROOT}",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_unreachable_database_gives_503():
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        url = "postgres://postgres@127.0.0.1:1/weerbaar"  # nothing listens on port 1
    else:
        url = "sqlite:////nonexistent-directory/weerbaar.sqlite3"
    result = run_healthz_in_subprocess(url)
    assert result["status"] == 503
    assert result["body"]["status"] == "error"
    assert result["body"]["checks"]["database"] is False
    assert result["body"]["checks"]["cache"] is True
