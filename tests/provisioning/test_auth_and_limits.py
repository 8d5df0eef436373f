"""Who may call the SCIM API and how much: bearer tokens per client, revoked tokens, rate
limits, size limits, and the discovery endpoints."""

from __future__ import annotations

import pytest
from django.utils import timezone

from accounts.models import User
from provisioning.models import ScimClient
from provisioning.selectors import token_hash
from provisioning.services import scim_client_create, scim_client_revoke
from tests.provisioning.conftest import Scim, entra_user, patch

pytestmark = pytest.mark.django_db


def test_the_token_is_stored_hashed_only(scim_client):
    client, token = scim_client
    stored = ScimClient.objects.get(pk=client.pk)
    assert stored.token_hash == token_hash(token) and token not in stored.token_hash
    assert stored.token_prefix == token[:8] and len(token) >= 40


@pytest.mark.parametrize("header", [None, "Bearer ", "Bearer wrong-token", "Basic dXNlcjpwdw=="])
def test_no_or_a_bad_token_gets_401(departments, header):
    client = Scim("")
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    for response in (
        client.http.get("/scim/v2/Users", **extra),
        client.http.post(
            "/scim/v2/Users", data="{}", content_type="application/scim+json", **extra
        ),
        client.http.get("/scim/v2/ServiceProviderConfig", **extra),
    ):
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Bearer")
    assert not User.objects.exists()


def test_a_revoked_token_gets_401_and_another_clients_token_still_works(scim, departments):
    other, other_token = scim_client_create(name="Entra ID test-tenant", actor=None)
    other_scim = Scim(other_token)
    assert other_scim.get("/Users").status_code == 200
    scim_client_revoke(client=other, actor=None)
    assert other_scim.get("/Users").status_code == 401
    assert other_scim.post("/Users", entra_user()).status_code == 401
    assert not User.objects.exists()
    assert scim.get("/Users").status_code == 200  # the first client is untouched
    assert scim.post("/Users", entra_user()).status_code == 201


def test_last_used_is_recorded(scim, scim_client):
    assert ScimClient.objects.get(pk=scim_client[0].pk).last_used_at is None
    scim.get("/Users")
    used = ScimClient.objects.get(pk=scim_client[0].pk).last_used_at
    assert used is not None and timezone.now() - used < timezone.timedelta(minutes=1)


def test_too_many_requests_get_429(scim, settings):
    settings.WEERBAAR_SCIM_RATE_LIMIT_PER_MINUTE = 3
    statuses = [scim.get("/Users").status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]
    response = scim.get("/Users")
    assert response["Retry-After"] == "60"


def test_too_many_refused_tokens_from_one_address_get_429(db, settings):
    settings.WEERBAAR_SCIM_FAILED_PER_MINUTE = 2
    guesser = Scim("guess")
    assert [guesser.get("/Users").status_code for _ in range(4)] == [401, 401, 429, 429]


def test_a_body_over_the_limit_gets_413_and_saves_nothing(scim, departments, settings):
    settings.WEERBAAR_SCIM_MAX_BODY_BYTES = 2000
    body = entra_user()
    body["title"] = "x" * 3000
    response = scim.post("/Users", body)
    assert response.status_code == 413
    assert not User.objects.exists()


def test_a_patch_with_too_many_operations_is_refused(scim, departments, settings):
    settings.WEERBAAR_SCIM_MAX_OPERATIONS = 3
    user_id = scim.post("/Users", entra_user()).json()["id"]
    ops = [{"op": "replace", "path": "name.givenName", "value": f"N{n}"} for n in range(4)]
    response = scim.patch(f"/Users/{user_id}", patch(*ops))
    assert response.status_code == 400
    assert User.objects.get(pk=user_id).first_name == "Noor"


def test_broken_json_and_unknown_ops_are_400(scim, departments):
    user_id = scim.post("/Users", entra_user()).json()["id"]
    broken = scim.http.patch(
        f"/scim/v2/Users/{user_id}",
        data="{not json",
        content_type="application/scim+json",
        HTTP_AUTHORIZATION=f"Bearer {scim.token}",
    )
    assert broken.status_code == 400
    unknown = scim.patch(f"/Users/{user_id}", patch({"op": "move", "path": "active"}))
    assert unknown.status_code == 400
    assert scim.patch(f"/Users/{user_id}", {"Operations": []}).status_code == 400


def test_the_page_size_is_capped(scim, settings):
    settings.WEERBAAR_SCIM_MAX_PAGE_SIZE = 2
    response = scim.get("/Users", "count=1000").json()
    assert response["itemsPerPage"] <= 2


def test_discovery_endpoints(scim):
    config = scim.get("/ServiceProviderConfig").json()
    assert config["patch"]["supported"] is True and config["bulk"]["supported"] is False
    assert config["authenticationSchemes"][0]["type"] == "oauthbearertoken"
    types = scim.get("/ResourceTypes").json()
    assert {t["id"] for t in types["Resources"]} == {"User", "Group"}
    schemas = scim.get("/Schemas").json()
    user_schema = next(
        s for s in schemas["Resources"] if s["id"] == "urn:ietf:params:scim:schemas:core:2.0:User"
    )
    assert "password" not in {a["name"] for a in user_schema["attributes"]}
    assert scim.get("/Bulk").status_code == 501
