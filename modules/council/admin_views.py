"""The griffie's participation report (Reports menu): aggregates of the whole council only.

The figures are published per closed calendar quarter and frozen once taken
(:class:`~modules.council.models.CouncilParticipationSnapshot`); the running quarter is not
shown, so two reports (or exports) read on different days hold the same figures and cannot be
compared to follow one member. No row names a council member, and a count of one to four
people shows as "fewer than 5" (:mod:`core.privacy`). Access needs
``council.view_council_participation``, which only the griffie has (and, like the whole
admin, MFA).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, NumberColumn

from core.privacy import count_label
from core.reports import RowsReportView
from modules.council.selectors import Quarter, published_council_participation
from modules.council.services import council_participation_snapshots_take

PARTICIPATION_PERMISSION = "council.view_council_participation"
NOT_APPLICABLE = "\u2013"  # an en dash: this figure does not apply to the row


def quarter_label(quarter: Quarter) -> str:
    return _("Quarter %(number)d of %(year)d") % {
        "number": quarter.number,
        "year": quarter.start.year,
    }


@dataclass(frozen=True)
class ParticipationRow:
    quarter: str
    subject: str
    recommended: str
    members: int
    started: str
    completed: str
    percent_completed: str


class CouncilParticipationReport(RowsReportView):
    permission = PARTICIPATION_PERMISSION
    page_title = gettext_lazy("Council participation")
    header_icon = "group"
    filename_prefix = "deelname-raad"
    index_url_name = "council_participation_report"
    index_results_url_name = "council_participation_report_results"
    results_template_name = "council/admin/participation_results.html"
    # With five members or more a quarter always has a row (the reflection), so no rows means:
    no_results_message = gettext_lazy(
        "In the closed quarters the council had fewer than five members with an account. To "
        "protect their privacy, no figures are shown."
    )
    columns = [
        Column("quarter", label=gettext_lazy("Quarter")),
        Column("subject", label=gettext_lazy("Module")),
        Column("recommended", label=gettext_lazy("Recommended")),
        NumberColumn("members", label=gettext_lazy("Council members")),
        Column("started", label=gettext_lazy("Started")),
        Column("completed", label=gettext_lazy("Completed")),
        Column("percent_completed", label=gettext_lazy("Percentage completed")),
    ]

    def get_rows(self) -> list[ParticipationRow]:
        today = timezone.localdate()
        council_participation_snapshots_take(today=today)
        rows = []
        for published in published_council_participation(today=today):
            if published.figures.shown:
                rows += self.quarter_rows(published.quarter, published.figures)
        return rows

    @staticmethod
    def quarter_rows(quarter: Quarter, figures) -> list[ParticipationRow]:
        label = quarter_label(quarter)
        rows = [
            ParticipationRow(
                quarter=label,
                subject=module.module,
                recommended=_("yes") if module.recommended else _("no"),
                members=module.members,
                started=count_label(module.started),
                completed=count_label(module.completed),
                percent_completed=(
                    NOT_APPLICABLE
                    if module.percent_completed is None
                    else f"{module.percent_completed}%"
                ),
            )
            for module in figures.modules
        ]
        rows.append(
            ParticipationRow(
                quarter=label,
                subject=_("Self-reflection 'Hoe weerbaar ben ik?' (filled in)"),
                recommended=NOT_APPLICABLE,
                members=figures.members,
                started=count_label(figures.reflected),
                completed=NOT_APPLICABLE,
                percent_completed=NOT_APPLICABLE,
            )
        )
        return rows
