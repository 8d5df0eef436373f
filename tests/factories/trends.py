"""Trend factories: a trend index under the home page and trends, live or draft."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site

from home.services import site_install_home_page
from modules.trends.models import TrendIndexPage, TrendPage
from modules.trends.services import trend_create, trend_index_create


def trend_index() -> TrendIndexPage:
    index = TrendIndexPage.objects.first()
    if index is not None:
        return index
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page if site else site_install_home_page(title="Weerbaar", intro="")
    return trend_index_create(parent=home, title="Trends en signalen", slug="trends")


_counter = iter(range(1, 10**6))


def a_trend(
    *,
    title: str | None = None,
    audience=None,
    live: bool = True,
    published_days_ago: int = 1,
    review_in_days: int = 90,
    theme: str = "drugs",
    body_text: str = "Wat we zien en waar je op let.",
) -> TrendPage:
    """A trend; live ones are published by the system ``published_days_ago`` days ago.

    The days are calendar days in the site's time zone (wall-clock arithmetic on the local
    time), so a count from the publication's local date gives the same number across a
    change to or from summer time (an hour-based delta did not between 23:00 and midnight).
    """
    number = next(_counter)
    title = title or f"Trend {number}"
    return trend_create(
        index=trend_index(),
        content={
            "title": title,
            "slug": f"trend-{number}",
            "theme": theme,
            "summary": f"Samenvatting van {title}.",
            "body": [("text", f"<p>{body_text}</p>")],
            "signals": ["Contante betaling vooraf"],
            "sources": [{"title": "Onderzoek", "publisher": "Rekenkamer", "url": ""}],
        },
        audience=audience,
        review_by=timezone.localdate() + timedelta(days=review_in_days),
        published_at=(timezone.localtime() - timedelta(days=published_days_ago) if live else None),
    )
