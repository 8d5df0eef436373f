"""Sessions in the Wagtail admin: the kernteam's attendance screen (the participant list to
tick, the check-in code and its QR code). Raadsleden are never on the list: they show as counts
of five or more, and they check in with the code. The session reports live in
:mod:`modules.reporting.session_reports`."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from modules.awareness.models import SessionPage
from modules.awareness.selectors import participant_list
from modules.awareness.services import RegistrationRefused, attendance_record

ATTENDANCE_PERMISSION = "awareness.change_registration"


class AttendanceView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "awareness/admin/attendance.html"
    header_icon = "user"
    page_title = gettext_lazy("Attendance")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ATTENDANCE_PERMISSION):
            raise PermissionDenied
        self.session = SessionPage.objects.filter(pk=kwargs["session_id"]).first()
        if self.session is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.session.title

    def get_breadcrumbs_items(self):
        """Home, then this screen: Wagtail's slim header shows only the breadcrumbs (the
        page title is a hidden h1), so without its own item the header reads "Home"."""
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_header_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        participants = participant_list(session=self.session)
        context.update(
            session=self.session,
            placed=participants.placed,
            waiting=participants.waiting,
            council=participants.council,
            hides_waitlist=participants.hides_waitlist,
        )
        return context

    def post(self, request, *args, **kwargs):
        # Raadsleden are not on the list (they check in with the code), so the form never
        # names them and the count below leaves them out.
        try:
            attendance_record(
                session=self.session,
                present_user_ids=_ids(request.POST.getlist("aanwezig")),
                shown_present_ids=_ids(request.POST.getlist("was_aanwezig")),
                by=request.user,
                now=timezone.now(),
            )
        except RegistrationRefused as refusal:
            messages.error(request, str(refusal))
            return HttpResponseRedirect(reverse("awareness_attendance", args=[self.session.pk]))
        count = sum(1 for r in participant_list(session=self.session).placed if r.attended_at)
        messages.success(request, _("Attendance saved: %(count)s present.") % {"count": count})
        return HttpResponseRedirect(reverse("awareness_attendance", args=[self.session.pk]))


def _ids(values: list[str]) -> set[int]:
    return {int(value) for value in values if value.isascii() and value.isdecimal()}


class CheckinCodeView(AttendanceView):
    """The code and its QR code, for the screen at the session. The code changes every two
    minutes; the page reloads itself (a ``Refresh`` header, no JavaScript)."""

    template_name = "awareness/admin/checkin_code.html"
    page_title = gettext_lazy("Check-in code")

    def get_breadcrumbs_items(self):
        attendance = reverse("awareness_attendance", args=[self.session.pk])
        return [
            *self.breadcrumbs_items,
            {"url": attendance, "label": f"{AttendanceView.page_title}: {self.session.title}"},
            {"url": "", "label": self.get_header_title()},
        ]

    def get_context_data(self, **kwargs):
        context = WagtailAdminTemplateMixin.get_context_data(self, **kwargs)
        code = self.session.checkin_code_at(timezone.now())
        checkin_url = self.request.build_absolute_uri(f"{self.session.url}?code={code}#aanmelden")
        context.update(
            session=self.session,
            code=code,
            checkin_url=checkin_url,
            qr_svg=segno.make(checkin_url, error="m").svg_inline(
                scale=8, title=_("QR code to check in"), dark="#000", light="#fff"
            ),
        )
        return context

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        response["Refresh"] = "30"
        return response

    def post(self, request, *args, **kwargs):
        raise PermissionDenied
