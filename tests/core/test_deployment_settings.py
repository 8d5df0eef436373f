"""More than one machine (issue 16): media in a bucket, the search backend and the frontend cache
from the environment, and production refusing to start without Redis.

The parsing is tested through ``config.env``'s helpers with an environment of the test's own;
starting production is tested in a separate process, as tests/core/test_settings.py does."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction, Site

from config.env import frontend_cache, media_origin, media_storage, search_backends
from core.frontend_cache import (
    connect_public_page_purges,
    disconnect_public_page_purges,
    is_public_page_type,
)
from home.models import ContentPage, HomePage
from modules.learning.models import LessonPage, ModulePage
from tests.core.test_settings import PRODUCTION_ENV, manage
from tests.factories import module_with_lessons

BUCKET = {"MEDIA_STORAGE": "s3", "S3_BUCKET_NAME": "weerbaar-media"}


# -- Media and documents -------------------------------------------------------------------------
def test_local_files_are_the_default():
    assert media_storage(environ={}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert media_origin(media_storage(environ={})) is None


def test_s3_storage_is_private_and_signed():
    storage = media_storage(
        environ={
            **BUCKET,
            "S3_ENDPOINT_URL": "https://objects.example.nl",
            "S3_REGION_NAME": "nl-ams",
            "S3_ACCESS_KEY_ID": "key",
            "S3_SECRET_ACCESS_KEY": "secret",
            "S3_URL_EXPIRE_SECONDS": "600",
        }
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "weerbaar-media"
    assert options["default_acl"] is None  # never public-read
    assert options["querystring_auth"] is True
    assert options["querystring_expire"] == 600
    assert options["file_overwrite"] is False
    assert options["endpoint_url"] == "https://objects.example.nl"
    assert media_origin(storage) == "https://objects.example.nl"


def test_s3_without_keys_leaves_the_credentials_to_boto3():
    options = media_storage(environ=BUCKET)["OPTIONS"]
    assert "access_key" not in options and "secret_key" not in options
    assert media_origin(media_storage(environ=BUCKET)) == "https://weerbaar-media.s3.amazonaws.com"


def test_s3_needs_a_bucket_and_a_known_storage():
    with pytest.raises(ImproperlyConfigured, match="S3_BUCKET_NAME"):
        media_storage(environ={"MEDIA_STORAGE": "s3"})
    with pytest.raises(ImproperlyConfigured, match="MEDIA_STORAGE"):
        media_storage(environ={"MEDIA_STORAGE": "ftp"})


def test_with_s3_the_images_origin_is_allowed_by_the_policy_and_documents_stay_behind_the_view():
    script = (
        "from django.conf import settings as s;"
        "print(s.STORAGES['default']['BACKEND'], s.WAGTAILDOCS_SERVE_METHOD,"
        " s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'][-1])"
    )
    env = {**PRODUCTION_ENV, **BUCKET, "S3_ENDPOINT_URL": "https://objects.example.nl"}
    result = manage("shell", "-c", script, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "storages.backends.s3.S3Storage",
        "serve_view",
        "https://objects.example.nl",
    ]


def test_a_bucket_url_is_signed_and_a_document_url_is_the_serve_view():
    pytest.importorskip("storages.backends.s3", reason="the prod extra is not installed")
    from storages.backends.s3 import S3Storage

    options = media_storage(
        environ={
            **BUCKET,
            "S3_ENDPOINT_URL": "https://objects.example.nl",
            "S3_REGION_NAME": "nl-ams",
            "S3_ACCESS_KEY_ID": "key",
            "S3_SECRET_ACCESS_KEY": "secret",
            "S3_ADDRESSING_STYLE": "path",
        }
    )["OPTIONS"]
    storage = S3Storage(**options)
    url = storage.url("images/lesson.png")  # signed offline: no request to the bucket
    assert url.startswith("https://objects.example.nl/weerbaar-media/media/images/lesson.png?")
    assert "Signature=" in url and "Expires=" in url


@pytest.mark.django_db
def test_a_document_link_is_the_serve_view_whatever_the_storage():
    document = get_document_model().objects.create(
        title="Protocol", file=ContentFile(b"%PDF-1.4 test", name="protocol.pdf")
    )
    assert document.url == reverse("wagtaildocs_serve", args=[document.pk, "protocol.pdf"])
    assert not document.url.startswith(("http", "/media/"))


# -- Search ---------------------------------------------------------------------------------------
def test_the_database_search_backend_is_the_default():
    assert search_backends(environ={}) == {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }


def test_opensearch_from_the_environment():
    backends = search_backends(
        environ={
            "SEARCH_BACKEND": "opensearch3",
            "SEARCH_URLS": "https://search-1.internal:9200, https://search-2.internal:9200",
            "SEARCH_INDEX": "weerbaar-prod",
        }
    )
    default = backends["default"]
    assert default["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert default["URLS"] == ["https://search-1.internal:9200", "https://search-2.internal:9200"]
    assert default["INDEX"] == "weerbaar-prod"


def test_a_search_cluster_needs_urls_and_a_known_backend():
    with pytest.raises(ImproperlyConfigured, match="SEARCH_URLS"):
        search_backends(environ={"SEARCH_BACKEND": "elasticsearch8"})
    with pytest.raises(ImproperlyConfigured, match="SEARCH_BACKEND"):
        search_backends(environ={"SEARCH_BACKEND": "solr"})


# -- Frontend cache -------------------------------------------------------------------------------
def test_the_frontend_cache_is_off_by_default_and_parsed_when_set():
    assert frontend_cache(environ={}) == {}
    http = frontend_cache(
        environ={"FRONTEND_CACHE": "http", "FRONTEND_CACHE_LOCATION": "http://varnish:6081"}
    )
    assert http["default"]["BACKEND"].endswith("HTTPBackend")
    assert http["default"]["LOCATION"] == "http://varnish:6081"
    cloudflare = frontend_cache(
        environ={
            "FRONTEND_CACHE": "cloudflare",
            "FRONTEND_CACHE_CLOUDFLARE_TOKEN": "t",
            "FRONTEND_CACHE_CLOUDFLARE_ZONE_ID": "z",
        }
    )
    assert cloudflare["default"]["ZONEID"] == "z"
    with pytest.raises(ImproperlyConfigured, match="FRONTEND_CACHE_LOCATION"):
        frontend_cache(environ={"FRONTEND_CACHE": "http"})
    with pytest.raises(ImproperlyConfigured, match="FRONTEND_CACHE"):
        frontend_cache(environ={"FRONTEND_CACHE": "akamai"})


PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    """A frontend cache that writes down what it is asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def purges():
    PURGED.clear()
    connect_public_page_purges()
    with override_settings(
        WAGTAILFRONTENDCACHE={
            "test": {"BACKEND": "tests.core.test_deployment_settings.RecordingBackend"}
        }
    ):
        yield PURGED
    disconnect_public_page_purges()
    PURGED.clear()


