"""A SCIM User body or PATCH becomes the attributes Weerbaar keeps, whatever form Entra uses.

Entra ID sends the same change in different shapes depending on the tenant URL's feature flag
``aadOptscim062020`` (Microsoft: "Known issues and resolutions with SCIM 2.0 protocol
compliance"): without it, ops are capitalised (``"Replace"``), ``active`` is the string
``"True"``/``"False"`` and a group member is removed with ``{"op": "Remove", "path":
"members", "value": [{"value": id}]}``; with it, ops are lower case, booleans are booleans,
a replace may carry no path and an object of paths (``{"op": "replace", "value": {"active":
false, "name.givenName": "Ann"}}``), and a member is removed by a filter path
(``members[value eq "id"]``). Both are read here, so the flag may be on or off.

Attributes Weerbaar does not keep (title, phone numbers, addresses, locale, ...) are ignored:
Entra's default mapping sends them, and refusing them would fail every request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext as _

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User"

# What a request may set, by Weerbaar's name.
FIELDS = (
    "email",
    "first_name",
    "last_name",
    "personnel_number",
    "department",
    "manager",
    "active",
    "external_id",
)

# Lower-cased SCIM attribute path: Weerbaar's field. Paths may carry the schema URN.
_PATHS = {
    "username": "email",
    "name.givenname": "first_name",
    "name.familyname": "last_name",
    "active": "active",
    "externalid": "external_id",
    "employeenumber": "personnel_number",
    "department": "department",
    "manager": "manager",
    "manager.value": "manager",
}


class ScimInputError(ValueError):
    """The request cannot be read; the message is Dutch and goes into the SCIM error."""


def as_bool(value: Any) -> bool:
    """``true``/``false`` as JSON booleans or as Entra's strings ``"True"``/``"False"``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise ScimInputError(_("'active' must be true or false."))


def _text(value: Any, label: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ScimInputError(_("'%(name)s' must be text.") % {"name": label})
    return str(value).strip()


def _manager(value: Any) -> str | None:
    """Entra names a manager by their SCIM id: a string, ``{"value": id}`` or a list of one."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, Mapping):
        value = value.get("value")
    if value in (None, ""):
        return None
    return _text(value, "manager")


def _field_of(path: str) -> str | None:
    """The field a PATCH path sets: ``urn:...:enterprise:2.0:User:department`` and
    ``department`` alike, ``emails[type eq "work"].value`` not at all (the login address is
    ``userName``)."""
    lowered = path.strip().lower()
    for urn in (ENTERPRISE.lower() + ":", CORE_USER.lower() + ":"):
        if lowered.startswith(urn):
            lowered = lowered[len(urn) :]
            break
    return _PATHS.get(lowered)


def _set(values: dict[str, Any], field: str, value: Any) -> None:
    if field == "active":
        values["active"] = as_bool(value)
    elif field == "manager":
        values["manager"] = _manager(value)
    else:
        values[field] = _text(value, field)


def from_resource(body: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a whole User resource (POST and PUT). Fields it leaves out are absent."""
    if not isinstance(body, Mapping):
        raise ScimInputError(_("The request body must be a JSON object."))
    values: dict[str, Any] = {}
    if "userName" in body:
        _set(values, "email", body["userName"])
    name = body.get("name")
    if isinstance(name, Mapping):
        if "givenName" in name:
            _set(values, "first_name", name["givenName"])
        if "familyName" in name:
            _set(values, "last_name", name["familyName"])
    if "active" in body:
        _set(values, "active", body["active"])
    if "externalId" in body:
        _set(values, "external_id", body["externalId"])
    enterprise = body.get(ENTERPRISE)
    if isinstance(enterprise, Mapping):
        for key, field in (
            ("employeeNumber", "personnel_number"),
            ("department", "department"),
            ("manager", "manager"),
        ):
            if key in enterprise:
                _set(values, field, enterprise[key])
    return values


def _operations(body: Any, *, limit: int) -> list[Mapping[str, Any]]:
    if not isinstance(body, Mapping) or not isinstance(body.get("Operations"), list):
        raise ScimInputError(_("A PATCH needs a list of 'Operations'."))
    operations = body["Operations"]
    if not operations:
        raise ScimInputError(_("A PATCH needs a list of 'Operations'."))
    if len(operations) > limit:
        raise ScimInputError(_("A PATCH may hold at most %(count)s operations.") % {"count": limit})
    for operation in operations:
        if not isinstance(operation, Mapping):
            raise ScimInputError(_("Every operation must be a JSON object."))
        if str(operation.get("op", "")).lower() not in ("add", "replace", "remove"):
            raise ScimInputError(
                _("Unknown PATCH operation '%(op)s'.") % {"op": operation.get("op", "")}
            )
    return operations


def from_patch(body: Any, *, limit: int) -> dict[str, Any]:
    """The fields a User PATCH sets, in order (a later operation wins). ``add`` and ``replace``
    set a value; ``remove`` empties it (a removed manager is None)."""
    values: dict[str, Any] = {}
    for operation in _operations(body, limit=limit):
        op = str(operation["op"]).lower()
        path, value = operation.get("path"), operation.get("value")
        if op == "remove":
            if not path:
                raise ScimInputError(_("A 'remove' operation needs a 'path'."))
            field = _field_of(str(path))
            if field == "active":
                raise ScimInputError(_("'active' cannot be removed; set it to false."))
            if field is not None:
                values[field] = None if field == "manager" else ""
            continue
        if path:
            field = _field_of(str(path))
            if field is not None:
                _set(values, field, value)
            elif str(path).strip().lower() == "name" and isinstance(value, Mapping):
                values.update(from_resource({"name": value}))
            elif str(path).strip().lower() == ENTERPRISE.lower() and isinstance(value, Mapping):
                values.update(from_resource({ENTERPRISE: value}))
            continue
        # No path: an object of attribute names or paths (Entra with aadOptscim062020).
        if not isinstance(value, Mapping):
            raise ScimInputError(_("An operation without 'path' needs an object as 'value'."))
        nested = from_resource(value)
        values.update(nested)
        for key, item in value.items():
            field = _field_of(str(key))
            if field is not None:
                _set(values, field, item)
    return values


# ``members[value eq "abc"]``: Entra's member removal with the flag (and the RFC's form).
_MEMBER_FILTER = re.compile(r'^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$', re.IGNORECASE)


def member_ids(operation: Mapping[str, Any]) -> list[str]:
    """The member ids a Group PATCH operation names, in both of Entra's forms: ``path:
    "members", value: [{"value": id}, ...]`` or ``path: 'members[value eq "id"]'``."""
    path = str(operation.get("path") or "").strip()
    match = _MEMBER_FILTER.match(path)
    if match:
        return [match.group(1)]
    if path.lower() != "members":
        return []
    value = operation.get("value")
    items: Iterable[Any] = value if isinstance(value, list) else [value]
    ids = []
    for item in items:
        if isinstance(item, Mapping) and item.get("value") not in (None, ""):
            ids.append(_text(item["value"], "members"))
    return ids
