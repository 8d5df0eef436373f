"""The certificate's verification page and PDF: a QR code with its text alternative and the
address next to it, the validity and the renewal date (from the round's own expiry), a tagged
PDF/UA-1 file, and nobody's data for an unknown or withdrawn code."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.dateformat import format as date_format
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from accounts.roles import Role
from core.urls import absolute_url
from modules.learning.models import Certificate, Enrolment
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from portal.mydata import self_study_delete
from tests.factories import AudienceFactory, module_with_lessons

pytestmark = pytest.mark.django_db

QR_LABEL = "QR-code die naar de controle van dit certificaat leidt"


def complete(user, module) -> Certificate:
    for lesson in module_lessons(module=module):
        lesson_complete(user=user, lesson=lesson)
    return Certificate.objects.get(enrolment__user=user, enrolment__module=module)


def dutch(day: date) -> str:
    with translation.override("nl"):
        return date_format(day, "j F Y")


def verify_url(code: str) -> str:
    """The site's public address (the one emails use), whatever host a request came on."""
    return absolute_url(reverse("certificate_verify", args=[code]))


def yearly(module) -> None:
    audience = AudienceFactory(roles=[Role.MEDEWERKER])
    assignment_create(
        module=module, audience=audience, due_date=date.today(), renew_every_months=12
    )


def pdf_of(client, user, certificate) -> bytes:
    client.force_login(user)
    response = client.get(reverse("certificate_pdf", args=[certificate.code]))
    assert response.status_code == 200
    return response.content


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def struct_elements(node):
    """Every structure element under ``node`` of a tagged PDF's structure tree."""
    node = node.get_object() if isinstance(node, IndirectObject) else node
    kids = node.get("/K", [])
    kids = kids if isinstance(kids, list) else [kids]
    for kid in kids:
        kid = kid.get_object() if isinstance(kid, IndirectObject) else kid
        if isinstance(kid, dict) and kid.get("/Type") == "/StructElem":
            yield kid
            yield from struct_elements(kid)


# The verification page


def test_the_page_shows_a_qr_code_as_svg_with_a_label_and_the_address_next_to_it(
    client, medewerker
):
    certificate = complete(medewerker, module_with_lessons(lessons=1))
    response = client.get(reverse("certificate_verify", args=[certificate.code]))
    html = response.content.decode()
    assert response.status_code == 200
    svg = re.search(r"<svg [^>]*>", html).group(0)
    assert 'role="img"' in svg and f'aria-label="{QR_LABEL}"' in svg
    assert f"<title>{QR_LABEL}</title>" in html
    address = verify_url(certificate.code)
    assert f'<a href="{address}">{address}</a>' in html
    assert "Scan de QR-code of ga naar dit adres om het certificaat te controleren:" in html


def test_a_yearly_certificate_shows_until_when_it_is_valid_and_when_to_renew(client, medewerker):
    module = module_with_lessons(lessons=1)
    yearly(module)
    certificate = complete(medewerker, module)
    expires_on = Enrolment.objects.get(pk=certificate.enrolment_id).expires_on
    assert expires_on is not None and expires_on.year == date.today().year + 1
    html = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert "Dit certificaat is geldig." in html
    assert f"<dt>Geldig tot</dt><dd>{dutch(expires_on)}</dd>" in html
    assert (
        f"Geldig tot {dutch(expires_on)}. Vernieuwen: doe de module uiterlijk op "
        f"{dutch(expires_on)} opnieuw." in html
    )


def test_a_certificate_without_expiry_says_so(client, medewerker):
    certificate = complete(medewerker, module_with_lessons(lessons=1))
    html = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert "<dt>Geldig tot</dt><dd>verloopt niet</dd>" in html
    assert "Dit certificaat verloopt niet." in html
    assert "Vernieuwen" not in html


def test_an_expired_certificate_says_since_when_and_how_to_renew(client, medewerker):
    module = module_with_lessons(lessons=1)
    yearly(module)
    certificate = complete(medewerker, module)
    yesterday = date.today() - timedelta(days=1)
    Enrolment.objects.filter(pk=certificate.enrolment_id).update(expires_on=yesterday)
    html = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert "Dit certificaat is niet meer geldig." in html
    assert f"Verlopen op {dutch(yesterday)}. Vernieuwen: doe de module opnieuw." in html


def test_an_outdated_version_says_a_new_version_must_be_done(client, medewerker):
    module = module_with_lessons(lessons=1, version=1)
    certificate = complete(medewerker, module)
    module.version = 2
    module.version_requires_renewal = True
    module.save_revision().publish()
    html = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert "Dit certificaat is niet meer geldig." in html
    assert "Er is een nieuwe versie van deze module die iedereen opnieuw moet doen." in html


