"""Shared plumbing for our admin reports: Wagtail's ``ReportView`` over computed rows.

Our reports aggregate in Python over rows loaded in bulk (see ``modules.reporting.reports`` and
``quizzes.analysis``), so their rows are lists, not querysets. :class:`RowsReportView` feeds
such a list to ``ReportView`` (table, pagination, CSV/XLSX export) and checks one permission;
:func:`register_reports` adds the URLs and the Reports menu items.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView

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


class _ReportMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def register_reports(reports: list[tuple[str, type[RowsReportView]]], *, menu_order: int) -> None:
    """Register each ``(url slug, view)`` under ``/admin/rapportages/<slug>/`` with a menu item
    in Reports, shown only to users with the view's permission."""

    @hooks.register("register_admin_urls")
    def urls():
        patterns = []
        for slug, view_class in reports:
            patterns += [
                path(f"rapportages/{slug}/", view_class.as_view(), name=view_class.index_url_name),
                path(
                    f"rapportages/{slug}/resultaten/",
                    view_class.as_view(results_only=True),
                    name=view_class.index_results_url_name,
                ),
            ]
        return patterns

    for offset, (_slug, view_class) in enumerate(reports):

        def menu_item(view_class=view_class, order=menu_order + offset):
            return _ReportMenuItem(
                view_class.page_title,
                reverse(view_class.index_url_name),
                icon_name=view_class.header_icon,
                order=order,
                permission=view_class.permission,
            )

        hooks.register("register_reports_menu_item", menu_item)
