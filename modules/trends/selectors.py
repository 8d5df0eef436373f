"""Reads for trends, each in a fixed number of queries whatever the number of trends.

Who may see a trend follows its audience (no audience: everybody logged in), the same rule as
for modules, written once in :func:`accounts.selectors.visible_to`: :func:`trends_open_to` lists
the trends, :meth:`TrendPage.is_open_to` (the page gate) decides for one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet
from wagtail.models import Page, Revision, TaskState, WorkflowState

from accounts.models import User
from accounts.selectors import visible_to
from modules.trends.models import (
    FourEyesApprovalTask,
    ReviewReminder,
    TrendPage,
    TrendView,
    trend_authors,
)
from quizzes.models import Theme

TRENDS_PER_PAGE = 12


def trends_open_to(*, user: User) -> QuerySet[TrendPage]:
    """Live trends for the user's audiences (or without one), newest first. Whether one trend
    page is open to someone is :meth:`TrendPage.is_open_to`."""
    return (
        TrendPage.objects.live()
        .filter(visible_to(user=user))
        .order_by("-first_published_at", "-pk")
    )


def new_since(today: date) -> date:
    return today - timedelta(days=settings.WEERBAAR_TREND_NEW_DAYS)


@dataclass(frozen=True)
class TrendItem:
    trend: TrendPage
    is_new: bool


@dataclass(frozen=True)
class TrendListing:
    page: PaginatorPage
    items: list[TrendItem]
    theme: str

    @property
    def theme_label(self) -> str:
        return str(Theme(self.theme).label) if self.theme else ""


def trend_list(*, user: User, theme: str, page_number, today: date) -> TrendListing:
    """One page of the trends the user may see, optionally for one theme, each marked "Nieuw"
    when it is recent and the user has not opened it yet. Three queries."""
    trends = trends_open_to(user=user)
    if theme in Theme.values:
        trends = trends.filter(theme=theme)
    else:
        theme = ""
    page = Paginator(trends, TRENDS_PER_PAGE).get_page(page_number)
    shown = list(page.object_list)
    seen = set(
        TrendView.objects.filter(user=user, trend__in=[t.pk for t in shown]).values_list(
            "trend_id", flat=True
        )
    )
    since = new_since(today)
    items = [
        TrendItem(
            trend=trend,
            is_new=trend.pk not in seen
            and trend.published_on is not None
            and trend.published_on >= since,
        )
        for trend in shown
    ]
    return TrendListing(page=page, items=items, theme=theme)


def new_trends_for(*, user: User, today: date) -> list[TrendPage]:
    """Recent trends for the user's audiences that they have not opened yet (one query)."""
    since = new_since(today)
    return list(
        trends_open_to(user=user)
        .filter(first_published_at__date__gte=since)
        .exclude(views__user=user)
    )


def overdue_trends(*, today: date) -> list[TrendPage]:
    """Live trends whose review date has passed, oldest review date first (one query)."""
    return list(TrendPage.objects.live().filter(review_by__lt=today).order_by("review_by", "pk"))


def trends_without_reminder(*, today: date) -> list[TrendPage]:
    """Overdue trends the kernteam has not been reminded of for their current review date."""
    reminded = ReviewReminder.objects.filter(
        trend_id=OuterRef("pk"), review_by=OuterRef("review_by")
    )
    return list(
        TrendPage.objects.live()
        .filter(review_by__lt=today)
        .exclude(Exists(reminded))
        .order_by("review_by", "pk")
    )


@dataclass(frozen=True)
class TrendAwaitingReview:
    trend: TrendPage
    task_state: TaskState

    @property
    def submitted_by(self) -> User | None:
        return self.task_state.workflow_state.requested_by


def trends_to_review(*, user: User) -> list[TrendAwaitingReview]:
    """Trends waiting in the four-eyes task that this person may review, longest waiting first
    (the dashboard panel). The task's rule decides for each trend
    (:meth:`FourEyesApprovalTask.may_review`, the same as the review screen's), with the
    authors of every waiting trend read at once (:func:`~modules.trends.models.trend_authors`):
    the waiting tasks, the tasks, the person's groups per task, the trends and all of their
    revisions, so five queries however many trends wait."""
    states = list(
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__in=FourEyesApprovalTask.objects.filter(active=True).values("pk"),
            workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
            workflow_state__content_type=ContentType.objects.get_for_model(TrendPage),
        )
        .select_related("workflow_state__requested_by")
        .order_by("started_at", "pk")
    )
    if not states:
        return []
    tasks = FourEyesApprovalTask.objects.in_bulk({s.task_id for s in states})
    states = [s for s in states if s.task_id in tasks and tasks[s.task_id].is_approver(user)]
    if not states:
        return []
    trend_ids = {int(s.workflow_state.object_id) for s in states}
    trends = TrendPage.objects.in_bulk(trend_ids)
    revisions: dict[int, list[Revision]] = defaultdict(list)
    for revision in Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in trend_ids],
    ).order_by("created_at", "pk"):
        revisions[int(revision.object_id)].append(revision)
    result = []
    for state in states:
        trend = trends.get(int(state.workflow_state.object_id))
        if trend is None:
            continue
        authors = trend_authors(
            requested_by_id=state.workflow_state.requested_by_id,
            live_revision_id=trend.live_revision_id,
            revisions=revisions[trend.pk],
        )
        if tasks[state.task_id].may_review(trend, user, authors=authors):
            result.append(TrendAwaitingReview(trend=trend, task_state=state))
    return result
