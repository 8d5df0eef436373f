"""Shared plumbing for our admin reports: Wagtail's ``ReportView`` over computed rows.

Our reports aggregate in Python over rows loaded in bulk (see ``modules.reporting.reports`` and
``quizzes.analysis``), so their rows are lists, not querysets. :class:`RowsReportView` feeds
such a list to ``ReportView`` (table, pagination, CSV/XLSX export) and checks one permission;
:class:`ReportViewSet` (a Wagtail ``ViewSet``) mounts one under ``/admin/rapportages/`` with its
Reports menu item, and :func:`register_reports` registers a list of them.

Exports are what managers and HR use most, so they are not left behind Wagtail's "⋯" menu: a
visible "Download" group (XLSX first, the format Excel opens as it is; then CSV) sits in the
header, and Wagtail re-renders it with every filter change, so a download carries the filters.
The CSV is written for Dutch Excel: ``;`` between fields (Excel in a Dutch locale uses the comma
as decimal sign and expects semicolons) and a UTF-8 byte order mark (without it Excel reads the
file as Windows-1252 and breaks "é").
"""

from __future__ import annotations

import codecs
import csv

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.mixins import Echo
from wagtail.admin.views.reports import ReportView

from core.tables import ScrollingTable
from core.viewsets import PermissionViewSet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
# Query parameters of the listing itself, never part of a download link.
_NOT_EXPORTED = ("p", "export", "_w_filter_fragment")


class DownloadButtons(Component):
    """The report's downloads as one labelled group of links in the header: XLSX, then CSV.

    Plain links (no script needed), each saying its format in words; the group is named
    "Download" for screen readers. Rendered in the slot of Wagtail's header buttons, which
    the filters' results fragment refreshes, so the links follow the filters."""

    def __init__(self, *, links: list[tuple[str, str]]):
        self.links = links

    def render_html(self, parent_context=None):
        icon = (
            '<svg class="icon icon-download icon" aria-hidden="true">'
            '<use href="#icon-download"></use></svg>'
        )
        return format_html(
            '<div class="w-flex w-flex-wrap w-gap-2" role="group" aria-label="{}">{}</div>',
            _("Download"),
            format_html_join(
                "",
                '<a href="{}" class="button button-small button-secondary button--icon"'
                " download>" + icon + "{}</a>",
                self.links,
            ),
        )


class RowsReportView(ReportView):
    """A report whose rows come from :meth:`get_rows`; needs ``permission`` ("app.codename")."""

    permission = ""
    filename_prefix = "rapport"
    paginate_by = 100
    table_class = ScrollingTable
    # Exported next to the table's columns: (attribute, heading) pairs.
    extra_export: tuple[tuple[str, str], ...] = ()

    def __init_subclass__(cls, **kwargs):
        """Exports take the table's columns, with the same Dutch headings, plus
        ``extra_export``: a report declares its columns once."""
        super().__init_subclass__(**kwargs)
        if "columns" in cls.__dict__ or "extra_export" in cls.__dict__:
            cls.list_export = [column.name for column in cls.columns] + [
                name for name, _ in cls.extra_export
            ]
            cls.export_headings = {
                **{column.name: column.label for column in cls.columns},
                **dict(cls.extra_export),
            }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_rows(self) -> list:
        raise NotImplementedError

    def get_base_queryset(self):
        return self.get_rows()

    def get_filename(self):
        return f"{self.filename_prefix}-{timezone.localdate():%Y-%m-%d}"

    def get_table_kwargs(self):
        """The table's region is named after the report (see :class:`ScrollingTable`)."""
        return {**super().get_table_kwargs(), "caption": self.get_page_title()}

    # Downloads ------------------------------------------------------------------------------

    def get_export_url(self, format):
        """The report's own address with its filters (also from the results fragment, whose
        address is another), without the page number: a download holds every filtered row."""
        params = self.request.GET.copy()
        for name in _NOT_EXPORTED:
            params.pop(name, None)
        params["export"] = format
        return f"{self.index_url or self.request.path}?{params.urlencode()}"

    @cached_property
    def header_more_buttons(self):
        """Wagtail's own export items are left out of the "⋯" menu: the downloads are the
        visible group of :meth:`get_header_buttons`."""
        exports = {self.xlsx_export_url, self.csv_export_url}
        return [button for button in super().header_more_buttons if button.url not in exports]

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        if not self.show_export_buttons:
            return buttons
        downloads = DownloadButtons(
            links=[
                (self.xlsx_export_url, _("Download Excel (XLSX)")),
                (self.csv_export_url, _("Download CSV")),
            ]
        )
        return [downloads, *buttons]

    def stream_csv(self, queryset):
        """Wagtail's CSV, with a byte order mark first and ``;`` between fields (see the
        module docstring)."""
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=CSV_DELIMITER)
        yield codecs.BOM_UTF8
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(
            self.stream_csv(queryset), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def get_preprocess_function(self, field, value, export_format):
        """CSV cells that start like a formula are quoted, so a spreadsheet shows them as text
        (Wagtail already does this for XLSX)."""
        preprocess = super().get_preprocess_function(field, value, export_format)
        if export_format != "csv":
            return preprocess

        def defused(cell):
            cell = preprocess(cell)
            if isinstance(cell, str) and cell[:1] in FORMULA_STARTS:
                return "'" + cell
            return cell

        return defused


class ReportViewSet(PermissionViewSet):
    """One :class:`RowsReportView` under ``/admin/rapportages/<name>/`` (its filters reload
    ``resultaten/``), with an item in Wagtail's Reports menu for users with the report's
    permission. Label, icon and permission come from the view."""

    menu_hook = "register_reports_menu_item"
    view_class: type[RowsReportView]

    @cached_property
    def url_prefix(self):
        return f"rapportages/{self.name}"

    @cached_property
    def permission(self):
        return self.view_class.permission

    @cached_property
    def menu_label(self):
        return self.view_class.page_title

    @cached_property
    def menu_icon(self):
        return self.view_class.header_icon

    def get_urlpatterns(self):
        view_class = self.view_class
        return [
            path("", view_class.as_view(), name=view_class.index_url_name),
            path(
                "resultaten/",
                view_class.as_view(results_only=True),
                name=view_class.index_results_url_name,
            ),
        ]


def register_reports(reports: list[tuple[str, type[RowsReportView]]], *, menu_order: int) -> None:
    """Register a :class:`ReportViewSet` for each ``(url slug, view)``, in this order in the
    Reports menu from ``menu_order`` on."""
    viewsets = [
        ReportViewSet(slug, view_class=view_class, menu_order=menu_order + offset)
        for offset, (slug, view_class) in enumerate(reports)
    ]
    hooks.register("register_admin_viewset", lambda: viewsets)
