"""SCIM 2.0 provisioning: Microsoft Entra ID creates, changes and switches off accounts.

The protocol (routing, error bodies, discovery endpoints, PATCH paths) is django-scim2's
(``django_scim``); what a request may change is decided here, under the staff import's rules
(``accounts.staff_import``): people are matched by personnel number, else email; only what HR
knows changes (name, email, personnel number, department, manager, active) and only the roles
medewerker and leidinggevende; nothing is deleted (DELETE switches the account off); superusers,
admin roles, raadsleden and accounts without a personnel number are out of reach.

What lives where:

* :mod:`.models`: the clients (one bearer token each, stored hashed) and each provisioned
  account's SCIM link (its ``externalId``, manager and whether Entra "deleted" it);
* :mod:`.selectors`: which accounts SCIM sees, a token's client, a department by name or code;
* :mod:`.services`: creating and revoking clients, and every write to an account;
* :mod:`.entra`: a SCIM body or PATCH (in Entra's forms, with or without ``aadOptscim062020``)
  becomes the attributes it sets;
* :mod:`.scim`: django-scim2's adapters, views, authentication and limits;
* :mod:`.admin_views` and :mod:`.wagtail_hooks`: beheer's screen for the clients.

Imports only ``accounts`` and ``core`` (the layer contract in ``pyproject.toml``).
"""
