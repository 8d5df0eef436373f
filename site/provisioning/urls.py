"""The SCIM 2.0 API under ``/scim/v2/`` (included by ``config.urls``).

django-scim2's routes and names (namespace ``scim``, which its adapters and middleware
reverse), with Weerbaar's Users, Groups, ResourceTypes and Schemas views; the rest are the
library's.
Bulk, ``/Me`` and the root search answer 501 Not Implemented.
"""

from django.urls import re_path
from django_scim import views as scim_views

from provisioning import scim

app_name = "scim"

urlpatterns = [
    re_path(r"^$", scim_views.SCIMView.as_view(implemented=False), name="root"),
    re_path(r"^\.search$", scim_views.SearchView.as_view(implemented=False), name="search"),
    re_path(r"^Users(?:/(?P<uuid>[^/]+))?$", scim.UsersView.as_view(), name="users"),
    re_path(r"^Groups(?:/(?P<uuid>[^/]+))?$", scim.GroupsView.as_view(), name="groups"),
    re_path(r"^Me$", scim_views.SCIMView.as_view(implemented=False), name="me"),
    re_path(
        r"^ServiceProviderConfig$",
        scim_views.ServiceProviderConfigView.as_view(),
        name="service-provider-config",
    ),
    re_path(
        r"^ResourceTypes(?:/(?P<uuid>[^/]+))?$",
        scim.ResourceTypesView.as_view(),
        name="resource-types",
    ),
    re_path(r"^Schemas(?:/(?P<uuid>[^/]+))?$", scim.SchemasView.as_view(), name="schemas"),
    re_path(r"^Bulk$", scim_views.SCIMView.as_view(implemented=False), name="bulk"),
    re_path(r"^.*$", scim.not_found),
]
