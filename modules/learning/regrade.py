"""Regrading final-quiz attempts after a key was fixed: the module's side.

The engine (:func:`quizzes.regrade.regrade_apply`) scores the attempts of an earlier version of
a question again. Here a regrade is carried through to the learners' rounds: a round whose
attempt now passes is completed (and gets its certificate) by
:func:`modules.learning.services.module_complete_if_done`, as if it had passed at the time.

A round whose attempt passed before and fails now is *not* reopened: a completion or
certificate already given is not taken back by a machine. Those attempts are listed on the
result screen (the audit entry only counts them), so the kernteam can decide what to do.
Raadsleden's results are never shown individually (the council's self-study): they appear
only as a number.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.http import HttpRequest

from accounts.audit import audit_record
from accounts.models import AuditAction, User
from accounts.roles import ROLE_GROUP_NAMES, Role
from modules.learning.services import module_complete_if_done
from quizzes.models import Question
from quizzes.regrade import RegradedAttempt, RegradeResult, regrade_apply


@dataclass(frozen=True)
class FinalQuizRegrade:
    result: RegradeResult
    rounds_completed: int
    # Staff whose attempt went from passed to failed ("Name <email>"), for the kernteam to
    # decide on; raadsleden only counted.
    now_failed_staff: list[str]
    now_failed_council: int


def _person(user: User) -> str:
    name = user.get_full_name()
    return f"{name} <{user.email}>" if name else user.email


def _split_council(rows: list[RegradedAttempt]) -> tuple[list[str], int]:
    """Staff labels and the number of raadsleden (at the attempt, or now). One query."""
    council_ids = set(
        User.objects.filter(
            pk__in={row.attempt.user_id for row in rows},
            groups__name=ROLE_GROUP_NAMES[Role.RAADSLID],
        ).values_list("pk", flat=True)
    )
    staff, council = [], 0
    for row in rows:
        if row.attempt.is_council_member or row.attempt.user_id in council_ids:
            council += 1
        else:
            staff.append(_person(row.attempt.user))
    return sorted(staff), council


def now_failed_people(result: RegradeResult) -> tuple[list[str], int]:
    """For the preview: who would go from passed to failed (staff by name, raadsleden as a
    number)."""
    rows = result.now_failed
    return _split_council(rows) if rows else ([], 0)


@transaction.atomic
def final_quiz_regrade(
    *, question: Question, version: int, by: User, request: HttpRequest | None = None
) -> FinalQuizRegrade:
    """Regrade the attempts of ``version`` of ``question``, complete the rounds whose attempt
    now passes, and write one audit entry (also when nothing changed: the kernteam looked).

    Raises :class:`django.core.exceptions.PermissionDenied` without ``quizzes.regrade_attempt``
    and :class:`quizzes.regrade.RegradeRefused` when the key would leave answers without a
    right option; nothing is written then.
    """
    result = regrade_apply(question, version, by)
    completed = 0
    for row in result.now_passed:
        completed += module_complete_if_done(enrolment=row.attempt.enrolment)
    staff, council = now_failed_people(result)
    audit_record(
        action=AuditAction.ATTEMPTS_REGRADED,
        actor=by,
        target=None,
        details={
            "question": f"{question.pk}: {question.text}",
            "version": version,
            "attempts": len(result.attempts),
            "attempts_changed": len(result.changed),
            "failed_to_passed": len(result.now_passed),
            "rounds_completed": completed,
            # A count, no names: the audit log never holds learning data of a person (the
            # result screen lists the staff concerned for the kernteam).
            "passed_to_failed": len(result.now_failed),
            "removed_options_kept": result.removed_options,
        },
        request=request,
    )
    return FinalQuizRegrade(
        result=result,
        rounds_completed=completed,
        now_failed_staff=staff,
        now_failed_council=council,
    )
