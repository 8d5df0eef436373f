"""django-scim2, set up for Weerbaar: adapters, views, bearer-token check and limits.

django-scim2 (``django_scim``) gives the protocol: the URL routes, the error bodies, the
discovery endpoints (``ServiceProviderConfig``, ``Schemas``, ``ResourceTypes``) and the view
classes. Its views call the adapters and filter parser its settings name
(``SCIM_SERVICE_PROVIDER`` in ``config.settings.base``); here the views are subclassed so that
every write goes through :mod:`provisioning.services` and every read through
:mod:`provisioning.selectors`:

* **Users** are the accounts of :func:`~provisioning.selectors.provisionable_users`; ``id`` is
  the account's number. DELETE switches the account off (:func:`scim_user_release`).
* **Groups** are the active departments; adding a member moves that person into the
  department, removing moves them out (only if they are still in it). Departments are never
  created, renamed or deleted by SCIM: beheer keeps them in the admin.
* **Filters**: ``eq`` (and the rest of RFC 7644's operators) on ``userName``, ``externalId``,
  ``id``, ``name.givenName``, ``name.familyName``, ``active``, ``emails.value`` and
  ``employeeNumber``; on Groups ``displayName``, ``externalId`` and ``id``. Through the ORM,
  so SQLite and PostgreSQL alike (django-scim2's own parser writes raw PostgreSQL).

Who may call, and how much, is :mod:`provisioning.auth` (django-scim2's
``AUTH_CHECK_MIDDLEWARE``).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scim import constants, exceptions
from django_scim import views as scim_views
from django_scim.adapters import SCIMMixin
from scim2_filter_parser.parser import SCIMParserError
from scim2_filter_parser.transpilers.django_q_object import get_query

from accounts.models import Department, User
from provisioning import entra
from provisioning.auth import scim_error as _error
from provisioning.discovery import base_location, schemas
from provisioning.entra import ENTERPRISE, ScimInputError
from provisioning.models import ScimIdentity
from provisioning.selectors import provisionable_users
from provisioning.services import (
    ScimConflict,
    ScimForbidden,
    scim_department_members,
    scim_user_create,
    scim_user_release,
    scim_user_update,
)

# -- adapters --------------------------------------------------------------------------------


def _identity(user: User) -> ScimIdentity | None:
    try:
        return user.scim_identity
    except ScimIdentity.DoesNotExist:
        return None


class ScimUser(SCIMMixin):
    """An account as a SCIM User (``USER_ADAPTER``). Reads only what
    :func:`provisionable_users` loads: no query per account."""

    url_name = "scim:users"
    resource_type = "User"
    id_field = "pk"

    def to_dict(self) -> dict:
        user = self.obj
        identity = _identity(user)
        name = user.get_full_name()
        enterprise: dict[str, Any] = {
            "employeeNumber": user.personnel_number,
            "department": user.department.name if user.department else "",
        }
        if identity is not None and identity.manager_id:
            manager = identity.manager
            enterprise["manager"] = {
                "value": str(manager.pk),
                "$ref": urljoin(
                    base_location(), reverse("scim:users", kwargs={"uuid": manager.pk})
                ),
                "displayName": manager.get_full_name(),
            }
        modified = identity.updated_at if identity is not None else user.date_joined
        return {
            "schemas": [constants.SchemaURI.USER, ENTERPRISE],
            "id": self.id,
            "externalId": identity.external_id if identity is not None else "",
            "userName": user.email,
            "name": {
                "givenName": user.first_name,
                "familyName": user.last_name,
                "formatted": name,
            },
            "displayName": name or user.email,
            "emails": [{"value": user.email, "type": "work", "primary": True}],
            "active": user.is_active,
            ENTERPRISE: enterprise,
            "meta": {
                "resourceType": self.resource_type,
                "created": user.date_joined.isoformat(),
                "lastModified": max(modified, user.date_joined).isoformat(),
                "location": self.location,
            },
        }

    @classmethod
    def resource_type_dict(cls, request=None) -> dict:
        return _resource_type("User", "scim:users", constants.SchemaURI.USER, [ENTERPRISE])


class ScimGroup(SCIMMixin):
    """A department as a SCIM Group (``GROUP_ADAPTER``); its members are loaded by
    :func:`departments` in one query for a whole page."""

    url_name = "scim:groups"
    resource_type = "Group"
    id_field = "pk"
    with_members = True

    def to_dict(self) -> dict:
        department = self.obj
        data = {
            "schemas": [constants.SchemaURI.GROUP],
            "id": self.id,
            "externalId": department.code,
            "displayName": department.name,
            "meta": {"resourceType": self.resource_type, "location": self.location},
        }
        if self.with_members:
            data["members"] = [
                {
                    "value": str(member.pk),
                    "$ref": urljoin(
                        base_location(), reverse("scim:users", kwargs={"uuid": member.pk})
                    ),
                    "display": member.get_full_name() or member.email,
                }
                for member in department.scim_members
            ]
        return data

    @classmethod
    def resource_type_dict(cls, request=None) -> dict:
        return _resource_type("Group", "scim:groups", constants.SchemaURI.GROUP, [])


def _resource_type(name: str, url_name: str, schema: str, extensions: list[str]) -> dict:
    """``url_name`` names the endpoint's route; ``endpoint`` is its path under the base URL."""
    location = urljoin(base_location(), reverse("scim:resource-types", kwargs={"uuid": name}))
    return {
        "schemas": [constants.SchemaURI.RESOURCE_TYPE],
        "id": name,
        "name": name,
        "endpoint": "/" + name + "s",  # relative to the base URL (RFC 7643 section 6)
        "description": name,
        "schema": schema,
        "schemaExtensions": [{"schema": uri, "required": False} for uri in extensions],
        "meta": {"location": location, "resourceType": "ResourceType"},
    }


