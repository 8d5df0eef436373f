"""Reporting's part of the goals' evidence pack (:mod:`modules.goals.evidence`): completion per
mandatory task and department, counted by the completion reports' own selectors (the
task-status summary, :func:`modules.reporting.reports.status_counts`), so the pack and the
reports cannot disagree.

Unlike the department report itself (whose readers may also read the per-person report of
the same people), the pack leaves the organisation, so its counts pass the small-number
rules of the published aggregates (:func:`modules.goals.evidence.suppress_groups`): groups of
one to four hidden, and the complements that would give them back. Registered on the
:data:`~modules.goals.evidence.EVIDENCE_FILES` hook (imported by this app's
``wagtail_hooks``); goals sits below reporting and cannot call it directly.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from django.template.loader import render_to_string
from wagtail import hooks

from modules.goals.evidence import (
    DEPARTMENT,
    EVIDENCE_FILES,
    ORGANISATION,
    EvidenceTable,
    GroupCount,
    ShownCount,
    number,
    suppress_groups,
)
from modules.learning.rules import TaskStatus
from modules.reporting.reports import department_names, status_counts, titles_of
from modules.reporting.summary import EVERYBODY, rows_in_scope

COMPLETIONS = "afronding_per_module_en_afdeling.csv"


def _percent(shown: ShownCount) -> str:
    if shown.people is None or shown.done is None or not shown.people:
        return ""
    return str(round(100 * shown.done / shown.people))


def _hidden_label(shown: ShownCount) -> str:
    if shown.people is None:
        return "ja"
    if shown.done is None:
        return "alleen afgerond"
    return "nee"


@hooks.register(EVIDENCE_FILES)
def completion_tables(*, today: date, now: datetime) -> list[EvidenceTable]:
    """Per mandatory task (module or the yearly session) the people it applies to and how many
    completed it, for the organisation and each department. Three queries."""
    grouped = list(
        status_counts(
            rows_in_scope(scope=EVERYBODY), today=today, now=now, by=["module_id", "department_id"]
        )
    )
    titles = titles_of(module_ids={row["module_id"] for row in grouped})
    names = department_names(department_ids={row["department_id"] for row in grouped})
    counts: dict[int | None, dict[int | None, GroupCount]] = defaultdict(dict)
    for row in grouped:
        counts[row["module_id"]][row["department_id"]] = GroupCount(
            row["people"], row[TaskStatus.COMPLETED]
        )
    rows = []
    for module_id, groups in counts.items():
        title = titles[module_id]
        whole = GroupCount(
            sum(g.people for g in groups.values()), sum(g.done for g in groups.values())
        )
        shown_whole, shown = suppress_groups(whole=whole, groups=groups)
        for level, department, figure in [
            (ORGANISATION, "", shown_whole),
            *((DEPARTMENT, names[pk], figure) for pk, figure in shown.items()),
        ]:
            rows.append(
                [
                    title,
                    level,
                    department,
                    _hidden_label(figure),
                    number(figure.people),
                    number(figure.done),
                    _percent(figure),
                ]
            )
    rows.sort(key=lambda row: (row[0], row[1] != ORGANISATION, row[2]))
    return [
        EvidenceTable(
            name=COMPLETIONS,
            description=(
                render_to_string("reporting/evidence/afronding_per_module_en_afdeling.txt").strip()
            ),
            header=[
                "module",
                "niveau",
                "afdeling",
                "verborgen",
                "toegewezen",
                "afgerond",
                "percentage_afgerond",
            ],
            rows=rows,
        )
    ]
