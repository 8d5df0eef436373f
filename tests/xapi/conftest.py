"""Fixtures of the xAPI tests: xAPI switched on for one test, and a real LRS (Ralph)."""

from __future__ import annotations

import pytest

from tests.xapi.lrs_server import RalphServer, ralph_bin


@pytest.fixture
def xapi_on(settings):
    """xAPI on, pointed at an address where nothing listens (a test that sends starts Ralph)."""
    settings.XAPI_ENABLED = True
    settings.XAPI_LRS_ENDPOINT = "http://127.0.0.1:9/xAPI/"
    settings.XAPI_LRS_USERNAME = "weerbaar"
    settings.XAPI_LRS_PASSWORD = "not-a-real-secret"
    settings.XAPI_ROOT_URL = "https://weerbaar.example"
    settings.XAPI_RETRY_BASE_SECONDS = 60
    return settings


@pytest.fixture
def ralph(tmp_path):
    """Ralph with its file-system backend on a free loopback port, not started yet (a test
    starts and stops it to play the LRS being down); stopped at the end."""
    server = RalphServer(bin_dir=ralph_bin(), home=tmp_path / "ralph")
    yield server
    server.stop()
