"""Trends' parts of the learner's own pages (see :mod:`core.registry`): the trends marked as read
and the weekly emails in "Mijn gegevens" (the "seen" marks are deleted with the self-study),
trends in search, new trends in "Mijn leeromgeving", and the trends index in the header."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts.models import User
from core import registry
from core.stamped import stamped_read
from modules.trends.models import DigestDelivery, TrendIndexPage, TrendPage, TrendView
from modules.trends.selectors import new_trends_for, trends_open_to

NEW_TRENDS_ORDER = registry.TASKS_ORDER - 10  # above the tasks


@hooks.register(registry.MY_DATA_SECTIONS, order=40)
def my_data_sections(*, user: User) -> list[registry.DataSection]:
    """Which trends the person marked as read, and the weeks they got the email (two queries)."""
    views = TrendView.objects.filter(user=user).select_related("trend").order_by("viewed_at")
    digests = DigestDelivery.objects.filter(user=user).order_by("week_start")
    return [
        registry.DataSection(
            key="trends_gelezen",
            rows=[
                {"trend": view.trend.title, "gelezen_op": registry.when(view.viewed_at)}
                for view in views
            ],
            label=_("Trends you marked as read"),
        ),
        registry.DataSection(
            key="wekelijkse_mails", rows=[registry.when(digest.week_start) for digest in digests]
        ),
    ]


@hooks.register(registry.SELF_STUDY_DELETE, order=40)
def self_study_delete(*, user: User) -> dict[str, int]:
    views, _by_model = TrendView.objects.filter(user=user).delete()
    return {"trend_views": views}


@hooks.register(registry.SEARCHABLE_PAGES, order=40)
def searchable_pages(*, user: User) -> registry.Searchable:
    """Trends for the user's audiences (one query)."""
    return registry.Searchable(
        page_ids=list(trends_open_to(user=user).values_list("pk", flat=True)),
        kinds={TrendPage: _("Trend")},
    )


@hooks.register(registry.DASHBOARD, order=40)
def dashboard_part(dashboard: registry.Dashboard, *, user: User, today, now) -> None:
    """Recent trends the person has not opened yet, in a section above the tasks when there are
    any (one query)."""
    trends = stamped_read(
        "new-trends",
        lambda: new_trends_for(user=user, today=today),
        user_id=user.pk,
        parts=(today,),
    )
    if trends:
        dashboard.sections.append(
            registry.DashboardSection(
                template="trends/includes/dashboard_new_trends.html",
                order=NEW_TRENDS_ORDER,
                objects=trends,
            )
        )


@hooks.register(registry.HEADER_LINKS, order=40)
def header_links() -> list[registry.IndexLink]:
    return [registry.IndexLink(name="trends_page", model=TrendIndexPage, label=_("Trends"))]
