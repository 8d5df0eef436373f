"""The yearly overview PDF's result page and download (see :mod:`modules.reporting.yearly_job`).

Both need the permission of the overview itself (``modules.export_yearly_overview``, the
kernteam, the griffie and superusers) at every visit, so somebody whose role was taken away
can no longer fetch a PDF made before; and both show only the viewer's own jobs (another
person's job id, a colleague's included, is a 404). The PDF is read from the private storage
and streamed here, never through a public or signed storage URL.
"""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _
from django.views import View

from accounts.admin_views import AdminJobView, forbidden
from accounts.models import AdminJobKind
from modules.reporting.yearly_job import finished_pdf_job, pdf_filename

YEARLY_PERMISSION = "modules.export_yearly_overview"


class YearlyOverviewJobView(AdminJobView):
    """The progress of one PDF, then its download link (or why it failed)."""

    template_name = "reporting/admin/yearly_overview_job.html"
    kind = AdminJobKind.YEARLY_OVERVIEW
    permission = YEARLY_PERMISSION
    page_title = _("Resilience in figures: making the PDF")
    parent_url_name = "yearly_overview"
    parent_label = _("Resilience in figures")
    summary_template = "reporting/admin/yearly_overview_job_summary.html"
    header_icon = "doc-full"


class YearlyOverviewPdfView(View):
    """The finished PDF of the viewer's own job, as a download."""

    def get(self, request, job_id: int):
        if not request.user.has_perm(YEARLY_PERMISSION):
            return forbidden(request)
        job = finished_pdf_job(user=request.user, job_id=job_id)
        if job is None:
            raise Http404
        name = job.summary["file"]
        if not default_storage.exists(name):  # removed by hand or lost with the storage
            raise Http404
        response = FileResponse(
            default_storage.open(name, "rb"),
            as_attachment=True,
            filename=pdf_filename(job),
            content_type="application/pdf",
        )
        response["Cache-Control"] = "private, no-store"
        return response
