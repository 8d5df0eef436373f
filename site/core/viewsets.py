"""Hand-made admin screens behind one permission, as Wagtail viewsets.

A :class:`PermissionViewSet` is a Wagtail ``ViewSet`` (registered with the
``register_admin_viewset`` hook): it mounts its views under ``/admin/<url_prefix>/`` and adds
its menu item, which Wagtail shows only to users with :attr:`~PermissionViewSet.permission`,
the way a ``ModelViewSet`` shows its item from its permission policy. The views check the same
permission themselves, so a user without it is refused whichever way they come in.
"""

from __future__ import annotations

from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet


class PermissionViewSet(ViewSet):
    """A ``ViewSet`` whose menu item is shown only to users with ``permission``.

    Its URL names are kept without a namespace (``url_namespace = None``): they were
    registered as plain names (``staff_import``, ``audit_log`` ...) before these screens became
    viewsets, and links, templates and tests reverse them that way.
    """

    #: "app_label.codename"; the menu item is shown only to users who have it.
    permission = ""
    url_namespace = None

    def get_url_name(self, view_name):
        return view_name

    @cached_property
    def menu_item_class(self):
        permission = self.permission

        def is_shown(_item, request):
            return request.user.has_perm(permission)

        return type(f"{self.__class__.__name__}MenuItem", (MenuItem,), {"is_shown": is_shown})
