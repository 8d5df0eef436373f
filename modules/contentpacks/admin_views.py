"""The kernteam's import of a content pack in the admin (Toetsen > Inhoudspakketten).

Upload a zip; the next screen is the dry run (the plan and every error); "Importeren" queues a
background job that applies it (:mod:`modules.contentpacks.tasks`; its page shows the progress):
pages as drafts, while changed questions, quizzes, pools and session templates apply at once (so the
import then needs a ticked confirmation). Between the two steps the upload waits in a private folder
(:func:`upload_folder`) under a random token kept in the session: the browser never names a file or
a path. Every view needs ``contentpacks.import_pack`` (the kernteam and superusers).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import stat
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from accounts.admin_views import AdminJobView, TitledAdminScreen, forbidden
from accounts.models import AdminJobKind
from modules.contentpacks.forms import PackUploadForm
from modules.contentpacks.importer import (
    ACTION_CHANGED,
    ACTION_NEW,
    ACTION_UNCHANGED,
    Plan,
    pack_check,
    pack_read,
)
from modules.contentpacks.models import PackItemKind
from modules.contentpacks.selectors import recent_imports
from modules.contentpacks.tasks import pack_import_job_start

logger = logging.getLogger(__name__)

IMPORT_PERMISSION = "contentpacks.import_pack"
SESSION_KEY = "contentpacks_upload"
# The checkbox that confirms changes taking effect at once (questions, quizzes, pools).
CONFIRM_FIELD = "confirm_immediate"
# An upload is applied within the day or uploaded again.
UPLOAD_VALID_SECONDS = 24 * 60 * 60
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


class UploadFolderUnsafe(ImproperlyConfigured):
    """The upload folder exists but another user could read or replace the uploads in it."""


def upload_folder() -> Path:
    """The private folder where uploads wait (``CONTENT_PACK_UPLOAD_DIR``, by default one
    per uid in the system's temporary folder). A shared temporary folder lets another local
    user make the folder first, so one that is not ours alone is refused, never used."""
    configured = getattr(settings, "CONTENT_PACK_UPLOAD_DIR", "")
    folder = (
        Path(configured)
        if configured
        else Path(tempfile.gettempdir()) / f"weerbaar-contentpacks-{os.getuid()}"
    )
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    info = folder.lstat()
    if (
        not stat.S_ISDIR(info.st_mode)
        or info.st_uid != os.getuid()
        or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    ):
        raise UploadFolderUnsafe(
            f"The content pack upload folder {folder} must be a folder owned by this user "
            "and not writable by its group or others (CONTENT_PACK_UPLOAD_DIR)."
        )
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


class PackUploadView(_ImportPermissionMixin, TitledAdminScreen, FormView):
    template_name = "contentpacks/admin/upload.html"
    form_class = PackUploadForm
    page_title = gettext_lazy("Import a content pack")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent"] = recent_imports()
        return context

    def form_valid(self, form):
        try:
            upload_folder()
        except UploadFolderUnsafe as unsafe:
            logger.error("%s", unsafe)
            form.add_error(
                None,
                _(
                    "The upload cannot be stored safely. Ask the site's administrator to check "
                    "the folder for uploads (CONTENT_PACK_UPLOAD_DIR)."
                ),
            )
            return self.form_invalid(form)
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


class PackPreviewView(_ImportPermissionMixin, TitledAdminScreen, TemplateView):
    """The dry run of this session's upload (checked again on every visit) and the button that
    imports it."""

    template_name = "contentpacks/admin/preview.html"
    page_title = gettext_lazy("Import a content pack: check")
    header_icon = "upload"
    parent_url_name = "content_pack_import"
    parent_label = gettext_lazy("Import a content pack")

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
        # Checked again here (as the dry run is, in the request): a pack with errors or an
        # unconfirmed change that applies at once is refused before any job is queued.
        plan = pack_check(pack_read(path))
        if not plan.ok:
            messages.error(request, _("Nothing has been imported: the pack has errors."))
            return self.render_to_response(self.get_context_data(plan=plan), status=400)
        if plan.immediate and request.POST.get(CONFIRM_FIELD) != "1":
            messages.error(request, _("Nothing has been imported: confirm the import first."))
            return self.render_to_response(
                self.get_context_data(plan=plan, confirm_error=True), status=400
            )
        # The import itself runs as a background job (a big pack takes longer than a request
        # may); the job's page shows its progress and result, or why nothing was imported.
        job = pack_import_job_start(
            content=path.read_bytes(),
            name=(request.session.get(SESSION_KEY) or {}).get("name", ""),
            actor=request.user,
        )
        _forget_upload(request)
        return HttpResponseRedirect(reverse("content_pack_job", args=[job.pk]))

    def get_context_data(self, plan: Plan | None = None, confirm_error: bool = False, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plan"] = plan
        context["confirm_field"] = CONFIRM_FIELD
        context["confirm_error"] = confirm_error
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
                {
                    "kind": labels[entry.kind],
                    "title": entry.title,
                    "action": actions[entry.action],
                    "immediate": entry.immediate,
                }
                for entry in plan.entries
                if entry.action != ACTION_UNCHANGED
            ]
        return context


class PackImportJobView(AdminJobView):
    """The result page of one pack import (the kernteam member's own, :class:`AdminJobView`)."""

    kind = AdminJobKind.CONTENT_PACK
    permission = IMPORT_PERMISSION
    page_title = gettext_lazy("Import a content pack: importing")
    parent_url_name = "content_pack_import"
    parent_label = gettext_lazy("Import a content pack")
    summary_template = "contentpacks/admin/job_summary.html"
