"""Fixtures for the SCIM API: a client with its token, departments, and requests shaped the
way Entra ID sends them."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from provisioning.services import scim_client_create
from tests.factories import DepartmentFactory

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
BASE = "/scim/v2"


class Scim:
    """A SCIM caller with a bearer token, over Django's test client (the whole stack:
    middleware, URL routing, django-scim2's views)."""

    def __init__(self, token: str, *, flag: bool = False):
        self.http = Client()
        self.token = token
        # The feature flag rides on every URL Entra builds from the tenant URL.
        self.query = "?aadOptscim062020" if flag else ""

    def _url(self, path: str, params: str = "") -> str:
        query = self.query
        if params:
            query = f"{query}&{params}" if query else f"?{params}"
        return f"{BASE}{path}{query}"

    def _headers(self) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}

    def get(self, path: str, params: str = ""):
        return self.http.get(self._url(path, params), **self._headers())

    def send(self, method: str, path: str, body=None):
        data = json.dumps(body) if body is not None else ""
        return getattr(self.http, method)(
            self._url(path), data=data, content_type="application/scim+json", **self._headers()
        )

    def post(self, path, body):
        return self.send("post", path, body)

    def patch(self, path, body):
        return self.send("patch", path, body)

    def put(self, path, body):
        return self.send("put", path, body)

    def delete(self, path):
        return self.send("delete", path)


@pytest.fixture
def departments(db):
    return {
        "PZ": DepartmentFactory(name="Publiekszaken", code="PZ"),
        "VTH": DepartmentFactory(name="Vergunningen", code="VTH"),
    }


@pytest.fixture
def scim_client(db):
    return scim_client_create(name="Entra ID", actor=None)


@pytest.fixture
def scim(scim_client):
    return Scim(scim_client[1])


@pytest.fixture
def scim_flagged(scim_client):
    return Scim(scim_client[1], flag=True)


def entra_user(
    number: str = "1001",
    email: str = "n.bakker@dordrecht.nl",
    *,
    given: str = "Noor",
    family: str = "Bakker",
    department: str = "PZ",
    manager: str | None = None,
    active=True,
    external_id: str | None = None,
) -> dict:
    """A create request as Entra sends it with its default mapping (plus employeeNumber and
    department in the enterprise extension), including attributes Weerbaar does not keep."""
    enterprise = {"employeeNumber": number, "department": department}
    if manager:
        enterprise["manager"] = manager
    return {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
        "externalId": external_id or f"obj-{number}",
        "userName": email,
        "active": active,
        "displayName": f"{given} {family}",
        "title": "Adviseur",
        "emails": [{"primary": True, "type": "work", "value": email}],
        "meta": {"resourceType": "User"},
        "name": {"formatted": f"{given} {family}", "familyName": family, "givenName": given},
        "phoneNumbers": [{"type": "work", "value": "078 770 4911"}],
        "addresses": [{"type": "work", "locality": "Dordrecht"}],
        ENTERPRISE: enterprise,
    }


def patch(*operations: dict) -> dict:
    return {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": list(operations),
    }
