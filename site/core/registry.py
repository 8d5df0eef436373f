"""The names and shapes of the hooks through which apps contribute to the learner's own pages.

The pages themselves ("Mijn leeromgeving", search, "Mijn gegevens", the header links) are built
by :mod:`portal`, which imports no feature app: each app registers its part with Wagtail's
``hooks.register(NAME, fn, order=...)`` in its own ``wagtail_hooks.py`` (or a module that it
imports), and portal calls ``hooks.get_hooks(NAME)`` in ``order``. This module is the contract
between them. It lives in core, the bottom layer, so every app may import it; it knows no domain
(the types hold plain values and the apps' own objects).

Hooks (``fn`` signatures; all keyword arguments):

``MY_DATA_SECTIONS``: ``fn(*, user) -> list[DataSection]``
    The app's part of the "Mijn gegevens" export, in a fixed number of queries. The file lists
    the sections in hook order, so ``order`` fixes where the app's keys appear.
``SELF_STUDY_DELETE``: ``fn(*, user) -> dict[str, int]``
    Deletes the person's self-study rows of the app (only theirs; portal decides who may) and
    says how many, by kind. Runs inside one transaction with every other app's part.
``SEARCHABLE_PAGES``: ``fn(*, user) -> Searchable``
    The ids of the app's live pages the user may open, and how a result of each page type is
    labelled.
``DASHBOARD``: ``fn(dashboard: Dashboard, *, user, today, now) -> None``
    Adds the app's part to "Mijn leeromgeving": tasks to the shared task lists and/or
    :class:`DashboardSection` s that the app renders with its own template. It may also adjust
    what an earlier hook added (a later app may reorder or mark the optional tasks). A fixed
    number of queries. Like Wagtail's ``construct_*`` hooks it changes the dashboard it is given.
``HEADER_LINKS``: ``fn() -> list[IndexLink]``
    The app's index pages linked from the header. Portal reads all of them in one query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

MY_DATA_SECTIONS = "weerbaar_my_data_sections"
SELF_STUDY_DELETE = "weerbaar_self_study_delete"
SEARCHABLE_PAGES = "weerbaar_searchable_pages"
DASHBOARD = "weerbaar_dashboard"
HEADER_LINKS = "weerbaar_header_links"


def when(value) -> str | None:
    """A date or moment as the export writes it (ISO 8601), or None."""
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class DataSection:
    """One key of the "Mijn gegevens" file.

    ``rows`` are plain JSON values (Dutch keys: the file is for the person). ``label``, when set,
    lists the section's size under "What we keep"; ``template`` renders a part of the page from
    ``objects`` (the rows' own objects, so the page can format them).
    """

    key: str
    rows: list[Any]
    label: str = ""
    template: str = ""
    objects: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class Searchable:
    """Pages of one app that the search may return to the user."""

    page_ids: list[int]
    kinds: dict[type, str]  # page model -> what a result of that type is called


class Task(Protocol):
    """A row of the shared task lists of "Mijn leeromgeving"; each app brings its own type."""

    @property
    def title(self) -> str: ...

    @property
    def url(self) -> str: ...

    @property
    def due(self) -> date | None: ...

    @property
    def mandatory(self) -> bool: ...


TASKS_ORDER = 100
"""Where the task lists stand among the dashboard sections: a section with a smaller ``order``
is shown above them, one with a larger (or equal) ``order`` below."""


@dataclass(frozen=True)
class DashboardSection:
    """A part of "Mijn leeromgeving" that one app renders.

    Portal includes ``template`` (a template of the app itself) with ``section`` set to this
    object, so the template reads ``section.objects`` (the app's own objects) and
    ``section.context`` (any other values it needs); the page's own context (``user``,
    ``request``, the header links) stays available. Sections are shown by ``order``, smallest
    first, around the task lists at :data:`TASKS_ORDER`. The template holds the whole part, its
    heading and empty state included; an app leaves a section out when it has nothing to show.
    """

    template: str
    order: int
    objects: list[Any] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)


@dataclass
class Dashboard:
    """Everything "Mijn leeromgeving" lists for one person; the apps fill it in hook order.

    ``mandatory`` and ``optional`` are the shared task lists, which portal renders; portal sorts
    ``mandatory`` by due date (earliest first, then title) when all hooks have run.
    ``sections`` are the apps' own parts, shown by their ``order``."""

    mandatory: list[Task] = field(default_factory=list)
    optional: list[Task] = field(default_factory=list)
    sections: list[DashboardSection] = field(default_factory=list)

    def sections_above_tasks(self) -> list[DashboardSection]:
        return sorted(
            (section for section in self.sections if section.order < TASKS_ORDER),
            key=_by_order,
        )

    def sections_below_tasks(self) -> list[DashboardSection]:
        return sorted(
            (section for section in self.sections if section.order >= TASKS_ORDER),
            key=_by_order,
        )


def _by_order(section: DashboardSection) -> int:
    return section.order


@dataclass(frozen=True)
class IndexLink:
    """A header link to the live page of ``model`` (an index page), named ``name`` in the
    template context."""

    name: str
    model: type
    label: str
