"""What a certificate shows, on its public verification page and on its PDF.

Both show the same three things, built here once: the address of the verification page (the
site's public address, :func:`core.urls.absolute_url`, because a printed QR code must lead to
the real site, not to the host a request happened to arrive on), that address as a QR code
(inline SVG from segno, with a text alternative, the address printed next to it), and the
validity. The validity is not computed here: it is the round's own ``expires_on`` (set when the
round completed, from the shortest renewal period of the person's assignments) and the
module's ``completion_outdated``, as :func:`modules.learning.selectors.certificate_by_code`
read them. A round with an expiry is due again on its expiry date (``mandatory_tasks``), so the
renewal date is that same date.

The PDF is rendered with WeasyPrint as tagged PDF/UA-1 (see :mod:`core.pdf`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import segno
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from core.pdf import render_pdf
from core.urls import absolute_url
from modules.learning.selectors import CertificateView


@dataclass(frozen=True)
class CertificateValidity:
    """Whether the certificate counts, until when, and when its holder must renew it."""

    valid: bool
    expires_on: date | None  # the first day it no longer counts; None: it does not expire
    outdated: bool  # a newer version of the module asks everybody to do it again

    @property
    def renew_by(self) -> date | None:
        """The next round is due on the expiry date (``mandatory_tasks``), not a day later."""
        return self.expires_on


def certificate_validity(*, certificate: CertificateView) -> CertificateValidity:
    enrolment = certificate.certificate.enrolment
    return CertificateValidity(
        valid=certificate.valid,
        expires_on=certificate.expires_on,
        outdated=certificate.module.completion_outdated(enrolment),
    )


def certificate_verify_url(*, code: str) -> str:
    return absolute_url(reverse("certificate_verify", args=[code]))


def certificate_qr_svg(*, url: str, scale: int) -> SafeString:
    """The address as an inline SVG QR code, exposed as one image with a text alternative.

    ``role="img"`` and ``aria-label`` name it in browsers; the ``<title>`` inside is what
    WeasyPrint turns into the tagged PDF's ``/Alt``. Medium error correction survives a
    crumpled or badly printed copy.
    """
    label = _("QR code that leads to the check of this certificate")
    svg = segno.make(url, error="m").svg_inline(
        scale=scale, title=label, svgclass="certificate-qr__code", dark="#000", light="#fff"
    )
    # segno escapes the title; the label is ours and escaped here as well.
    return mark_safe(  # noqa: S308 (segno's own SVG markup, label escaped)
        svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    )


def certificate_context(*, certificate: CertificateView, qr_scale: int) -> dict:
    """The context the verification page and the PDF share; ``qr_scale``: pixels per module
    of the QR code."""
    verify_url = certificate_verify_url(code=certificate.code)
    return {
        "certificate": certificate,
        "validity": certificate_validity(certificate=certificate),
        "verify_url": verify_url,
        "qr_svg": certificate_qr_svg(url=verify_url, scale=qr_scale),
    }


def certificate_render_pdf(*, certificate: CertificateView) -> bytes:
    with translation.override("nl"):  # the PDF is Dutch, the QR code's label too
        # 3 px per module: a version-4 code of 41 modules is about 33 mm wide on A4.
        context = certificate_context(certificate=certificate, qr_scale=3)
    return render_pdf(
        template_name="modules/certificate_pdf.html",
        context=context,
        identifier=certificate.code.encode(),
    )
