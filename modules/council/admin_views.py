"""The griffie's participation report (Reports menu): aggregates of the whole council only.

No row names a council member, and a count of one to four people shows as "fewer than 5"
(:mod:`modules.council.selectors`). Access needs ``council.view_council_participation``, which
only the griffie has (and, like the whole admin, MFA).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, NumberColumn

from core.reports import RowsReportView
from modules.council.selectors import council_participation

PARTICIPATION_PERMISSION = "council.view_council_participation"
NOT_APPLICABLE = "\u2013"  # an en dash: this figure does not apply to the row


def _count(value: int | None) -> str:
    return _("fewer than 5") if value is None else str(value)


@dataclass(frozen=True)
class ParticipationRow:
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
    # With five members or more there is always a row (the reflection), so no rows means:
    no_results_message = gettext_lazy(
        "The council has fewer than five members with an account. To protect their privacy, "
        "no figures are shown."
    )
    columns = [
        Column("subject", label=gettext_lazy("Module")),
        Column("recommended", label=gettext_lazy("Recommended")),
        NumberColumn("members", label=gettext_lazy("Council members")),
        Column("started", label=gettext_lazy("Started")),
        Column("completed", label=gettext_lazy("Completed")),
        Column("percent_completed", label=gettext_lazy("Percentage completed")),
    ]

    def get_rows(self) -> list[ParticipationRow]:
        figures = council_participation()
        if not figures.shown:
            return []
        rows = [
            ParticipationRow(
                subject=module.module,
                recommended=_("yes") if module.recommended else _("no"),
                members=module.members,
                started=_count(module.started),
                completed=_count(module.completed),
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
                subject=_("Self-reflection 'Hoe weerbaar ben ik?' (filled in)"),
                recommended=NOT_APPLICABLE,
                members=figures.members,
                started=_count(figures.reflected),
                completed=NOT_APPLICABLE,
                percent_completed=NOT_APPLICABLE,
            )
        )
        return rows
