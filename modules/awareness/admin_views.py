"""Sessions in the Wagtail admin: the kernteam's attendance screen (the participant list to
tick, the check-in code and its QR code). The session reports live in
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

from modules.awareness.models import Registration, RegistrationStatus, SessionPage
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

    def registrations(self):
        return list(
            Registration.objects.filter(session=self.session)
            .exclude(status=RegistrationStatus.CANCELLED)
            .select_related("user__department")
            .order_by("status", "user__last_name", "user__first_name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registrations = self.registrations()
        context.update(
            session=self.session,
            placed=[r for r in registrations if r.status == RegistrationStatus.REGISTERED],
            waiting=[r for r in registrations if r.status == RegistrationStatus.WAITLISTED],
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            count = attendance_record(
                session=self.session,
                present_user_ids=_ids(request.POST.getlist("aanwezig")),
                shown_present_ids=_ids(request.POST.getlist("was_aanwezig")),
                by=request.user,
                now=timezone.now(),
            )
        except RegistrationRefused as refusal:
            messages.error(request, str(refusal))
            return HttpResponseRedirect(reverse("awareness_attendance", args=[self.session.pk]))
        messages.success(request, _("Attendance saved: %(count)s present.") % {"count": count})
        return HttpResponseRedirect(reverse("awareness_attendance", args=[self.session.pk]))


def _ids(values: list[str]) -> set[int]:
    return {int(value) for value in values if value.isascii() and value.isdecimal()}


class CheckinCodeView(AttendanceView):
    """The code and its QR code, for the screen at the session. The code changes every two
    minutes; the page reloads itself (a ``Refresh`` header, no JavaScript)."""

    template_name = "awareness/admin/checkin_code.html"
    page_title = gettext_lazy("Check-in code")

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
