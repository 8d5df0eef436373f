"""Writes for trends: "read" marks, review reminders and the weekly digest.

Both emails are idempotent: a reminder is recorded per trend and review date, a digest per
person and week, in the same transaction that queues the email, so running the commands twice
(or on two machines) sends nothing twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from accounts.models import Audience, User
from accounts.roles import ROLE_GROUP_NAMES, Role
from accounts.selectors import audience_includes, group_ids_by_user
from modules.learning.models import ModulePage
from modules.trends.forms import refresher_error
from modules.trends.models import (
    DigestDelivery,
    ReviewReminder,
    TrendIndexPage,
    TrendPage,
    TrendView,
)
from modules.trends.selectors import trends_without_reminder
from modules.trends.tasks import send_review_reminder, send_trend_digest


def trend_viewed(*, user: User, trend: TrendPage) -> None:
    """Remember that the user marked the trend as read, so it is no longer "Nieuw" for them
    (the trend page's "Ik heb dit gelezen" button; idempotent)."""
    if TrendView.objects.filter(user=user, trend=trend).exists():
        return
    try:
        with transaction.atomic():
            TrendView.objects.create(user=user, trend=trend)
    except IntegrityError:
        pass  # a second tab got there first


def kernteam_member_ids() -> list[int]:
    """Active kernteam members with an email address (each gets the reminder on its own)."""
    return list(
        User.objects.active()
        .filter(groups__name=ROLE_GROUP_NAMES[Role.KERNTEAM])
        .exclude(email="")
        .order_by("email")
        .values_list("pk", flat=True)
        .distinct()
    )


@transaction.atomic
def review_reminders_send(*, today: date) -> int:
    """Tell the kernteam, once per trend and review date, which live trends passed their review
    date. Returns the number of trends in the email (0: no email)."""
    trends = trends_without_reminder(today=today)
    recipients = kernteam_member_ids()
    if not trends or not recipients:
        return 0
    ReviewReminder.objects.bulk_create(
        [ReviewReminder(trend=trend, review_by=trend.review_by) for trend in trends]
    )
    trend_ids = [trend.pk for trend in trends]
    transaction.on_commit(lambda: send_review_reminder.enqueue(trend_ids, recipients))
    return len(trends)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


@transaction.atomic
def digest_send(*, today: date) -> int:
    """Queue this week's digest for everybody who wants it and may see at least one trend
    first published in the seven days before ``today``. Returns the number of emails.

    A fixed number of queries, whatever the number of people: audiences are matched in Python
    on rows loaded in bulk (:func:`accounts.selectors.audience_includes`).
    """
    since = timezone.make_aware(datetime.combine(today - timedelta(days=7), time.min))
    until = timezone.make_aware(datetime.combine(today, time.min))
    trends = list(
        TrendPage.objects.live()
        .filter(first_published_at__gte=since, first_published_at__lt=until)
        .prefetch_related("audience__roles", "audience__departments")
        .order_by("first_published_at", "pk")
    )
    if not trends:
        return 0
    week = week_start(today)
    users = list(
        User.objects.active()
        .filter(wants_trend_digest=True)
        .exclude(email="")
        .exclude(trend_digests__week_start=week)
        .only("pk", "department_id")
    )
    groups = group_ids_by_user(user_ids=[user.pk for user in users])
    audiences: dict[int | None, Audience | None] = {t.audience_id: t.audience for t in trends}
    deliveries: list[tuple[int, list[int]]] = []
    for user in users:
        visible = {
            audience_id
            for audience_id, audience in audiences.items()
            if audience_includes(
                audience, group_ids=groups.get(user.pk, set()), department_id=user.department_id
            )
        }
        trend_ids = [trend.pk for trend in trends if trend.audience_id in visible]
        if trend_ids:
            deliveries.append((user.pk, trend_ids))
    run = uuid.uuid4()
    DigestDelivery.objects.bulk_create(
        [DigestDelivery(user_id=user_id, week_start=week, run=run) for user_id, _ids in deliveries],
        ignore_conflicts=True,
    )
    # Another run may have recorded some of these people first: send only what this run
    # recorded, so nobody gets the digest twice.
    mine = set(
        DigestDelivery.objects.filter(week_start=week, run=run).values_list("user_id", flat=True)
    )
    deliveries = [delivery for delivery in deliveries if delivery[0] in mine]

    def queue() -> None:
        for user_id, trend_ids in deliveries:
            send_trend_digest.enqueue(user_id, trend_ids)

    transaction.on_commit(queue)
    return len(deliveries)


def trend_index_create(*, parent: Page, title: str, slug: str, intro: str = "") -> TrendIndexPage:
    index = TrendIndexPage(title=title, slug=slug, intro=intro)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def trend_create(
    *,
    index: TrendIndexPage,
    content: Mapping,
    review_by: date,
    audience: Audience | None = None,
    refresher: ModulePage | None = None,
    published_at: datetime | None = None,
) -> TrendPage:
    """Create a trend from a content dict (title, slug, theme, summary, body, signals, sources).

    Without ``published_at`` it stays a draft for the four-eyes workflow. With it, the trend
    is published by the system, not by a person: for demo content and imports of content that
    was checked elsewhere, never for a view. A refresher must be one (the page editor's rule,
    :func:`modules.trends.forms.refresher_error`).
    """
    if refresher is not None:
        error = refresher_error(refresher)
        if error is not None:
            raise ValidationError({"refresher": error})
    trend = TrendPage(
        title=content["title"],
        slug=content["slug"],
        theme=content["theme"],
        summary=content["summary"],
        audience=audience,
        review_by=review_by,
        refresher=refresher,
        body=[
            (kind, RichText(value) if kind == "text" else value) for kind, value in content["body"]
        ],
        signals=[("signal", signal) for signal in content.get("signals", [])],
        sources=[("source", dict(source)) for source in content.get("sources", [])],
        live=False,
    )
    index.add_child(instance=trend)
    revision = trend.save_revision()
    if published_at is not None:
        revision.publish(skip_permission_checks=True)
        TrendPage.objects.filter(pk=trend.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )
        trend.refresh_from_db()
    return trend
