"""What the aggregates that leave the organisation showed, person by person, so that no two of
them side by side give a few people's figure back.

The evidence pack's completions (:mod:`modules.reporting.evidence`) and the council's overview
"Weerbaarheid in cijfers" (:mod:`modules.reporting.yearly`, on screen and as PDF) both
publish counts of the same people: per mandatory task who it applies to and how many
completed it, and the overview also the staff who attended a session and the knowledge per
theme. Two of them made a day apart ("20 people, 15 completed", then "21, 16") would say that
the newcomer completed, whichever of the two they are. So each is worked out with the rules
of the indicators' figures (:func:`modules.goals.indicators.figures_of`) against every earlier
one, and what it showed is kept (:class:`modules.reporting.models.PublishedCompletion`, the
people of each shown figure as user ids, never shown) for the next.

:func:`publish` does both under one lock, so two made at the same moment are compared with
each other too; a publication that shows exactly what an earlier one showed is not kept again
(viewing the overview twice adds nothing a reader can work out).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime

from django.db import connection, transaction

from modules.goals.indicators import Figure, Group, Published, Tallies, figures_of
from modules.reporting.models import PublishedCompletion

#: The part of the yearly session (attended a bewustwordingssessie in the last 12 months):
#: the evidence pack's session task and the overview's attendance count the same thing, so
#: they are compared with each other (found in review: two parts never met).
SESSION_PART = "session"

# Any fixed number: the PostgreSQL advisory lock every publication takes (one at a time).
_LOCK_KEY = 190_019


@contextmanager
def _one_at_a_time() -> Iterator[None]:
    """A transaction in which no other publication is worked out: PostgreSQL's advisory lock
    until the commit; SQLite allows one writer, and its transaction starts with the first
    write, so the read and the write there are taken together by the test's single process
    only (the tests and the demo run on SQLite; production on PostgreSQL)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
        yield


def earlier_publications() -> list[Published]:
    """What every earlier pack and overview showed, person by person (one query)."""
    return Published.from_rows(
        (when, (is_org, department_id, task), suppressed, members, None, met)
        for when, is_org, department_id, task, suppressed, members, met in (
            PublishedCompletion.objects.values_list(
                "exported_at",
                "is_organisation",
                "department_id",
                "task",
                "suppressed",
                "members",
                "met",
            )
        )
    )


def _group(figure: Figure) -> Group:
    return (figure.is_organisation, figure.department_id, figure.breakdown)


def _same_as(figures: list[Figure], met: dict[Group, int], earlier: Published) -> bool:
    """``earlier`` showed these groups exactly (the same people with the same counts, the
    same ones hidden)."""
    shown = {_group(f): f.members for f in figures if not f.suppressed}
    hidden = {_group(f) for f in figures if f.suppressed}
    groups = set(shown) | hidden
    return (
        {group: people for group, people in earlier.people.items() if group in groups} == shown
        and {group: count for group, count in earlier.met.items() if group in groups} == met
        and set(earlier.people) | set(earlier.hidden) >= groups
        and {group for group in earlier.hidden if group in groups} == hidden
    )


def publish(
    tallies: Tallies,
    *,
    departments: dict[int | None, str],
    parts: Iterable[str],
    now: datetime,
    scored_parts: Iterable[str] = (),
    applies: Callable[[Figure], bool] | None = None,
) -> list[Figure]:
    """The figures of ``tallies`` (the organisation per part, and each of ``departments``
    that ``applies``) with every rule of the indicators' figures and compared with every
    earlier publication; kept for the next one unless an earlier one showed the same.
    ``parts`` count people (who completed, who attended), ``scored_parts`` points (answers'
    scores, :func:`modules.goals.indicators.figures_of`). One query and at most one write,
    under the lock."""
    people_parts = list(parts)
    with _one_at_a_time():
        earlier = earlier_publications()
        figures = [
            *figures_of(tallies, departments=departments, parts=people_parts, published=earlier),
            *figures_of(
                tallies,
                departments=departments,
                parts=list(scored_parts),
                published=earlier,
                counts_people=False,
            ),
        ]
        if applies is not None:
            figures = [figure for figure in figures if applies(figure)]
        # Who met it, per shown figure of people (points are no count of people).
        met = {
            _group(figure): int(figure.numerator)
            for figure in figures
            if not figure.suppressed and figure.breakdown in people_parts
        }
        if not any(_same_as(figures, met, publication) for publication in earlier):
            PublishedCompletion.objects.bulk_create(
                PublishedCompletion(
                    exported_at=now,
                    task=figure.breakdown,
                    is_organisation=figure.is_organisation,
                    department_id=figure.department_id,
                    members=[] if figure.suppressed else sorted(figure.members),
                    met=met.get(_group(figure)),
                    suppressed=figure.suppressed,
                )
                for figure in figures
            )
    return figures
