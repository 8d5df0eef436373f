"""The filters of the completion reports: department, module, status and due date.

A Wagtail ``WagtailFilterSet`` (django-filter), as ``ReportView`` expects: Wagtail renders it,
shows the active filters and keeps them in the download links. It narrows the summary rows of
:func:`modules.reporting.reports.task_rows` in SQL, before they are grouped or paged, so the
screen and its XLSX/CSV hold exactly the filtered rows and the page still runs the same
queries.

The department choices are the viewer's scope and nothing else: a manager who types another
department's id into the address gets a form error and no rows (the view shows nothing for
invalid filters), never that department's people.
"""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from accounts.models import Department
from accounts.selectors import ReportScope
from modules.learning.rules import TaskStatus
from modules.reporting.models import PersonTask
from modules.reporting.reports import module_choices


class TaskFilterSet(WagtailFilterSet):
    """Filters over :func:`~modules.reporting.reports.task_rows` (rows with ``status`` and
    ``shown_due``). ``scope`` limits the department choices; ``statuses`` the status choices
    (the overdue report only knows late and expired)."""

    department = django_filters.ModelChoiceFilter(
        label=_("Department"),
        field_name="department",
        queryset=Department.objects.none(),
        empty_label=_("All departments"),
    )
    module = django_filters.ChoiceFilter(
        label=_("Module"), field_name="key", empty_label=_("All modules")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), field_name="status", empty_label=_("All statuses")
    )
    due = django_filters.DateFromToRangeFilter(
        label=_("Due date"), field_name="shown_due", widget=DateRangePickerWidget
    )

    class Meta:
        model = PersonTask
        fields: list[str] = []

    def __init__(
        self,
        *args,
        scope: ReportScope,
        statuses: tuple[TaskStatus, ...] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        departments = Department.objects.filter(is_active=True).order_by("name")
        if not scope.everybody:
            departments = departments.filter(pk__in=scope.department_ids)
        self.filters["department"].queryset = departments
        self.filters["module"].extra["choices"] = module_choices(scope=scope)
        self.filters["status"].extra["choices"] = [
            (status.value, status.label)
            for status in (statuses if statuses is not None else _STATUS_ORDER)
        ]


# In the order a task goes through them.
_STATUS_ORDER = (
    TaskStatus.NOT_STARTED,
    TaskStatus.IN_PROGRESS,
    TaskStatus.OVERDUE,
    TaskStatus.COMPLETED,
    TaskStatus.EXPIRED,
)
