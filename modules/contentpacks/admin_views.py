"""The kernteam's import of a content pack in the admin (Toetsen > Inhoudspakketten).

Upload a zip; the next screen is the dry run (the plan and every error); "Importeren" applies
it as drafts. Between the two steps the upload waits in a private temporary folder under a
random token kept in the session: the browser never names a file or a path. Every view needs
``contentpacks.import_pack`` (the kernteam and superusers).
"""

from __future__ import annotations

import re
import secrets
import tempfile
import time
from pathlib import Path

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.admin_views import forbidden
from modules.contentpacks.forms import PackUploadForm
from modules.contentpacks.importer import (
    ACTION_CHANGED,
    ACTION_NEW,
    ACTION_UNCHANGED,
    PackInvalid,
    Plan,
    pack_apply,
    pack_check,
    pack_read,
)
from modules.contentpacks.models import PackItemKind
from modules.contentpacks.selectors import recent_imports

IMPORT_PERMISSION = "contentpacks.import_pack"
SESSION_KEY = "contentpacks_upload"
# An upload is applied within the day or uploaded again.
UPLOAD_VALID_SECONDS = 24 * 60 * 60
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def upload_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "weerbaar-contentpacks"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _upload_path(request) -> Path | None:
    """The waiting upload of this session, if it is still there and fresh."""
    stored = request.session.get(SESSION_KEY) or {}
    token = stored.get("token", "")
    if not _TOKEN_RE.fullmatch(token) or time.time() - stored.get("at", 0) > UPLOAD_VALID_SECONDS:
        return None
    path = upload_folder() / f"{token}.zip"
    return path if path.is_file() else None


def _forget_upload(request) -> None:
    path = _upload_path(request)
    if path is not None:
        path.unlink(missing_ok=True)
    request.session.pop(SESSION_KEY, None)


def _remove_stale_uploads() -> None:
    """Uploads nobody imported are removed after a day (on the next upload)."""
    limit = time.time() - UPLOAD_VALID_SECONDS
    for path in upload_folder().glob("*.zip"):
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


class _ImportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT_PERMISSION):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class PackUploadView(_ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "contentpacks/admin/upload.html"
    form_class = PackUploadForm
    page_title = gettext_lazy("Import a content pack")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent"] = recent_imports()
        return context

    def form_valid(self, form):
        _forget_upload(self.request)
        _remove_stale_uploads()
        token = secrets.token_urlsafe(24)
        with (upload_folder() / f"{token}.zip").open("wb") as target:
            for chunk in form.cleaned_data["file"].chunks():
                target.write(chunk)
        self.request.session[SESSION_KEY] = {
            "token": token,
            "name": Path(form.cleaned_data["file"].name).name[:200],
            "at": time.time(),
        }
        return HttpResponseRedirect(reverse("content_pack_preview"))


class PackPreviewView(_ImportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The dry run of this session's upload (checked again on every visit) and the button that
    imports it."""

    template_name = "contentpacks/admin/preview.html"
    page_title = gettext_lazy("Import a content pack: check")
    header_icon = "upload"

    def get_page_subtitle(self):
        return (self.request.session.get(SESSION_KEY) or {}).get("name", "")

    def get(self, request, *args, **kwargs):
        path = _upload_path(request)
        if path is None:
            messages.error(request, _("There is no uploaded pack to check. Upload it again."))
            return HttpResponseRedirect(reverse("content_pack_import"))
        return self.render_to_response(self.get_context_data(plan=pack_check(pack_read(path))))

    def post(self, request, *args, **kwargs):
        path = _upload_path(request)
        if path is None:
            messages.error(request, _("There is no uploaded pack to import. Upload it again."))
            return HttpResponseRedirect(reverse("content_pack_import"))
        try:
            result = pack_apply(pack_read(path), by=request.user, publish=False)
        except PackInvalid as invalid:
            messages.error(request, _("Nothing has been imported: the pack has errors."))
            return self.render_to_response(self.get_context_data(plan=invalid.plan), status=400)
        _forget_upload(request)
        messages.success(
            request,
            _("Imported %(title)s (version %(version)s). New and changed pages are drafts.")
            % {"title": result.plan.title, "version": result.plan.version},
        )
        return HttpResponseRedirect(reverse("content_pack_import"))

    def get_context_data(self, plan: Plan | None = None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plan"] = plan
        if plan is not None:
            labels = dict(PackItemKind.choices)
            context["summary"] = [
                {
                    "kind": labels[kind],
                    "new": numbers[ACTION_NEW],
                    "changed": numbers[ACTION_CHANGED],
                    "unchanged": numbers[ACTION_UNCHANGED],
                }
                for kind, numbers in plan.counts().items()
            ]
            actions = {
                ACTION_NEW: _("new"),
                ACTION_CHANGED: _("changed"),
                ACTION_UNCHANGED: _("unchanged"),
            }
            context["changes"] = [
                {"kind": labels[entry.kind], "title": entry.title, "action": actions[entry.action]}
                for entry in plan.entries
                if entry.action != ACTION_UNCHANGED
            ]
        return context
