"""Beheer's SCIM client screen: the token is shown once and stored hashed, revoking stops it,
and nobody without the staff import's permission gets in."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from accounts.roles import Role
from provisioning.models import ScimClient
from provisioning.selectors import token_hash
from tests.provisioning.conftest import Scim

pytestmark = pytest.mark.django_db


def test_beheer_creates_a_client_sees_the_token_once_and_revokes_it(make_user, mfa_client_for):
    beheer = make_user(Role.MEDEWERKER, Role.BEHEER)
    client = mfa_client_for(beheer)
    response = client.post(reverse("scim_clients"), {"name": "Entra ID productie"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    token = re.search(r'id="scim-token"[^>]*value="([^"]+)"', html).group(1)
    stored = ScimClient.objects.get(name="Entra ID productie")
    assert stored.token_hash == token_hash(token) and stored.created_by == beheer
    assert "Kopieer dit token nu" in html  # Dutch, and says it is shown only now
    # The listing afterwards shows the prefix, never the token.
    listing = client.get(reverse("scim_clients")).content.decode()
    assert stored.token_prefix in listing and token not in listing
    assert Scim(token).get("/Users").status_code == 200
    confirm = client.get(reverse("scim_revoke", args=[stored.pk]))
    assert confirm.status_code == 200
    done = client.post(reverse("scim_revoke", args=[stored.pk]))
    assert done.status_code == 302
    stored.refresh_from_db()
    assert stored.revoked_at is not None and stored.revoked_by == beheer
    assert Scim(token).get("/Users").status_code == 401


def test_a_duplicate_name_gets_a_dutch_error(make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))
    client.post(reverse("scim_clients"), {"name": "Entra ID"})
    response = client.post(reverse("scim_clients"), {"name": "entra id"})
    assert "Er is al een client met deze naam" in response.content.decode()
    assert ScimClient.objects.count() == 1


@pytest.mark.parametrize("role", [Role.KERNTEAM, Role.LEIDINGGEVENDE, Role.GRIFFIE])
def test_other_roles_cannot_see_create_or_revoke(make_user, mfa_client_for, role, scim_client):
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    home = reverse("wagtailadmin_home")
    for response in (
        client.get(reverse("scim_clients")),
        client.post(reverse("scim_clients"), {"name": "Sluiproute"}),
        client.get(reverse("scim_revoke", args=[scim_client[0].pk])),
        client.post(reverse("scim_revoke", args=[scim_client[0].pk])),
    ):
        assert response.status_code == 302 and response["Location"] == home
    assert not ScimClient.objects.filter(name="Sluiproute").exists()
    assert ScimClient.objects.get(pk=scim_client[0].pk).revoked_at is None


def test_a_medewerker_gets_no_admin(learner, scim_client):
    _user, client = learner
    response = client.post(reverse("scim_revoke", args=[scim_client[0].pk]))
    assert response.status_code == 403
    assert ScimClient.objects.get(pk=scim_client[0].pk).revoked_at is None