def departments() -> QuerySet[Department]:
    """The active departments, each with its members SCIM sees (``scim_members``)."""
    members = provisionable_users().filter(is_active=True).order_by("last_name", "pk")
    return (
        Department.objects.filter(is_active=True)
        .prefetch_related(Prefetch("members", queryset=members, to_attr="scim_members"))
        .order_by("pk")
    )


# -- filters ---------------------------------------------------------------------------------

_USER_ATTRIBUTES = {
    ("userName", None, None): "email",
    ("externalId", None, None): "scim_identity__external_id",
    ("id", None, None): "pk",
    ("name", "givenName", None): "first_name",
    ("name", "familyName", None): "last_name",
    ("active", None, None): "is_active",
    ("emails", "value", None): "email",
    ("emails", None, None): "email",
    ("employeeNumber", None, ENTERPRISE): "personnel_number",
    ("employeeNumber", None, None): "personnel_number",
}
_GROUP_ATTRIBUTES = {
    ("displayName", None, None): "name",
    ("externalId", None, None): "code",
    ("id", None, None): "pk",
}


def _filtered(queryset: QuerySet, query: str, attributes: dict) -> QuerySet:
    try:
        condition = get_query(query, attributes)
    except (SCIMParserError, ValueError, NotImplementedError) as error:
        raise exceptions.BadRequestError(
            _("The filter cannot be read: %(filter)s") % {"filter": query},
            scim_type="invalidFilter",
        ) from error
    if not isinstance(condition, Q):
        raise exceptions.BadRequestError(
            _("Filtering on this attribute is not supported: %(filter)s") % {"filter": query},
            scim_type="invalidFilter",
        )
    if any(key.startswith("pk__") for key, _value in _leaves(condition)) and not all(
        str(value).isdigit() for key, value in _leaves(condition) if key.startswith("pk__")
    ):
        return queryset.none()  # an id that is no number is no account
    return queryset.filter(condition)


def _leaves(condition: Q):
    for child in condition.children:
        if isinstance(child, Q):
            yield from _leaves(child)
        else:
            yield child


# -- views -----------------------------------------------------------------------------------


class _Writes:
    """Turn the services' refusals into SCIM errors, and limit pages and PATCHes."""

    def handle(self, write):
        try:
            return write()
        except ScimInputError as error:
            raise exceptions.BadRequestError(str(error), scim_type="invalidValue") from error
        except ScimConflict as error:
            raise exceptions.IntegrityError(str(error), scim_type="uniqueness") from error
        except ScimForbidden as error:
            raise exceptions.SCIMException(str(error), status=403) from error

    def _page(self, request):
        start, count = super()._page(request)
        return start, max(0, min(count, settings.WEERBAAR_SCIM_MAX_PAGE_SIZE))

    def _build_response(self, request, qs, start, count):
        """One COUNT and one page of rows (the library counts by loading every row)."""
        total = qs.count()
        resources = [
            self.resource(obj, request).to_dict() for obj in qs[start - 1 : start - 1 + count]
        ]
        doc = {
            "schemas": [constants.SchemaURI.LIST_RESPONSE],
            "totalResults": total,
            "itemsPerPage": len(resources),
            "startIndex": start,
            "Resources": resources,
        }
        return HttpResponse(json.dumps(doc), content_type=constants.SCIM_CONTENT_TYPE)

    def resource(self, obj, request):
        return self.scim_adapter(obj, request=request)

    def get_object(self):
        uuid = str(self.kwargs.get(self.lookup_url_kwarg) or "")
        found = self.queryset().filter(pk=uuid).first() if uuid.isdigit() else None
        if found is None:
            raise exceptions.NotFoundError(uuid)
        return found

    def respond(self, obj, status=200) -> HttpResponse:
        resource = self.resource(obj, self.request)
        response = HttpResponse(
            json.dumps(resource.to_dict()), content_type=constants.SCIM_CONTENT_TYPE, status=status
        )
        response["Location"] = resource.location
        return response

    def get(self, request, *args, **kwargs):
        if kwargs.get(self.lookup_url_kwarg):
            return self.respond(self.get_object())
        queryset = self.queryset()
        if query := request.GET.get("filter"):
            queryset = _filtered(queryset, query, self.attributes)
        return self._build_response(request, queryset, *self._page(request))


