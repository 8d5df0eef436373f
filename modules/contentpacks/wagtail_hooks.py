"""The content-pack import in the Quizzes menu ("Toetsen > Inhoudspakketten"), shown only to
those who may import (``contentpacks.import_pack``)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.viewsets import PermissionViewSet
from modules.contentpacks.admin_views import (
    IMPORT_PERMISSION,
    PackImportJobView,
    PackPreviewView,
    PackUploadView,
)
from quizzes.bank_views import QUIZ_MENU_HOOK


class ContentPackImportViewSet(PermissionViewSet):
    name = "inhoudspakketten"
    permission = IMPORT_PERMISSION
    menu_hook = QUIZ_MENU_HOOK
    menu_label = _("Content packs")
    icon = "upload"
    menu_order = 30

    def get_urlpatterns(self):
        return [
            path("", PackUploadView.as_view(), name="content_pack_import"),
            path("controle/", PackPreviewView.as_view(), name="content_pack_preview"),
            path("taak/<int:job_id>/", PackImportJobView.as_view(), name="content_pack_job"),
        ]


@hooks.register("register_admin_viewset")
def content_pack_viewset():
    return ContentPackImportViewSet()
