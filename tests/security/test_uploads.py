"""Uploads in the admin: no SVG, as image or as document (finding 8 of issue 12).

An SVG is an XML document that can carry script; served from the site's own origin it would
run with the visitor's session. The kernteam (who may upload) gets Wagtail's Dutch error and
nothing is saved.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
)


def svg_file(name: str = "logo.svg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, SVG, content_type="image/svg+xml")


def test_an_svg_image_is_refused_in_dutch_and_nothing_saved(kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    response = client.post(
        reverse("wagtailimages:add"), {"title": "Logo", "file": svg_file(), "collection": 1}
    )
    assert response.status_code == 200  # the form again, with the error
    html = response.content.decode()
    assert "Geen ondersteund afbeeldingsformaat" in html or "niet toegestaan" in html
    assert not Image.objects.exists()


def test_an_svg_image_is_refused_by_the_multiple_upload_too(kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": svg_file()})
    data = response.json()
    assert data["success"] is False
    assert "afbeeldingsformaat" in data["error_message"] or "niet toegestaan" in str(data)
    assert not Image.objects.exists()


def test_an_svg_document_is_refused_in_dutch_and_nothing_saved(kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    response = client.post(
        reverse("wagtaildocs:add"), {"title": "Logo", "file": svg_file(), "collection": 1}
    )
    assert response.status_code == 200
    assert "Bestandsextensie" in response.content.decode()
    assert "niet toegestaan" in response.content.decode()
    assert not Document.objects.exists()


def test_no_svg_among_allowed_or_inline_served_types():
    """Were SVG documents ever allowed, Wagtail would still serve them as attachments."""
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert "svg" not in settings.WAGTAILDOCS_EXTENSIONS
    inline = getattr(settings, "WAGTAILDOCS_INLINE_CONTENT_TYPES", ["application/pdf"])
    assert not any("svg" in content_type for content_type in inline)
    assert getattr(settings, "WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT", True) is True
    disposition = Document(title="x", file="documents/logo.svg").content_disposition
    assert disposition.startswith("attachment;")
