"""Sessions in the Wagtail admin: the attendance screen, linked from each session in the page
listing (the session reports are registered by :mod:`modules.reporting`)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from modules.awareness import portal_parts  # noqa: F401  (registers the learner-page hooks)
from modules.awareness.admin_views import (
    ATTENDANCE_PERMISSION,
    AttendanceView,
    CheckinCodeView,
)
from modules.awareness.models import SessionPage, SessionTemplate


class SessionTemplateViewSet(SnippetViewSet):
    """Kinds of session without a date, to plan sessions from (the kernteam's)."""

    model = SessionTemplate
    icon = "doc-empty-inverse"
    menu_label = _("Session templates")
    menu_order = 255
    add_to_admin_menu = True
    list_display = ["title", "kind", "theme", "audience", "duration_minutes", "capacity"]
    list_filter = ["kind", "theme"]


register_snippet(SessionTemplateViewSet)


@hooks.register("register_admin_urls")
def register_attendance_url():
    return [
        path(
            "bewustwording/<int:session_id>/aanwezigheid/",
            AttendanceView.as_view(),
            name="awareness_attendance",
        ),
        path(
            "bewustwording/<int:session_id>/incheckcode/",
            CheckinCodeView.as_view(),
            name="awareness_checkin_code",
        ),
    ]


@hooks.register("register_page_listing_buttons")
def attendance_button(page, user, next_url=None):
    if issubclass(page.specific_class or object, SessionPage) and user.has_perm(
        ATTENDANCE_PERMISSION
    ):
        yield ListingButton(
            _("Attendance"),
            reverse("awareness_attendance", args=[page.pk]),
            icon_name="user",
            priority=15,
        )
