"""Background tasks (django-tasks) for the final quiz's attempt policy: who is told when a
learner used their last attempt, and the learner's answer to a request for a new round.

Queued by :mod:`modules.learning.final_quiz` and :mod:`modules.learning.retakes` once the
transaction commits; run by ``db_worker`` (at once in the tests' settings). Each task reads the
rows again, since it may run a while after it was queued. The emails hold as little about the
learner as they can: name, department and module, never a score or an answer. They send through
:func:`core.mail.send_email`, which retries a failed send with backoff (for that recipient
alone) and lists what was given up for beheer; subjects and templates are English msgids
rendered in Dutch (``site/locale``).
"""

from __future__ import annotations

from operator import itemgetter
from typing import TypeVar

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from accounts.models import User
from accounts.roles import Role
from core.mail import Retry, cancel_retry, only_recipient, send_each, send_email
from core.urls import absolute_url
from modules.learning.models import Enrolment, RetakeRequest, RetakeRequestStatus

EMAIL_LANGUAGE = "nl"
T = TypeVar("T")


def kernteam_members() -> list[User]:
    return list(User.objects.active().with_role(Role.KERNTEAM).exclude(email="").distinct())


def department_managers(*, learner: User) -> list[User]:
    """The active managers of the learner's department (``Department.managers``, as the
    reminders use), never the learner themselves."""
    if learner.department_id is None:
        return []
    return list(
        User.objects.active()
        .filter(managed_departments=learner.department_id)
        .exclude(pk=learner.pk)
        .exclude(email="")
        .distinct()
    )


@task()
def send_last_attempt_failed(
    enrolment_id: int, recipient_id: int | None = None, failure_id: int | None = None
) -> int:
    """Tell the learner's leidinggevende(n) and the kernteam that the learner used every
    attempt at the module's final quiz without passing. Returns the number of emails."""
    enrolment = Enrolment.objects.select_related("user__department", "module").filter(
        pk=enrolment_id
    )
    enrolment = enrolment.first()
    if enrolment is None or enrolment.user.has_role(Role.RAADSLID):
        cancel_retry(failure_id)
        return 0  # council self-study is private: nobody is told about a raadslid
    learner = enrolment.user
    admin_url = absolute_url(reverse("retake_requests"))
    recipients = [(manager, False) for manager in department_managers(learner=learner)]
    seen = {manager.pk for manager, _ in recipients}
    recipients += [
        (member, True)
        for member in kernteam_members()
        if member.pk not in seen and member.pk != learner.pk
    ]
    recipients = only_recipient(
        recipients,
        user_of=itemgetter(0),
        recipient_id=recipient_id,
        failure_id=failure_id,
    )
    name = learner.get_full_name() or learner.email
    learner_label = f"{name} ({learner.department})" if learner.department else name
    with translation.override(EMAIL_LANGUAGE):
        messages = [
            (
                recipient,
                render_to_string(
                    "modules/emails/last_attempt_failed.txt",
                    {
                        "recipient": recipient,
                        "learner": learner,
                        "learner_label": learner_label,
                        "module": enrolment.module,
                        "for_kernteam": for_kernteam,
                        "admin_url": admin_url,
                    },
                ),
            )
            for recipient, for_kernteam in recipients
        ]
        subject = gettext("Final quiz not passed: all attempts used")
    return send_each(
        kind="learning.last_attempt_failed",
        subject=subject,
        messages=messages,
        retry_task=send_last_attempt_failed,
        retry_args=(enrolment_id,),
        failure_id=failure_id,
    )


@task()
def send_retake_requested(
    request_id: int, recipient_id: int | None = None, failure_id: int | None = None
) -> int:
    """Tell the kernteam that a learner asks for a new round (a link to the admin screen)."""
    request = (
        RetakeRequest.objects.select_related("enrolment__user", "enrolment__module")
        .filter(pk=request_id, status=RetakeRequestStatus.PENDING)
        .first()
    )
    if request is None:
        cancel_retry(failure_id)
        return 0
    learner = request.enrolment.user
    admin_url = absolute_url(reverse("retake_requests"))
    members = [member for member in kernteam_members() if member.pk != learner.pk]
    with translation.override(EMAIL_LANGUAGE):
        messages = [
            (
                member,
                render_to_string(
                    "modules/emails/retake_requested.txt",
                    {"learner": learner, "module": request.enrolment.module, "url": admin_url},
                ),
            )
            for member in only_recipient(
                members,
                user_of=lambda user: user,
                recipient_id=recipient_id,
                failure_id=failure_id,
            )
        ]
        subject = gettext("Request for a new round of the final quiz")
    return send_each(
        kind="learning.retake_requested",
        subject=subject,
        messages=messages,
        retry_task=send_retake_requested,
        retry_args=(request_id,),
        failure_id=failure_id,
    )


@task()
def send_retake_decided(request_id: int, failure_id: int | None = None) -> int:
    """Tell the learner whether they got a new round of attempts."""
    request = (
        RetakeRequest.objects.select_related("enrolment__user", "enrolment__module")
        .filter(pk=request_id)
        .exclude(status=RetakeRequestStatus.PENDING)
        .first()
    )
    if request is None or not request.enrolment.user.is_active:
        cancel_retry(failure_id)
        return 0
    learner = request.enrolment.user
    module = request.enrolment.module
    granted = request.status == RetakeRequestStatus.GRANTED
    with translation.override(EMAIL_LANGUAGE):
        body = render_to_string(
            "modules/emails/retake_decided.txt",
            {
                "learner": learner,
                "module": module,
                "granted": granted,
                "url": absolute_url(f"{module.url or '/'}#eindtoets"),
            },
        )
        subject = (
            gettext("You can take the final quiz again")
            if granted
            else gettext("Your request for the final quiz")
        )
    sent = send_email(
        kind="learning.retake_decided",
        recipient_id=learner.pk,
        to=learner.email,
        subject=subject,
        body=body,
        retry=Retry(send_retake_decided, (request_id,)),
        failure_id=failure_id,
    )
    return int(sent)
