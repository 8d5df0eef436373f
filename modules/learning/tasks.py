"""Background tasks (django-tasks) for the final quiz's attempt policy: who is told when a
learner used their last attempt, and the learner's answer to a request for a new round.

Queued by :mod:`modules.learning.final_quiz` and :mod:`modules.learning.retakes` once the
transaction commits; run by ``db_worker`` (at once in the tests' settings). Each task reads the
rows again, since it may run a while after it was queued. The emails hold as little about the
learner as they can: name, department and module, never a score or an answer.
"""

from __future__ import annotations

from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from accounts.models import User
from accounts.roles import Role
from core.urls import absolute_url
from modules.learning.models import Enrolment, RetakeRequest, RetakeRequestStatus


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


def _send_each(*, subject: str, bodies: list[tuple[str, str]]) -> int:
    """One message per recipient (``(address, body)``), so nobody sees who else was told."""
    messages = [EmailMessage(subject=subject, body=body, to=[address]) for address, body in bodies]
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0


@task()
def send_last_attempt_failed(enrolment_id: int) -> int:
    """Tell the learner's leidinggevende(n) and the kernteam that the learner used every
    attempt at the module's final quiz without passing. Returns the number of emails."""
    enrolment = Enrolment.objects.select_related("user__department", "module").filter(
        pk=enrolment_id
    )
    enrolment = enrolment.first()
    if enrolment is None or enrolment.user.has_role(Role.RAADSLID):
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
    with translation.override("nl"):
        bodies = [
            (
                recipient.email,
                render_to_string(
                    "modules/emails/last_attempt_failed.txt",
                    {
                        "recipient": recipient,
                        "learner": learner,
                        "module": enrolment.module,
                        "for_kernteam": for_kernteam,
                        "admin_url": admin_url,
                    },
                ),
            )
            for recipient, for_kernteam in recipients
        ]
    return _send_each(subject="Eindtoets niet gehaald: alle pogingen gebruikt", bodies=bodies)


@task()
def send_retake_requested(request_id: int) -> int:
    """Tell the kernteam that a learner asks for a new round (a link to the admin screen)."""
    request = (
        RetakeRequest.objects.select_related("enrolment__user", "enrolment__module")
        .filter(pk=request_id, status=RetakeRequestStatus.PENDING)
        .first()
    )
    if request is None:
        return 0
    learner = request.enrolment.user
    admin_url = absolute_url(reverse("retake_requests"))
    with translation.override("nl"):
        bodies = [
            (
                member.email,
                render_to_string(
                    "modules/emails/retake_requested.txt",
                    {"learner": learner, "module": request.enrolment.module, "url": admin_url},
                ),
            )
            for member in kernteam_members()
            if member.pk != learner.pk
        ]
    return _send_each(subject="Aanvraag nieuwe ronde eindtoets", bodies=bodies)


@task()
def send_retake_decided(request_id: int) -> int:
    """Tell the learner whether they got a new round of attempts."""
    request = (
        RetakeRequest.objects.select_related("enrolment__user", "enrolment__module")
        .filter(pk=request_id)
        .exclude(status=RetakeRequestStatus.PENDING)
        .first()
    )
    if request is None or not request.enrolment.user.is_active:
        return 0
    learner = request.enrolment.user
    module = request.enrolment.module
    granted = request.status == RetakeRequestStatus.GRANTED
    with translation.override("nl"):
        body = render_to_string(
            "modules/emails/retake_decided.txt",
            {
                "learner": learner,
                "module": module,
                "granted": granted,
                "url": absolute_url(f"{module.url or '/'}#eindtoets"),
            },
        )
    subject = "Je kunt de eindtoets opnieuw maken" if granted else "Je aanvraag voor de eindtoets"
    return _send_each(subject=subject, bodies=[(learner.email, body)])
