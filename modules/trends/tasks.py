"""Background tasks (django-tasks): the kernteam's review reminder and the weekly digest.

Queued by :mod:`modules.trends.services` once the transaction commits; run by ``db_worker``.
"""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from accounts.models import User
from core.urls import absolute_url
from modules.trends.models import TrendPage


@task()
def send_review_reminder(trend_ids: list[int], recipients: list[str]) -> bool:
    trends = list(TrendPage.objects.filter(pk__in=trend_ids).order_by("review_by", "pk"))
    if not trends or not recipients:
        return False
    with translation.override("nl"):
        body = render_to_string(
            "trends/email/review_reminder.txt",
            {
                "trends": [
                    (trend, absolute_url(reverse("wagtailadmin_pages:edit", args=[trend.pk])))
                    for trend in trends
                ]
            },
        )
    EmailMessage(
        subject="Trends om te controleren: de controledatum is voorbij",
        body=body,
        to=recipients,
    ).send()
    return True


@task()
def send_trend_digest(user_id: int, trend_ids: list[int]) -> bool:
    """One person's digest. Checks again that they still want it and that the trends are
    still live, since the task may run a while after it was queued."""
    user = User.objects.active().filter(pk=user_id, wants_trend_digest=True).first()
    trends = list(TrendPage.objects.live().filter(pk__in=trend_ids).order_by("first_published_at"))
    if user is None or not trends:
        return False
    with translation.override("nl"):
        body = render_to_string(
            "trends/email/digest.txt",
            {
                "user": user,
                "trends": [(trend, absolute_url(trend.url or "/")) for trend in trends],
                "settings_url": absolute_url(reverse("my_data")),
            },
        )
    EmailMessage(subject="Nieuw op Weerbaar: trends en signalen", body=body, to=[user.email]).send()
    return True
