"""The certificate PDF, rendered with WeasyPrint from an HTML template (see :mod:`core.pdf`)."""

from __future__ import annotations

from core.pdf import render_pdf
from modules.learning.selectors import CertificateView


def certificate_render_pdf(*, certificate: CertificateView, verify_url: str) -> bytes:
    return render_pdf(
        template_name="modules/certificate_pdf.html",
        context={"certificate": certificate, "verify_url": verify_url},
        identifier=certificate.code.encode(),
    )