def test_an_unknown_code_shows_no_qr_code_and_nobodys_data(client, make_user):
    holder = make_user(first_name="Fatima", last_name="van den Berg")
    complete(holder, module_with_lessons(lessons=1, title="Signalen"))
    response = client.get(reverse("certificate_verify", args=["WB-2222-3333-4444"]))
    html = response.content.decode()
    assert response.status_code == 404
    assert "<svg" not in html and "F.V.D.B." not in html and "Signalen" not in html
    assert "Geldig tot" not in html


def test_a_withdrawn_certificate_shows_nobodys_data(client, make_user):
    """A council member who deletes their self-study data withdraws its certificates: the
    code then answers as unknown, with no initials, module or QR code."""
    raadslid = make_user(Role.RAADSLID, department=None, first_name="Kees", last_name="Smit")
    certificate = complete(raadslid, module_with_lessons(lessons=1, title="Integriteit"))
    assert client.get(reverse("certificate_verify", args=[certificate.code])).status_code == 200
    self_study_delete(user=raadslid)
    response = client.get(reverse("certificate_verify", args=[certificate.code]))
    html = response.content.decode()
    assert response.status_code == 404
    assert "K.S." not in html and "Integriteit" not in html and "<svg" not in html


def test_the_page_reads_only_the_certificate_and_the_sites_address(
    client, medewerker, django_assert_max_num_queries
):
    certificate = complete(medewerker, module_with_lessons(lessons=1))
    url = reverse("certificate_verify", args=[certificate.code])
    client.get(url)  # warm the site and page caches
    # The certificate with its round, holder and module; the site's address for the QR code.
    with django_assert_max_num_queries(2):
        client.get(url)


# The PDF


def test_the_pdf_is_tagged_pdf_ua_1_in_dutch_with_a_title(client, medewerker):
    certificate = complete(medewerker, module_with_lessons(lessons=1, title="Signalen"))
    reader = PdfReader(io.BytesIO(pdf_of(client, medewerker, certificate)))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert root["/StructTreeRoot"].get_object()["/Type"] == "/StructTreeRoot"
    assert root["/Lang"] == "nl"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert reader.metadata.title == "Certificaat Signalen"
    xmp = root["/Metadata"].get_object().get_data()
    assert re.search(rb'pdfuaid:part="1"|<pdfuaid:part>1</pdfuaid:part>', xmp), xmp
    assert reader.pdf_header == "%PDF-1.7"


def test_the_pdf_tags_headings_and_gives_the_qr_code_its_text_alternative(client, medewerker):
    certificate = complete(medewerker, module_with_lessons(lessons=1))
    reader = PdfReader(io.BytesIO(pdf_of(client, medewerker, certificate)))
    elements = list(struct_elements(reader.trailer["/Root"]["/StructTreeRoot"]))
    kinds = {element["/S"] for element in elements}
    assert {"/H1", "/P", "/L", "/LI", "/Figure", "/Link"} <= kinds
    figures = [element for element in elements if element["/S"] == "/Figure"]
    assert [figure.get("/Alt") for figure in figures] == [QR_LABEL]


def test_the_pdf_shows_the_address_validity_and_renewal_date_on_one_page(client, medewerker):
    module = module_with_lessons(lessons=1)
    yearly(module)
    certificate = complete(medewerker, module)
    expires_on = Enrolment.objects.get(pk=certificate.enrolment_id).expires_on
    content = pdf_of(client, medewerker, certificate)
    assert len(PdfReader(io.BytesIO(content)).pages) == 1
    text = " ".join(pdf_text(content).split())
    assert verify_url(certificate.code) in text.replace(" ", "")  # wrapped over two lines
    assert f"Geldig tot {dutch(expires_on)}" in text
    assert f"uiterlijk op {dutch(expires_on)} opnieuw" in text


def test_the_pdf_of_a_certificate_without_expiry_says_it_does_not_expire(client, medewerker):
    certificate = complete(medewerker, module_with_lessons(lessons=1))
    text = " ".join(pdf_text(pdf_of(client, medewerker, certificate)).split())
    assert "verloopt niet" in text and "Dit certificaat verloopt niet." in text


def test_someone_else_gets_no_pdf(client, medewerker, make_user):
    certificate = complete(medewerker, module_with_lessons(lessons=1))
    client.force_login(make_user(Role.MEDEWERKER))
    assert client.get(reverse("certificate_pdf", args=[certificate.code])).status_code == 404
