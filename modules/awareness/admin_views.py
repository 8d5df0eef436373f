"""The kernteam's attendance screen in the Wagtail admin: the participant list to tick, and the
check-in code with its QR code to show at the session."""

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
from modules.awareness.services import attendance_record

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
        checkin_url = self.request.build_absolute_uri(
            f"{self.session.url}?code={self.session.checkin_code}#aanmelden"
        )
        registrations = self.registrations()
        context.update(
            session=self.session,
            placed=[r for r in registrations if r.status == RegistrationStatus.REGISTERED],
            waiting=[r for r in registrations if r.status == RegistrationStatus.WAITLISTED],
            checkin_url=checkin_url,
            qr_svg=segno.make(checkin_url, error="m").svg_inline(
                scale=6, title=_("QR code to check in"), dark="#000", light="#fff"
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        present = {
            int(pk) for pk in request.POST.getlist("aanwezig") if pk.isascii() and pk.isdecimal()
        }
        count = attendance_record(
            session=self.session, present_user_ids=present, by=request.user, now=timezone.now()
        )
        messages.success(request, _("Attendance saved: %(count)s present.") % {"count": count})
        return HttpResponseRedirect(reverse("awareness_attendance", args=[self.session.pk]))
