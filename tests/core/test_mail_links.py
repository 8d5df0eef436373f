"""Links in emails use the site's own address: the default Wagtail Site's root URL, or
WAGTAILADMIN_BASE_URL when that is the better one; ``check --deploy`` fails (weerbaar.E001)
when neither is a public https address."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from wagtail.models import Site

from core.checks import check_public_root_url
from core.urls import absolute_url, is_public_https, root_url
from tests.core.test_settings import PRODUCTION_ENV, manage

pytestmark = pytest.mark.django_db


def default_site(hostname: str, port: int) -> Site:
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.save()
    return site


@pytest.mark.parametrize(
    ("url", "public_https"),
    [
        ("https://weerbaar.dordrecht.nl", True),
        ("https://weerbaar.dordrecht.nl:8443/", True),
        ("http://weerbaar.dordrecht.nl", False),
        ("https://localhost", False),
        ("https://127.0.0.1:8000", False),
        ("http://127.0.0.1:8000", False),
        ("https://app.localhost", False),
        ("", False),
    ],
)
def test_what_counts_as_a_public_https_address(url, public_https):
    assert is_public_https(url) is public_https


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
def test_links_follow_the_default_sites_root_url():
    default_site("weerbaar.dordrecht.nl", 443)
    assert absolute_url("/mijn-leeromgeving/") == "https://weerbaar.dordrecht.nl/mijn-leeromgeving/"


@override_settings(WAGTAILADMIN_BASE_URL="https://weerbaar.dordrecht.nl/")
def test_an_https_setting_beats_a_site_kept_on_port_80_or_on_localhost():
    default_site("weerbaar.dordrecht.nl", 80)  # behind the TLS proxy
    assert root_url() == "https://weerbaar.dordrecht.nl"
    default_site("localhost", 80)  # a fresh install's Site
    assert root_url() == "https://weerbaar.dordrecht.nl"


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
def test_on_a_developers_machine_the_setting_is_the_fallback():
    default_site("localhost", 80)
    assert absolute_url("/x/") == "http://localhost/x/"  # the Site's, on a tie
    Site.objects.all().delete()
    assert absolute_url("/x/") == "http://127.0.0.1:8000/x/"


@pytest.mark.parametrize(
    "setting", ["http://127.0.0.1:8000", "https://localhost", "http://weerbaar.dordrecht.nl", ""]
)
def test_the_deploy_check_fails_without_a_public_https_address(setting):
    default_site("localhost", 80)
    with override_settings(WAGTAILADMIN_BASE_URL=setting):
        (error,) = check_public_root_url(databases=["default"])
    assert error.id == "weerbaar.E001" and error.is_serious()
    assert "WAGTAILADMIN_BASE_URL" in error.msg and "https://" in error.hint


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
def test_the_deploy_check_passes_with_an_https_site_when_it_may_read_the_database():
    default_site("weerbaar.dordrecht.nl", 443)
    assert check_public_root_url(databases=["default"]) == []
    # Without database access (plain `check --deploy`) the setting alone decides.
    assert [error.id for error in check_public_root_url(databases=None)] == ["weerbaar.E001"]
    with pytest.raises(SystemCheckError, match=r"weerbaar\.E001"):
        call_command("check", "--deploy", "--tag", "security")


@override_settings(WAGTAILADMIN_BASE_URL="https://weerbaar.dordrecht.nl")
def test_the_deploy_check_passes_with_an_https_setting():
    default_site("localhost", 80)
    assert check_public_root_url(databases=["default"]) == []
    assert check_public_root_url(databases=None) == []


def test_production_check_deploy_fails_with_the_default_address():
    """The whole production settings in their own process (the passing side is
    tests/core/test_settings.py's check --deploy with the production variables)."""
    env = {**PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000"}
    result = manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "weerbaar.E001" in result.stderr and "WAGTAILADMIN_BASE_URL" in result.stderr
