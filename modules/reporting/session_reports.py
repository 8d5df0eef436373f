"""Session reports in the Wagtail admin (Reports menu): per year, per session, per department.

The rows come from :mod:`modules.reporting.attendance`; exporting is Wagtail's ``ReportView``.
Raadsleden are counted in columns of their own, "minder dan 5" under five, never by name. A
session with one to four raadsleden shows "—" for its places and waitlist, and a year's council
figure is hidden when it would give back hidden session figures
(:mod:`modules.reporting.attendance`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, NumberColumn

from accounts.selectors import report_scope
from core.reports import RowsReportView
from core.tables import CalendarDateColumn
from modules.reporting.admin_views import REPORT_PERMISSION
from modules.reporting.attendance import department_attendance, session_rows, year_rows


class OrganisationWideReport(RowsReportView):
    """Session figures for the whole organisation: not for leidinggevenden, whose reports are
    limited to their own departments."""

    permission = REPORT_PERMISSION

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not report_scope(user=request.user).everybody:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SessionsPerYearReport(OrganisationWideReport):
    page_title = gettext_lazy("Sessions per year")
    header_icon = "date"
    filename_prefix = "sessies-per-jaar"
    index_url_name = "sessions_report_years"
    index_results_url_name = "sessions_report_years_results"
    columns = [
        Column("year", label=gettext_lazy("Year")),
        NumberColumn("sessions_held", label=gettext_lazy("Sessions held")),
        NumberColumn("registered", label=gettext_lazy("Places taken")),
        NumberColumn("attended", label=gettext_lazy("Attended")),
        NumberColumn("attendance_percent", label=gettext_lazy("Percentage attended")),
        Column("council_registered", label=gettext_lazy("Council members: places taken")),
        Column("council_attended", label=gettext_lazy("Council members: attended")),
    ]

    def get_rows(self):
        return year_rows(now=timezone.now())


class SessionsReport(OrganisationWideReport):
    page_title = gettext_lazy("Registrations and attendance per session")
    header_icon = "list-ul"
    filename_prefix = "sessies"
    index_url_name = "sessions_report_sessions"
    index_results_url_name = "sessions_report_sessions_results"
    columns = [
        CalendarDateColumn("date", label=gettext_lazy("Date")),
        Column("title", label=gettext_lazy("Session")),
        Column("kind", label=gettext_lazy("Kind of session")),
        Column("theme", label=gettext_lazy("Theme")),
        # "—" when raadsleden hold one to four places: places minus the staff's places would
        # give their number once a waitlist says the session is full.
        Column("places_label", label=gettext_lazy("Places")),
        NumberColumn("registered", label=gettext_lazy("Places taken")),
        Column("waitlisted_label", label=gettext_lazy("Waitlist")),
        NumberColumn("attended", label=gettext_lazy("Attended")),
        NumberColumn("attendance_percent", label=gettext_lazy("Percentage attended")),
        Column("council_registered", label=gettext_lazy("Council members: places taken")),
        Column("council_attended", label=gettext_lazy("Council members: attended")),
    ]

    def get_rows(self):
        return session_rows()


class DepartmentAttendanceReport(RowsReportView):
    permission = REPORT_PERMISSION
    page_title = gettext_lazy("Session attendance per department (last 12 months)")
    header_icon = "group"
    filename_prefix = "sessies-per-afdeling"
    index_url_name = "sessions_report_departments"
    index_results_url_name = "sessions_report_departments_results"
    columns = [
        Column("department", label=gettext_lazy("Department")),
        NumberColumn("staff", label=gettext_lazy("Staff")),
        NumberColumn("attended", label=gettext_lazy("Attended")),
        NumberColumn("percent", label=gettext_lazy("Percentage attended")),
    ]

    def get_rows(self):
        return department_attendance(scope=report_scope(user=self.request.user), now=timezone.now())