def test_learner_page_types_are_not_public():
    assert is_public_page_type(HomePage)
    assert not is_public_page_type(ModulePage)
    assert not is_public_page_type(LessonPage)


@pytest.mark.django_db
def test_publishing_purges_public_pages_only(purges):
    home = Site.objects.get(is_default_site=True).root_page.specific
    public = home.add_child(
        instance=ContentPage(title="Meld het", slug="meld-het", body="<p>Bel.</p>")
    )
    public.save_revision().publish()
    assert any(url.endswith("/meld-het/") for url in purges), purges

    purges.clear()
    module = module_with_lessons(lessons=1)
    module.save_revision().publish()
    assert purges == []

    purges.clear()
    restricted = home.add_child(
        instance=ContentPage(title="Intern", slug="intern", body="<p>Intern.</p>")
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    restricted.save_revision().publish()
    assert purges == []


# -- Production ----------------------------------------------------------------------------------
def test_production_refuses_to_start_without_redis():
    env = {**PRODUCTION_ENV, "REDIS_URL": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


def test_check_deploy_is_clean_with_a_bucket_a_search_cluster_and_a_cdn():
    env = {
        **PRODUCTION_ENV,
        **BUCKET,
        "SEARCH_BACKEND": "opensearch3",
        "SEARCH_URLS": "https://search.internal:9200",
        "FRONTEND_CACHE": "http",
        "FRONTEND_CACHE_LOCATION": "http://varnish.internal:6081",
    }
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
