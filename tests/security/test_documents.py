"""Uploaded documents: only through Wagtail's serve view, behind login and the audience of the
pages that use them; never straight from MEDIA_ROOT/documents, not even in DEBUG."""

from __future__ import annotations

import importlib
import sys

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from accounts.roles import Role
from tests.conftest import password_login
from tests.factories import AudienceFactory
from tests.factories.modules import LessonPageFactory, module_with_lessons

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 alleen voor de raad\n"


def a_document(title: str = "Notitie", content: bytes = PDF):
    return get_document_model().objects.create(
        title=title, file=ContentFile(content, name="notitie.pdf")
    )


def document_block(document):
    return [("document", {"document": document, "description": ""})]


def media_url(document) -> str:
    return f"/media/{document.file.name}"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def debug_urls(settings):
    """The URLconf as DEBUG builds it (``config.urls`` decides at import time)."""
    import config.urls

    settings.DEBUG = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.fixture
def council_document():
    """A document used only in a lesson of a module for raadsleden."""
    document = a_document()
    module = module_with_lessons(lessons=0, audience=AudienceFactory(roles=[Role.RAADSLID]))
    LessonPageFactory(parent=module, body=document_block(document))
    return document


def logged_in(make_user, *roles: Role) -> Client:
    client = Client()
    user = make_user(*roles)
    assert password_login(client, user.email).status_code == 302
    return client


# -- Anonymous ---------------------------------------------------------------------------------


def assert_sent_to_login(response, url: str):
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert url.replace("/", "%2F") in response["Location"] or url in response["Location"]


def test_anonymous_download_is_sent_to_the_login(client):
    document = a_document()
    response = client.get(document.url)
    assert_sent_to_login(response, document.url)


def test_anonymous_download_with_debug_on_neither_url_serves(client, debug_urls):
    document = a_document()
    assert_sent_to_login(client.get(document.url), document.url)
    assert client.get(media_url(document)).status_code == 404


def test_production_settings_serve_documents_through_the_view_only(client, settings, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/9")  # production requires it
    sys.modules.pop("config.settings.production", None)
    production = importlib.import_module("config.settings.production")
    sys.modules.pop("config.settings.production", None)
    assert production.DEBUG is False
    assert production.WAGTAILDOCS_SERVE_METHOD == "serve_view"

    settings.WAGTAILDOCS_SERVE_METHOD = production.WAGTAILDOCS_SERVE_METHOD
    document = a_document()
    assert_sent_to_login(client.get(document.url), document.url)
    assert client.get(media_url(document)).status_code == 404


# -- Audience ----------------------------------------------------------------------------------


def test_a_wrong_audience_gets_404(make_user, council_document):
    for roles in [(Role.MEDEWERKER,), (Role.MEDEWERKER, Role.LEIDINGGEVENDE)]:
        response = logged_in(make_user, *roles).get(council_document.url)
        assert response.status_code == 404, roles


def test_beheer_is_no_council_member_either(make_user, mfa_client_for, council_document):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))
    assert client.get(council_document.url).status_code == 404


def test_the_right_audience_downloads_the_file(make_user, council_document):
    response = logged_in(make_user, Role.RAADSLID).get(council_document.url)
    assert response.status_code == 200
    assert body(response) == PDF


def test_a_document_on_a_page_for_everybody_is_served_even_if_also_on_a_council_page(
    make_user, council_document
):
    module = module_with_lessons(lessons=0)
    LessonPageFactory(parent=module, body=document_block(council_document))
    response = logged_in(make_user, Role.MEDEWERKER).get(council_document.url)
    assert response.status_code == 200
    assert body(response) == PDF


def test_a_document_linked_only_from_a_draft_is_not_served(make_user):
    document = a_document()
    module = module_with_lessons(lessons=0)
    LessonPageFactory(parent=module, body=document_block(document), live=False)
    assert logged_in(make_user, Role.MEDEWERKER).get(document.url).status_code == 404


def test_a_document_used_by_no_page_is_for_its_editors_only(make_user, mfa_client_for):
    document = a_document()
    assert logged_in(make_user, Role.MEDEWERKER).get(document.url).status_code == 404
    editor = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    response = editor.get(document.url)
    assert response.status_code == 200
    assert body(response) == PDF


# -- The file system ---------------------------------------------------------------------------


def test_the_file_under_media_documents_is_not_served_in_debug(make_user, debug_urls):
    document = a_document()
    LessonPageFactory(parent=module_with_lessons(lessons=0), body=document_block(document))
    client = logged_in(make_user, Role.MEDEWERKER)
    assert client.get(document.url).status_code == 200  # the view serves it...
    assert client.get(media_url(document)).status_code == 404  # ...the disk never


def test_images_are_still_served_from_disk_in_debug(client, debug_urls):
    image = get_image_model().objects.create(title="Foto", file=get_test_image_file())
    assert client.get(f"/media/{image.file.name}").status_code == 200
    rendition = image.get_rendition("width-100")
    assert client.get(rendition.url).status_code == 200
