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
    Deletes a council member's self-study rows of the app (only theirs) and says how many, by
    kind. Runs inside one transaction with every other app's part.
``SEARCHABLE_PAGES``: ``fn(*, user) -> Searchable``
    The ids of the app's live pages the user may open, and how a result of each page type is
    labelled.
``DASHBOARD``: ``fn(dashboard: Dashboard, *, user, today, now) -> None``
    Adds the app's part to "Mijn leeromgeving" (or adjusts an earlier app's part: the council
    marks the modules it recommends), in a fixed number of queries. Like Wagtail's
    ``construct_*`` hooks it changes the dashboard it is given.
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
    """A row of the learner's task lists: a module, or the yearly session requirement."""

    @property
    def title(self) -> str: ...

    @property
    def url(self) -> str: ...

    @property
    def due(self) -> date | None: ...

    @property
    def mandatory(self) -> bool: ...


@dataclass
class Dashboard:
    """Everything "Mijn leeromgeving" lists for one person; the apps fill it in hook order.
    Portal sorts ``mandatory`` by due date (earliest first, then title) when all have run."""

    mandatory: list[Task] = field(default_factory=list)
    optional: list[Task] = field(default_factory=list)
    session_registrations: list[Any] = field(default_factory=list)
    new_trends: list[Any] = field(default_factory=list)
    reflections: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class IndexLink:
    """A header link to the live page of ``model`` (an index page), named ``name`` in the
    template context."""

    name: str
    model: type
    label: str
