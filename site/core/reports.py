"""Shared plumbing for our admin reports: Wagtail's ``ReportView`` over computed rows.

Our reports aggregate in Python over rows loaded in bulk (see ``modules.reporting.reports`` and
``quizzes.analysis``), so their rows are lists, not querysets. :class:`RowsReportView` feeds
such a list to ``ReportView`` (table, pagination, CSV/XLSX export) and checks one permission;
:class:`ReportViewSet` (a Wagtail ``ViewSet``) mounts one under ``/admin/rapportages/`` with its
Reports menu item, and :func:`register_reports` registers a list of them.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.views.reports import ReportView

from core.viewsets import PermissionViewSet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class RowsReportView(ReportView):
    """A report whose rows come from :meth:`get_rows`; needs ``permission`` ("app.codename")."""

    permission = ""
    filename_prefix = "rapport"
    paginate_by = 100
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
