"""The learning domain's parts of the learner's own pages (see :mod:`core.registry`): modules and
quiz attempts in "Mijn gegevens" (deleted for council members), modules and lessons in search,
and the learning tasks of "Mijn leeromgeving"."""

from __future__ import annotations

from dataclasses import replace

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts.models import User
from core import registry
from core.stamped import stamped_read
from modules.learning.dilemmas import dilemma_choices_delete, dilemma_choices_of
from modules.learning.final_quiz import failed_quiz_states
from modules.learning.models import Enrolment, EnrolmentStatus, LessonPage, ModulePage
from modules.learning.rules import TaskStatus
from modules.learning.selectors import assignments_for_user, learning_tasks, modules_open_to
from modules.learning.team_kit_parts import add_team_kits
from quizzes.models import Attempt, AttemptItem, ReviewLevel
from quizzes.presenters import level_at_least


def _item_scores_shown(attempt: Attempt) -> bool:
    """Whether the download may say per question if the answer was right: not for a failed
    attempt of a round still under way whose quiz keeps that back after a fail (the review
    level "themes"), or the download would give the keys the result page withholds."""
    if attempt.passed or attempt.enrolment.status == EnrolmentStatus.COMPLETED:
        return True
    return level_at_least(attempt.quiz.review_after_fail, ReviewLevel.CORRECTNESS)


@hooks.register(registry.MY_DATA_SECTIONS, order=10)
def my_data_sections(*, user: User) -> list[registry.DataSection]:
    """Module rounds (with lessons done), quiz attempts (with the answers) and choices in
    dilemmas. Five queries."""
    enrolments = (
        Enrolment.objects.filter(user=user)
        .select_related("module", "certificate")
        .prefetch_related("lesson_completions__lesson")
        .order_by("module__title", "cycle")
    )
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("quiz", "enrolment")
        .prefetch_related(Prefetch("items", queryset=AttemptItem.objects.order_by("position")))
        .order_by("started_at")
    )
    when = registry.when
    modules = [
        {
            "module": enrolment.module.title,
            "ronde": enrolment.cycle,
            "status": str(enrolment.get_status_display()),
            "voortgang_procent": enrolment.progress,
            "uiterste_datum": when(enrolment.due_date),
            "begonnen": when(enrolment.started_at),
            "afgerond": when(enrolment.completed_at),
            "versie_afgerond": enrolment.completed_version,
            "verloopt_op": when(enrolment.expires_on),
            "certificaat": getattr(getattr(enrolment, "certificate", None), "code", None),
            "lessen_afgerond": [
                {"les": done.lesson.title, "op": when(done.completed_at)}
                for done in enrolment.lesson_completions.all()
            ],
        }
        for enrolment in enrolments
    ]
    quizzes = [
        {
            "toets": attempt.quiz.title,
            "poging": attempt.number,
            "status": str(attempt.get_status_display()),
            "begonnen": when(attempt.started_at),
            "ingeleverd": when(attempt.submitted_at),
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
                    **(
                        {"score": float(item.score) if item.score is not None else None}
                        if _item_scores_shown(attempt)
                        else {}
                    ),
                }
                for item in attempt.items.all()
            ],
        }
        for attempt in attempts
    ]
    dilemmas = [
        {
            "pagina": choice.page.title,
            "dilemma": choice.dilemma_title,
            "mijn_keuze": choice.choice_text,
            "gekozen_op": when(choice.chosen_at),
        }
        for choice in dilemma_choices_of(user=user)
    ]
    return [
        registry.DataSection(key="leermodules", rows=modules, label=_("Module rounds")),
        registry.DataSection(key="toetsen", rows=quizzes, label=_("Quiz attempts")),
        registry.DataSection(
            key="keuzes_in_dilemmas", rows=dilemmas, label=_("Choices in dilemmas")
        ),
    ]


@hooks.register(registry.SELF_STUDY_DELETE, order=10)
def self_study_delete(*, user: User) -> dict[str, int]:
    """The member's module progress (with lessons done, history and certificates) and, through
    it, their quiz attempts; and their choices in dilemmas."""
    attempts = Attempt.objects.filter(user=user).count()
    enrolments = Enrolment.objects.filter(user=user).count()
    Enrolment.objects.filter(user=user).delete()  # cascades to attempts and certificates
    dilemma_choices = dilemma_choices_delete(user=user)
    return {"enrolments": enrolments, "attempts": attempts, "dilemma_choices": dilemma_choices}


@hooks.register(registry.SEARCHABLE_PAGES, order=10)
def searchable_pages(*, user: User) -> registry.Searchable:
    """Modules open to the user (by audience, or assigned to them) and their lessons (three
    queries)."""
    assigned = {assignment.module_id for assignment in assignments_for_user(user=user)}
    modules = list(
        ModulePage.objects.live()
        .filter(Q(pk__in=modules_open_to(user=user).values("pk")) | Q(pk__in=assigned))
        .values_list("pk", "path")
    )
    ids = [pk for pk, _path in modules]
    if modules:
        in_open_module = Q()
        for _pk, path in modules:
            in_open_module |= Q(path__startswith=path)
        ids += LessonPage.objects.live().filter(in_open_module).values_list("pk", flat=True)
    return registry.Searchable(
        page_ids=ids, kinds={ModulePage: _("Module"), LessonPage: _("Lesson")}
    )


@hooks.register(registry.DASHBOARD, order=10)
def dashboard_part(dashboard: registry.Dashboard, *, user: User, today, now) -> None:
    """The mandatory modules (earliest due first) and the optional ones, each with what
    follows a failed final-quiz attempt ("Niet gehaald, poging 2 van 3 vanaf 14:30" and the
    lessons to reread). A fixed number of queries: the tasks' four, and after a failed attempt
    those of :func:`~modules.learning.final_quiz.failed_quiz_states` for all modules at once;
    then, for managers and the kernteam, the werkoverleg kits (:mod:`.team_kit_parts`)."""
    # The tasks follow from the person's rows and the assignments: cached under their stamps.
    tasks = stamped_read(
        "learning-tasks",
        lambda: learning_tasks(user=user, today=today),
        user_id=user.pk,
        parts=(today,),
    )
    states = failed_quiz_states(
        user=user,
        rounds=[
            (task.module, task.enrolment)
            for task in tasks
            if task.enrolment is not None and task.status != TaskStatus.COMPLETED
        ],
        now=now,
    )
    tasks = [
        replace(task, quiz=states[task.enrolment.pk])
        if task.enrolment is not None and task.enrolment.pk in states
        else task
        for task in tasks
    ]
    dashboard.mandatory += [task for task in tasks if task.mandatory]
    dashboard.optional += [task for task in tasks if not task.mandatory]
    add_team_kits(dashboard, user=user, today=today)
