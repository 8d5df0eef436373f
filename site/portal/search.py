"""One search box over the modules, lessons and trends a person may see.

Wagtail search (the database backend: PostgreSQL full-text in production, a simple index on
SQLite) runs over a page queryset that is restricted first: only the ids of pages open to the
user (:func:`searchable_page_ids`), so a result outside their audiences cannot appear. A fixed
number of queries, whatever the number of pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q
from wagtail.models import Page

from accounts.models import User
from modules.learning.models import LessonPage, ModulePage
from modules.learning.selectors import assignments_for_user, modules_open_to
from modules.trends.models import TrendPage
from modules.trends.selectors import trends_open_to

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 100


def searchable_page_ids(*, user: User) -> list[int]:
    """Modules open to the user (by audience, or assigned to them), their lessons, and trends
    for their audiences (four queries)."""
    assigned = {assignment.module_id for assignment in assignments_for_user(user=user)}
    modules = list(
        ModulePage.objects.live()
        .filter(Q(pk__in=modules_open_to(user=user).values("pk")) | Q(pk__in=assigned))
        .values_list("pk", "path")
    )
    ids = [pk for pk, _path in modules]
    if modules:
        in_open_module = Q()
        for _pk, path in modules:
            in_open_module |= Q(path__startswith=path)
        ids += LessonPage.objects.live().filter(in_open_module).values_list("pk", flat=True)
    ids += trends_open_to(user=user).values_list("pk", flat=True)
    return ids


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
    from django.utils.translation import gettext as _

    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if not query:
        return SearchResults(query="", page=None, results=[])
    allowed = searchable_page_ids(user=user)
    pages = Page.objects.live().filter(pk__in=allowed).search(query)
    paginated = Paginator(pages, RESULTS_PER_PAGE).get_page(page_number)
    specific = Page.objects.filter(pk__in=[p.pk for p in paginated.object_list]).specific()
    by_pk = {p.pk: p for p in specific}
    kinds = {ModulePage: _("Module"), LessonPage: _("Lesson"), TrendPage: _("Trend")}
    results = []
    for hit in paginated.object_list:
        found = by_pk.get(hit.pk)
        if found is None:
            continue
        results.append(
            SearchResult(page=found, kind=str(kinds.get(type(found), "")), summary=_summary(found))
        )
    return SearchResults(query=query, page=paginated, results=results)
