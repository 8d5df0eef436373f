"""What the SCIM server says about itself: resource locations, schemas, configuration.

Named in ``SCIM_SERVICE_PROVIDER`` (``BASE_LOCATION_GETTER``, ``SCHEMAS_GETTER``,
``SERVICE_PROVIDER_CONFIG_MODEL``). Its own module, apart from :mod:`provisioning.scim`:
django-scim2 reads the schemas while its views module is being imported, so this module must
not import those views.
"""

from __future__ import annotations

from urllib.parse import urljoin

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scim import constants
from django_scim.models import SCIMServiceProviderConfig
from django_scim.schemas import ALL as LIBRARY_SCHEMAS

from provisioning.entra import ENTERPRISE


def base_location(request: HttpRequest | None = None, *args, **kwargs) -> str:
    """Resource locations start at the site's public address (``WAGTAILADMIN_BASE_URL``),
    not at whatever host header the request carried."""
    return settings.WAGTAILADMIN_BASE_URL


# The attributes Weerbaar keeps; the library's schemas list all of RFC 7643's, and a client
# (or a conformance tester) would expect every one it reads there to be stored.
_KEPT = {
    constants.SchemaURI.USER: {"userName", "name", "displayName", "active", "emails"},
    ENTERPRISE: {"employeeNumber", "department", "manager"},
    constants.SchemaURI.GROUP: {"displayName", "members"},
}


def schemas(located: bool = False) -> list[dict]:
    """django-scim2's schemas of User, EnterpriseUser and Group with only the kept attributes
    (``SCHEMAS_GETTER``). ``located``: with their ``meta.location`` (the library calls this
    while the URLs are being loaded, when they cannot be reversed yet)."""
    kept = []
    for schema in LIBRARY_SCHEMAS:
        if schema["id"] not in _KEPT:
            continue
        attributes = [a for a in schema["attributes"] if a["name"] in _KEPT[schema["id"]]]
        document = {
            **schema,
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
            "attributes": attributes,
        }
        if located:
            path = reverse("scim:schemas", kwargs={"uuid": schema["id"]})
            document["meta"] = {
                "resourceType": "Schema",
                "location": urljoin(base_location(), path),
            }
        kept.append(document)
    return kept


class ServiceProviderConfig(SCIMServiceProviderConfig):
    """What this server does (``SERVICE_PROVIDER_CONFIG_MODEL``): PATCH and filters yes;
    bulk, sorting, ETags and password changes no; bearer tokens."""

    def to_dict(self) -> dict:
        data = super().to_dict()
        data.update(
            {
                "filter": {"supported": True, "maxResults": settings.WEERBAAR_SCIM_MAX_PAGE_SIZE},
                "changePassword": {"supported": False},
                "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
                "authenticationSchemes": [
                    {
                        "type": "oauthbearertoken",
                        "name": "Bearer token",
                        "description": _("A token that beheer creates in the Weerbaar admin."),
                        "primary": True,
                    }
                ],
            }
        )
        return data