class UsersView(_Writes, scim_views.UsersView):
    attributes = _USER_ATTRIBUTES

    def queryset(self) -> QuerySet[User]:
        return provisionable_users()

    def post(self, request, *args, **kwargs):
        values = self.handle(lambda: entra.from_resource(self.load_body(request.body)))
        user = self.handle(
            lambda: scim_user_create(client=request.scim_client, values=values, request=request)
        )
        return self.respond(user, status=201)

    def put(self, request, *args, **kwargs):
        user = self.get_object()
        values = self.handle(lambda: entra.from_resource(self.load_body(request.body)))
        return self.respond(self._update(user, values))

    def patch(self, request, *args, **kwargs):
        user = self.get_object()
        body = self.load_body(request.body)
        limit = settings.WEERBAAR_SCIM_MAX_OPERATIONS
        values = self.handle(lambda: entra.from_patch(body, limit=limit))
        return self.respond(self._update(user, values))

    def delete(self, request, *args, **kwargs):
        user = self.get_object()
        self.handle(
            lambda: scim_user_release(client=request.scim_client, user=user, request=request)
        )
        return HttpResponse(status=204)

    def _update(self, user, values):
        return self.handle(
            lambda: scim_user_update(
                client=self.request.scim_client, user=user, values=values, request=self.request
            )
        )


class GroupsView(_Writes, scim_views.GroupsView):
    attributes = _GROUP_ATTRIBUTES

    def queryset(self) -> QuerySet[Department]:
        return departments()

    def resource(self, obj, request):
        resource = super().resource(obj, request)
        excluded = request.GET.get("excludedAttributes", "")
        resource.with_members = "members" not in excluded.replace(" ", "").split(",")
        return resource

    def post(self, request, *args, **kwargs):
        return _error(403, _("Departments are made in Weerbaar by beheer; SCIM only fills them."))

    def put(self, request, *args, **kwargs):
        return _error(403, _("Departments are changed in Weerbaar by beheer."))

    def delete(self, request, *args, **kwargs):
        self.get_object()
        return _error(403, _("Weerbaar never deletes a department."))

    def patch(self, request, *args, **kwargs):
        department = self.get_object()
        body = self.load_body(request.body)
        limit = settings.WEERBAAR_SCIM_MAX_OPERATIONS
        operations = self.handle(lambda: entra._operations(body, limit=limit))
        add, remove = [], []
        for operation in operations:
            op, path = str(operation["op"]).lower(), str(operation.get("path") or "")
            if path.lower().startswith("members"):
                ids = entra.member_ids(operation)
                if not ids:
                    raise exceptions.BadRequestError(
                        _("Name the members to add or remove."), scim_type="noTarget"
                    )
                (remove if op == "remove" else add).extend(ids)
            elif not path and isinstance(operation.get("value"), dict):
                value = operation["value"]
                if value.get("displayName", department.name) != department.name:
                    return _error(403, _("Departments are changed in Weerbaar by beheer."))
            elif path.lower() == "displayname" and operation.get("value") != department.name:
                return _error(403, _("Departments are changed in Weerbaar by beheer."))
        self.handle(
            lambda: scim_department_members(
                client=request.scim_client,
                department=department,
                add=add,
                remove=remove,
                request=request,
            )
        )
        return self.respond(self.get_object())


def _listing(documents: dict[str, dict], uuid: str | None) -> HttpResponse:
    """A discovery listing with ``totalResults`` (RFC 7644 section 3.4.2, which the library
    leaves out), or one entry, or a SCIM 404."""
    if uuid:
        if uuid not in documents:
            return _error(404, _("Not found: %(id)s") % {"id": uuid})
        doc = documents[uuid]
    else:
        resources = [documents[key] for key in sorted(documents)]
        doc = {
            "schemas": [constants.SchemaURI.LIST_RESPONSE],
            "totalResults": len(resources),
            "itemsPerPage": len(resources),
            "startIndex": 1,
            "Resources": resources,
        }
    return HttpResponse(json.dumps(doc), content_type=constants.SCIM_CONTENT_TYPE)


def not_found(request, *args, **kwargs) -> HttpResponse:
    """Any other address under the API: a SCIM 404, not the site's HTML page."""
    return _error(404, _("Not found: %(id)s") % {"id": request.path})


class ResourceTypesView(scim_views.ResourceTypesView):
    def type_dict_by_type_id(self, request):
        return {
            "User": ScimUser.resource_type_dict(request),
            "Group": ScimGroup.resource_type_dict(request),
        }

    def get(self, request, uuid=None, *args, **kwargs):
        return _listing(self.type_dict_by_type_id(request), uuid)


class SchemasView(scim_views.SchemasView):
    def get(self, request, uuid=None, *args, **kwargs):
        return _listing({schema["id"]: schema for schema in schemas(located=True)}, uuid)
