"""The certificate PDF, rendered with WeasyPrint from an HTML template.

WeasyPrint is imported when a PDF is made, not at start-up: it loads Pango and fonts, which
the rest of the site never needs. Fonts are the system's (DejaVu on Debian); nothing is
fetched over the network (``url_fetcher`` refuses every URL).
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from modules.selectors import CertificateView


def _no_network(url: str, *args, **kwargs):
    raise ValueError(f"Certificates load no external resources ({url}).")


def certificate_render_pdf(*, certificate: CertificateView, verify_url: str) -> bytes:
    from weasyprint import HTML

    with translation.override("nl"):
        html = render_to_string(
            "modules/certificate_pdf.html",
            {"certificate": certificate, "verify_url": verify_url},
        )
    return HTML(string=html, url_fetcher=_no_network).write_pdf(
        pdf_identifier=certificate.code.encode(),
        custom_metadata=True,
    )
