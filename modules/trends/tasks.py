"""Background tasks (django-tasks): the request to review a submitted trend, the kernteam's
review-date reminder and the weekly digest.

Queued once the transaction commits (by :mod:`modules.trends.services` and, for the review
request, :func:`modules.trends.workflow.notify_task_submitted`); run by ``db_worker``. They send
through :func:`core.mail.send_email`: one message per recipient, a failed one retried with
backoff for that recipient alone (``recipient_id``) and listed for beheer when given up.
Subjects and templates are English msgids rendered in Dutch (``site/locale``), the site's one
language.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task
from wagtail.models import TaskState

from accounts.models import User
from core.mail import Retry, cancel_retry, only_recipient, send_each, send_email
from core.urls import absolute_url
from modules.trends.models import FourEyesApprovalTask, TrendPage

EMAIL_LANGUAGE = "nl"


@task()
def send_review_request(
    task_state_id: int, recipient_id: int | None = None, failure_id: int | None = None
) -> bool:
    """Ask the kernteam members who may approve a submitted trend (not its authors: the task's
    own rule) to review it, with a link to the review screen. Nothing when the review is
    over by the time the task runs."""
    state = (
        TaskState.objects.filter(pk=task_state_id, status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state__requested_by")
        .first()
    )
    trend = task_ = None
    if state is not None:
        trend = TrendPage.objects.filter(pk=int(state.workflow_state.object_id)).first()
        task_ = FourEyesApprovalTask.objects.filter(pk=state.task_id).first()
    if trend is None or task_ is None:
        cancel_retry(failure_id)
        return False
    recipients = only_recipient(
        list(task_.reviewers(trend)), recipient_id=recipient_id, failure_id=failure_id
    )
    if not recipients:
        return False
    submitter = state.workflow_state.requested_by
    with translation.override(EMAIL_LANGUAGE):
        body = render_to_string(
            "trends/email/review_request.txt",
            {
                "trend": trend,
                "submitter": (submitter.get_full_name() or submitter.email) if submitter else "",
                "review_url": absolute_url(reverse("trends_review", args=[trend.pk])),
            },
        )
        subject = gettext("Trend to review: %(title)s") % {"title": trend.title}
    sent = send_each(
        kind="trends.review_request",
        subject=subject,
        messages=[(recipient, body) for recipient in recipients],
        retry_task=send_review_request,
        retry_args=(task_state_id,),
        failure_id=failure_id,
    )
    return sent == len(recipients)


@task()
def send_review_reminder(
    trend_ids: list[int],
    recipient_ids: list[int],
    recipient_id: int | None = None,
    failure_id: int | None = None,
) -> bool:
    trends = list(TrendPage.objects.filter(pk__in=trend_ids).order_by("review_by", "pk"))
    recipients = list(
        User.objects.active().filter(pk__in=recipient_ids).exclude(email="").order_by("email")
    )
    recipients = only_recipient(recipients, recipient_id=recipient_id, failure_id=failure_id)
    if not trends or not recipients:
        cancel_retry(failure_id)
        return False
    with translation.override(EMAIL_LANGUAGE):
        body = render_to_string(
            "trends/email/review_reminder.txt",
            {
                "trends": [
                    (trend, absolute_url(reverse("wagtailadmin_pages:edit", args=[trend.pk])))
                    for trend in trends
                ]
            },
        )
        subject = gettext("Trends to check: the review date has passed")
    sent = send_each(
        kind="trends.review_reminder",
        subject=subject,
        messages=[(recipient, body) for recipient in recipients],
        retry_task=send_review_reminder,
        retry_args=(trend_ids, recipient_ids),
        failure_id=failure_id,
    )
    return sent == len(recipients)


@task()
def send_trend_digest(user_id: int, trend_ids: list[int], failure_id: int | None = None) -> bool:
    """One person's digest. Checks again that they still want it and that the trends are
    still live, since the task (or its retry) may run a while after it was queued."""
    user = User.objects.active().filter(pk=user_id, wants_trend_digest=True).first()
    trends = list(TrendPage.objects.live().filter(pk__in=trend_ids).order_by("first_published_at"))
    if user is None or not user.email or not trends:
        cancel_retry(failure_id)
        return False
    with translation.override(EMAIL_LANGUAGE):
        body = render_to_string(
            "trends/email/digest.txt",
            {
                "user": user,
                "trends": [(trend, absolute_url(trend.url or "/")) for trend in trends],
                "settings_url": absolute_url(reverse("my_data")),
            },
        )
        subject = gettext("New on Weerbaar: trends and signals")
    return send_email(
        kind="trends.digest",
        recipient_id=user.pk,
        to=user.email,
        subject=subject,
        body=body,
        retry=Retry(send_trend_digest, (user_id, trend_ids)),
        failure_id=failure_id,
    )
