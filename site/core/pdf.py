"""PDFs from HTML templates with WeasyPrint (certificates, the yearly overview).

WeasyPrint is imported when a PDF is made, not at start-up: it loads Pango and fonts, which
the rest of the site never needs. Fonts are the system's (DejaVu on Debian); nothing is
fetched over the network (the URL fetcher refuses every URL).

Every PDF is tagged PDF/UA-1 (WeasyPrint's ``pdf/ua-1`` variant): a structure tree that screen
readers follow, ``MarkInfo /Marked true``, the document's title shown instead of the file
name and the PDF/UA identifier in the XMP metadata. WeasyPrint writes what the HTML gives it,
so a template must have ``<html lang="nl">``, a ``<title>``, real headings and lists, and a
text alternative for each image (``alt``, or a ``<title>`` inside an inline ``<svg>``).
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

PDF_UA = "pdf/ua-1"


def _no_network(url: str, *args, **kwargs):
    raise ValueError(f"PDFs load no external resources ({url}).")


def render_pdf(
    *,
    template_name: str,
    context: dict,
    identifier: bytes | None = None,
    variant: str | None = PDF_UA,
) -> bytes:
    """The template rendered in Dutch, as PDF bytes (tagged PDF/UA-1 unless ``variant`` says
    otherwise; ``None`` gives an untagged PDF)."""

    with translation.override("nl"):
        html = render_to_string(template_name, context)
    return HTML(string=html, url_fetcher=_no_network).write_pdf(
        pdf_identifier=identifier, custom_metadata=True, pdf_variant=variant
    )
