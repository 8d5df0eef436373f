""" "Mijn gegevens": everything Weerbaar holds about one person, and deleting self-study data.

The export collects the person's own rows from every app in a fixed number of queries. Only the
person themselves ever gets it (the view has no user parameter). Deletion is for council
members: their self-study is voluntary and private, so they may wipe it; staff progress on
mandatory modules is an employer's record and stays (HR handles requests about it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Prefetch

from accounts.models import User
from accounts.roles import Role
from modules.awareness.models import Registration
from modules.council.models import Reflection
from modules.learning.models import Enrolment
from modules.reminders.selectors import reminder_history
from modules.trends.models import DigestDelivery, TrendView
from quizzes.models import Attempt, AttemptItem


def _when(value) -> str | None:
    return value.isoformat() if value is not None else None


def _reflection_answers(reflection: Reflection) -> list[dict[str, str]]:
    from modules.council.models import ReflectionAnswer

    labels = dict(ReflectionAnswer.choices)
    return [
        {
            "stelling": block.value["statement"],
            "antwoord": str(labels.get(reflection.answers.get(block.id, ""), "")),
        }
        for block in reflection.page.statements
    ]


def my_data(*, user: User, reminders: list | None = None) -> dict[str, Any]:
    """The person's data as plain values (Dutch keys: the file is for the person). A fixed
    number of queries."""
    enrolments = (
        Enrolment.objects.filter(user=user)
        .select_related("module", "certificate")
        .prefetch_related("lesson_completions__lesson")
        .order_by("module__title", "cycle")
    )
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("quiz")
        .prefetch_related(Prefetch("items", queryset=AttemptItem.objects.order_by("position")))
        .order_by("started_at")
    )
    reflections = Reflection.objects.filter(user=user).select_related("page")
    registrations = (
        Registration.objects.filter(user=user).select_related("session").order_by("created_at")
    )
    views = TrendView.objects.filter(user=user).select_related("trend").order_by("viewed_at")
    digests = DigestDelivery.objects.filter(user=user).order_by("week_start")
    if reminders is None:
        reminders = reminder_history(user=user)
    return {
        "account": {
            "naam": user.get_full_name(),
            "e-mailadres": user.email,
            "personeelsnummer": user.personnel_number,
            "afdeling": str(user.department) if user.department_id else None,
            "startdatum": _when(user.start_date),
            "rollen": sorted(str(role.label) for role in user.roles),
            "wekelijkse_mail_met_trends": user.wants_trend_digest,
            "account_aangemaakt": _when(user.date_joined),
            "laatst_ingelogd": _when(user.last_login),
        },
        "leermodules": [
            {
                "module": enrolment.module.title,
                "ronde": enrolment.cycle,
                "status": str(enrolment.get_status_display()),
                "voortgang_procent": enrolment.progress,
                "uiterste_datum": _when(enrolment.due_date),
                "begonnen": _when(enrolment.started_at),
                "afgerond": _when(enrolment.completed_at),
                "versie_afgerond": enrolment.completed_version,
                "verloopt_op": _when(enrolment.expires_on),
                "certificaat": getattr(getattr(enrolment, "certificate", None), "code", None),
                "lessen_afgerond": [
                    {"les": done.lesson.title, "op": _when(done.completed_at)}
                    for done in enrolment.lesson_completions.all()
                ],
            }
            for enrolment in enrolments
        ],
        "toetsen": [
            {
                "toets": attempt.quiz.title,
                "poging": attempt.number,
                "status": str(attempt.get_status_display()),
                "begonnen": _when(attempt.started_at),
                "ingeleverd": _when(attempt.submitted_at),
                "score": float(attempt.score) if attempt.score is not None else None,
                "geslaagd": attempt.passed,
                "vragen": [
                    {
                        "vraag": item.text,
                        "mijn_antwoord": [
                            option["text"]
                            for option in item.options
                            if option["key"] in (item.selected or [])
                        ],
                        "score": float(item.score) if item.score is not None else None,
                    }
                    for item in attempt.items.all()
                ],
            }
            for attempt in attempts
        ],
        "zelfreflecties": [
            {
                "reflectie": reflection.page.title,
                "bijgewerkt": _when(reflection.updated_at),
                "antwoorden": _reflection_answers(reflection),
                "notities": reflection.notes,
            }
            for reflection in reflections
        ],
        "bewustwordingssessies": [
            {
                "sessie": registration.session.title,
                "begint": _when(registration.session.starts_at),
                "status": str(registration.get_status_display()),
                "aangemeld": _when(registration.created_at),
                "afgemeld": _when(registration.cancelled_at),
                "aanwezig": _when(registration.attended_at),
            }
            for registration in registrations
        ],
        "trends_gelezen": [
            {"trend": view.trend.title, "geopend": _when(view.viewed_at)} for view in views
        ],
        "wekelijkse_mails": [_when(digest.week_start) for digest in digests],
        "herinneringen": [
            {
                "leertaak": reminder.task_title,
                "uiterste_datum": _when(reminder.due_date),
                "stap": str(reminder.get_step_display()).capitalize(),
                "verstuurd": _when(reminder.sent_at),
            }
            for reminder in reminders
        ],
    }


def may_delete_self_study(*, user: User) -> bool:
    return user.is_authenticated and user.is_active and user.has_role(Role.RAADSLID)


@dataclass(frozen=True)
class Deleted:
    enrolments: int
    attempts: int
    reflections: int
    trend_views: int


@transaction.atomic
def self_study_delete(*, user: User) -> Deleted:
    """Delete a council member's own learning: module progress (with lessons done, history
    and certificates), quiz attempts, reflections and "seen" marks. Only theirs: every
    delete filters on the user. The account itself stays, so they can log in again."""
    if not may_delete_self_study(user=user):
        raise PermissionError("Only council members delete their self-study data.")
    attempts = Attempt.objects.filter(user=user).count()
    reflections, _ = Reflection.objects.filter(user=user).delete()
    views, _ = TrendView.objects.filter(user=user).delete()
    enrolment_count = Enrolment.objects.filter(user=user).count()
    Enrolment.objects.filter(user=user).delete()  # cascades to attempts and certificates
    return Deleted(
        enrolments=enrolment_count,
        attempts=attempts,
        reflections=reflections,
        trend_views=views,
    )
