"""PDFs from HTML templates with WeasyPrint (certificates, the yearly overview).

WeasyPrint is imported when a PDF is made, not at start-up: it loads Pango and fonts, which
the rest of the site never needs. Fonts are the system's (DejaVu on Debian); nothing is
fetched over the network (the URL fetcher refuses every URL).
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML


def _no_network(url: str, *args, **kwargs):
    raise ValueError(f"PDFs load no external resources ({url}).")


def render_pdf(*, template_name: str, context: dict, identifier: bytes | None = None) -> bytes:
    """The template rendered in Dutch, as PDF bytes."""

    with translation.override("nl"):
        html = render_to_string(template_name, context)
    return HTML(string=html, url_fetcher=_no_network).write_pdf(
        pdf_identifier=identifier, custom_metadata=True
    )
