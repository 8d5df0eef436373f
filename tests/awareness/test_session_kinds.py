"""Session kinds and templates (issue 15): a session planned from a template, the casustafel's
fixed rules, and its audience: only contact persons (aandachtsfunctionarissen) get in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from modules.awareness.models import Registration, RegistrationStatus, SessionKind
from modules.awareness.services import session_create_from_template, session_template_create
from tests.factories import AudienceFactory, a_session
from tests.factories.awareness import session_index

pytestmark = pytest.mark.django_db

GUIDANCE = "Neem casussen mee zonder namen, adressen of andere details"


@pytest.fixture
def contact_audience():
    return AudienceFactory(name="Aandachtsfunctionarissen", roles=[Role.AANDACHTSFUNCTIONARIS])


@pytest.fixture
def casustafel(contact_audience):
    template = session_template_create(
        title="Casustafel",
        kind=SessionKind.CASUSTAFEL,
        theme="melden",
        description="<p>Samen de puzzel leggen.</p>",
        duration_minutes=90,
        capacity=12,
        led_by="Kernteam ondermijning",
        audience=contact_audience,
    )
    return session_create_from_template(
        template=template,
        index=session_index(),
        starts_at=timezone.now() + timedelta(days=10),
        location="Voorbeeldlocatie, zaal C",
    )


def test_a_session_planned_from_a_template_takes_what_the_template_says(casustafel):
    casustafel.refresh_from_db()
    assert casustafel.live
    assert (casustafel.title, casustafel.kind, casustafel.theme) == (
        "Casustafel",
        "casustafel",
        "melden",
    )
    assert casustafel.ends_at - casustafel.starts_at == timedelta(minutes=90)
    assert (casustafel.capacity, casustafel.led_by) == (12, "Kernteam ondermijning")
    assert casustafel.audience.name == "Aandachtsfunctionarissen"
    assert casustafel.location == "Voorbeeldlocatie, zaal C"
    assert "Samen de puzzel leggen." in casustafel.description


def test_a_template_without_places_is_refused():
    with pytest.raises(ValidationError):
        session_template_create(
            title="Leeg",
            kind=SessionKind.GESPREK,
            theme="melden",
            description="<p>x</p>",
            duration_minutes=60,
            capacity=0,
        )


def test_a_contact_person_sees_the_casustafel_rules_and_registers(client, make_user, casustafel):
    contact = make_user(Role.MEDEWERKER, Role.AANDACHTSFUNCTIONARIS)
    client.force_login(contact)
    body = client.get(casustafel.url).content.decode()
    assert "Zo werkt de casustafel" in body and GUIDANCE in body
    assert "Wat aan tafel gezegd wordt, blijft aan tafel." in body
    assert "De casustafel is geen meldroute." in body
    assert "Casustafel" in body  # the kind of session
    response = client.post(reverse("session_register", args=[casustafel.pk]))
    assert response.status_code == 302
    assert Registration.objects.get(user=contact).status == RegistrationStatus.REGISTERED


def test_a_normal_employee_gets_404_on_the_casustafel_and_cannot_register(
    client, medewerker, casustafel
):
    client.force_login(medewerker)
    assert client.get(casustafel.url).status_code == 404
    response = client.post(reverse("session_register", args=[casustafel.pk]))
    assert response.status_code == 404
    assert not Registration.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client, casustafel):
    response = client.get(casustafel.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_awareness_session_shows_no_casustafel_rules(client, medewerker):
    session = a_session()
    client.force_login(medewerker)
    body = client.get(session.url).content.decode()
    assert session.kind == SessionKind.BEWUSTWORDING
    assert "Bewustwordingssessie" in body and GUIDANCE not in body


def test_the_kernteam_manages_session_templates_in_the_admin(
    kernteam_user, mfa_client_for, contact_audience
):
    client = mfa_client_for(kernteam_user)
    add_url = reverse("wagtailsnippets_awareness_sessiontemplate:add")
    assert client.get(add_url).status_code == 200
    response = client.post(
        add_url,
        {
            "title": "Werkbezoek",
            "kind": "werkbezoek",
            "theme": "melden",
            "description": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Rondleiding",'
            ' "depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "duration_minutes": 120,
            "capacity": 15,
            "led_by": "Kernteam",
            "audience": contact_audience.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    listing = client.get(reverse("wagtailsnippets_awareness_sessiontemplate:list"))
    assert "Werkbezoek" in listing.content.decode()


def test_other_roles_cannot_reach_the_session_templates(make_user, mfa_client_for):
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE)
    client = mfa_client_for(manager)
    response = client.get(reverse("wagtailsnippets_awareness_sessiontemplate:list"))
    assert response.status_code in (302, 403)


def test_a_casustafel_is_never_open_to_everybody():
    with pytest.raises(ValidationError) as refused:
        session_template_create(
            title="Casustafel voor iedereen",
            kind=SessionKind.CASUSTAFEL,
            theme="melden",
            description="<p>x</p>",
            duration_minutes=60,
            capacity=10,
        )
    assert "alleen voor aandachtsfunctionarissen" in str(refused.value)
    with pytest.raises(ValidationError):
        a_session(kind=SessionKind.CASUSTAFEL)  # the page form checks the same (clean)


def test_the_overview_card_says_what_kind_of_session_it_is(client, make_user, casustafel):
    """A contact person sees the casustafel in the overview as one, next to its theme."""
    contact = make_user(Role.MEDEWERKER, Role.AANDACHTSFUNCTIONARIS)
    client.force_login(contact)
    body = client.get(casustafel.get_parent().url).content.decode()
    card = body[body.index('class="card session-card"') :]
    assert "<dt>Soort</dt>" in card
    assert "<dd>Casustafel</dd>" in card
