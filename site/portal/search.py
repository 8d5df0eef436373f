"""One search box over the pages a person may see (modules, lessons, trends, ...).

Wagtail search (the database backend: PostgreSQL full-text in production, a simple index on
SQLite) runs over a page queryset that is restricted first: only the ids of pages open to the
user (:func:`searchable_page_ids`), so a result outside their audiences cannot appear. Each app
contributes its pages through the hook ``core.registry.SEARCHABLE_PAGES`` (``fn(*, user) ->
Searchable``: page ids and what a result of each page type is called). Every part takes a fixed
number of queries, whatever the number of pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from wagtail import hooks
from wagtail.models import Page

from accounts.models import User
from core import registry

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 100


def searchable(*, user: User) -> list[registry.Searchable]:
    """Every app's searchable pages for the user, in hook order."""
    return [contribute(user=user) for contribute in hooks.get_hooks(registry.SEARCHABLE_PAGES)]


def searchable_page_ids(*, user: User) -> list[int]:
    """The ids of every page the search may return to the user."""
    return [pk for part in searchable(user=user) for pk in part.page_ids]


@dataclass(frozen=True)
class SearchResult:
    page: Page
    kind: str
    summary: str


@dataclass(frozen=True)
class SearchResults:
    query: str
    page: PaginatorPage | None
    results: list[SearchResult]


def _summary(page) -> str:
    for attribute in ("summary", "learning_goals"):
        value = getattr(page, attribute, "")
        if value:
            return value.splitlines()[0]
    return ""


def search(*, user: User, query: str, page_number) -> SearchResults:
    """The user's results for ``query`` (best first), one page at a time."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if not query:
        return SearchResults(query="", page=None, results=[])
    parts = searchable(user=user)
    allowed = [pk for part in parts for pk in part.page_ids]
    kinds = {model: label for part in parts for model, label in part.kinds.items()}
    pages = Page.objects.live().filter(pk__in=allowed).search(query)
    paginated = Paginator(pages, RESULTS_PER_PAGE).get_page(page_number)
    specific = Page.objects.filter(pk__in=[p.pk for p in paginated.object_list]).specific()
    by_pk = {p.pk: p for p in specific}
    results = []
    for hit in paginated.object_list:
        found = by_pk.get(hit.pk)
        if found is None:
            continue
        results.append(
            SearchResult(page=found, kind=str(kinds.get(type(found), "")), summary=_summary(found))
        )
    return SearchResults(query=query, page=paginated, results=results)
