""" "Keuzes in dilemma's": the item analysis of the dilemmas in lessons and trends.

Aggregates only, from :func:`modules.learning.dilemmas.dilemma_spread`: per dilemma and choice,
how many people chose it and their share, for staff and for the raadsleden as one group; a
group under the minimum is left out and hidden counts read "minder dan 5", in the table and in
the CSV/XLSX export alike. For the kernteam, like the quiz item analysis (permission
``quizzes.view_item_analysis``); registered in :mod:`modules.reporting.wagtail_hooks`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn

from core.privacy import count_label
from core.reports import RowsReportView
from modules.learning.dilemmas import dilemma_spread

ANALYSIS_PERMISSION = "quizzes.view_item_analysis"


@dataclass(frozen=True)
class DilemmaReportRow:
    page: str
    dilemma: str
    group: str
    group_total: int
    choice: str
    people: str  # a count, or "minder dan 5"
    percent: str  # "40%", or empty when the count is hidden


class DilemmaChoicesReport(RowsReportView):
    permission = ANALYSIS_PERMISSION
    page_title = _("Choices in dilemmas")
    header_icon = "help"
    filename_prefix = "keuzes-in-dilemmas"
    index_url_name = "dilemma_choices_report"
    index_results_url_name = "dilemma_choices_report_results"
    columns = [
        Column("page", label=_("Page")),
        Column("dilemma", label=_("Dilemma")),
        Column("group", label=_("Group")),
        NumberColumn("group_total", label=_("People who chose")),
        Column("choice", label=_("Choice")),
        Column("people", label=_("People")),
        Column("percent", label=_("Share")),
    ]

    def get_rows(self) -> list[DilemmaReportRow]:
        return [
            DilemmaReportRow(
                page=row.page,
                dilemma=row.dilemma,
                group=row.group,
                group_total=row.group_total,
                choice=row.choice,
                people=count_label(row.people),
                percent="" if row.percent is None else f"{row.percent}%",
            )
            for row in dilemma_spread()
        ]
