"""The evidence pack in the admin: a small page that says what the pack holds, and its
download. Kernteam (and superusers) only, the rule of the targets screen
(:func:`modules.goals.permissions.is_kernteam`); everybody else is refused at both URLs.

The pack is built while the kernteam member waits: its reads are a fixed number of queries
and its rows number in the thousands even for 50,000 employees (indicators x months x
departments, modules x departments), so a background job (``accounts.jobs``) would add a
page and a stored file without saving anyone time.
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from accounts.audit import audit_record
from accounts.models import AuditAction
from accounts.roles import Role
from modules.goals.evidence import build_pack
from modules.goals.models import IndicatorDefinition, IndicatorSnapshot, Target
from modules.goals.permissions import is_kernteam


class _KernteamOnly:
    def dispatch(self, request, *args, **kwargs):
        if not is_kernteam(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def exporter_label(user) -> str:
    """Who exported the pack, as the manifest names them: the name and the role that allowed
    it (auditors may ask the person)."""
    role = _("kernteam") if user.has_role(Role.KERNTEAM) else _("superuser")
    return f"{user} ({role})"


class EvidencePackView(_KernteamOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "goals/admin/evidence_pack.html"
    page_title = gettext_lazy("Evidence pack")
    header_icon = "download"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "definitions": IndicatorDefinition.objects.count(),
            "months": IndicatorSnapshot.objects.values("month").distinct().count(),
            "targets": Target.objects.count(),
        }


class EvidencePackDownloadView(_KernteamOnly, View):
    """The pack as a download; each export is in the audit log with the zip's checksum. A
    POST with the CSRF token (the page's button), because an export writes to the audit log:
    a link or a prefetch (GET) must not make one (405)."""

    def post(self, request, *args, **kwargs):
        now = timezone.now()
        pack = build_pack(exported_by=exporter_label(request.user), now=now)
        filename = f"bewijsdossier-doelen-{timezone.localtime(now):%Y-%m-%d-%H%M}.zip"
        audit_record(
            action=AuditAction.EVIDENCE_PACK_EXPORTED,
            actor=request.user,
            target=None,
            details={"file": filename, "sha256": hashlib.sha256(pack).hexdigest()},
            request=request,
        )
        response = HttpResponse(pack, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


class EvidencePackViewSet(ViewSet):
    """The evidence pack (:mod:`modules.goals.evidence_views`): its own item right below
    Goals, shown to the kernteam only; the views refuse everybody else themselves."""

    icon = "download"
    menu_label = _("Evidence pack")
    menu_order = 266
    add_to_admin_menu = True
    url_prefix = "doelen/bewijsdossier"

    @cached_property
    def menu_item_class(self):
        def is_shown(_item, request):
            return is_kernteam(request.user)

        return type("EvidencePackMenuItem", (MenuItem,), {"is_shown": is_shown})

    def get_urlpatterns(self):
        return [
            path("", EvidencePackView.as_view(), name="index"),
            path("download/", EvidencePackDownloadView.as_view(), name="download"),
        ]
