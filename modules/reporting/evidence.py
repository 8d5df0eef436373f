"""Reporting's part of the goals' evidence pack (:mod:`modules.goals.evidence`): completion per
mandatory task and department, from the completion reports' own summary (the task-status
rows and their status of the day, :func:`modules.reporting.summary.status_expression`), so
the pack and the reports cannot disagree.

Unlike the department report itself (whose readers may also read the per-person report of
the same people), the pack leaves the organisation, so its counts pass every rule of the
indicators' published figures (:func:`modules.goals.indicators.figures_of`): groups of one
to four hidden, and one to four who completed or did not, the complements that would give
them back, and every earlier pack and council overview side by side: a group whose people
differ by one to four from one in which it was shown is hidden (two packs made a day apart
would otherwise say that the newcomer completed), :mod:`modules.reporting.published`.
Registered on the :data:`~modules.goals.evidence.EVIDENCE_FILES` hook (imported by this app's
``wagtail_hooks``); goals sits below reporting and cannot call it directly.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from django.template.loader import render_to_string
from wagtail import hooks

from modules.goals.evidence import DEPARTMENT, EVIDENCE_FILES, ORGANISATION, EvidenceTable, number
from modules.goals.indicators import Figure, Tallies, Tally
from modules.learning.rules import TaskStatus
from modules.reporting.published import SESSION_PART, publish
from modules.reporting.reports import department_names, titles_of
from modules.reporting.summary import EVERYBODY, rows_in_scope, status_expression

COMPLETIONS = "afronding_per_module_en_afdeling.csv"
SESSION = SESSION_PART


def _part(module_id: int | None) -> str:
    return SESSION if module_id is None else str(module_id)


def _module_id(part: str) -> int | None:
    return None if part == SESSION else int(part)


def _percent(figure: Figure) -> str:
    if figure.suppressed or not figure.denominator:
        return ""
    return str(round(100 * figure.numerator / figure.denominator))


@hooks.register(EVIDENCE_FILES)
def completion_tables(*, today: date, now: datetime) -> list[EvidenceTable]:
    """Per mandatory task (module or the yearly session) the people it applies to and how many
    completed it, for the organisation and each department, as of ``now``; what it shows is
    kept for the next pack and overview. Five queries, the lock and at most one write."""
    tallies: Tallies = defaultdict(Tally)
    for module_id, department_id, user_id, status in (
        rows_in_scope(scope=EVERYBODY)
        .annotate(status=status_expression(today=today, now=now))
        .values_list("module_id", "department_id", "user_id", "status")
    ):
        tally = tallies[(department_id, _part(module_id))]
        tally.people.add(user_id)
        tally.denominator += 1
        if status == TaskStatus.COMPLETED:
            tally.numerator += 1
    parts = sorted({part for _department, part in tallies})
    titles = titles_of(module_ids={_module_id(part) for part in parts})
    names = department_names(department_ids={department for department, _part in tallies})
    figures = publish(
        dict(tallies),
        departments=names,
        parts=parts,
        now=now,
        # Only the departments the task applies to (the organisation always).
        applies=lambda figure: (
            figure.is_organisation or (figure.department_id, figure.breakdown) in tallies
        ),
    )
    rows = [
        [
            titles[_module_id(figure.breakdown)],
            ORGANISATION if figure.is_organisation else DEPARTMENT,
            "" if figure.is_organisation else figure.department_name,
            "ja" if figure.suppressed else "nee",
            number(figure.group_size),
            number(None if figure.numerator is None else int(figure.numerator)),
            _percent(figure),
        ]
        for figure in figures
    ]
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
