"""Reads for modules and progress, each in a fixed number of queries.

Nothing here loops over lessons or users with a query per item: pages that use these selectors
are tested with ``django_assert_max_num_queries`` at two sizes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from accounts.models import User
from accounts.roles import Role
from accounts.selectors import report_scope, visible_to
from modules.learning.models import (
    Assignment,
    Certificate,
    Enrolment,
    EnrolmentStatus,
    LessonPage,
    ModulePage,
    ProgressEvent,
)
from modules.learning.rules import TaskStatus, due_date_for, task_status
from modules.pages import AudienceRestrictedPage, page_is_open_to


def module_lessons(*, module: ModulePage) -> list[LessonPage]:
    """The module's live lessons, in the order the editors put them."""
    return list(LessonPage.objects.child_of(module).live().order_by("path"))


def pages_open_to(*, user: User, page_ids: Sequence[int]) -> list[Page]:
    """The pages of ``page_ids`` that ``user`` may open, specific and in the order given: the
    rule of :func:`modules.pages.page_is_open_to`, for many pages at once in a fixed number of
    queries (the "lessons to reread" of a quiz result, on the result page, the module page and
    the dashboard).

    Loads the pages, any unpublished page above them, any Wagtail privacy setting on them, the
    modules of lessons (a lesson answers its module's audience) and, per page type, which of
    the audiences' pages the user is in. A page under a Wagtail privacy setting (switched off
    on learner pages, so rare) is asked one by one.
    """
    if not page_ids or not (user.is_authenticated and user.is_active):
        return []
    pages = {page.pk: page for page in Page.objects.live().filter(pk__in=page_ids).specific()}
    if not pages:
        return []
    step = Page.steplen
    above = {
        page.path[:end] for page in pages.values() for end in range(step, len(page.path), step)
    }
    draft_above = set(
        Page.objects.filter(path__in=above, depth__gt=1, live=False).values_list("path", flat=True)
    )
    own_paths = {page.path for page in pages.values()}
    restricted = set(
        PageViewRestriction.objects.filter(page__path__in=above | own_paths).values_list(
            "page__path", flat=True
        )
    )
    lesson_module_paths = {
        page.path[:-step] for page in pages.values() if isinstance(page, LessonPage)
    }
    modules = {
        module.path: module for module in ModulePage.objects.filter(path__in=lesson_module_paths)
    }
    for page in pages.values():
        if isinstance(page, LessonPage) and page.path[:-step] in modules:
            # LessonPage.audience_source reads this cached property; filled from the one query.
            page.__dict__["_module"] = modules[page.path[:-step]]

    def paths_above(page: Page) -> set[str]:
        return {page.path[:end] for end in range(step, len(page.path), step)}

    candidates: dict[int, Page] = {}  # page pk -> the page whose audience counts
    decided: dict[int, bool] = {}
    for pk, page in pages.items():
        if restricted & (paths_above(page) | {page.path}):
            decided[pk] = page_is_open_to(user=user, page=page)
        elif paths_above(page) & draft_above:
            decided[pk] = False
        elif isinstance(page, AudienceRestrictedPage):
            if isinstance(page, LessonPage) and "_module" not in page.__dict__:
                decided[pk] = False  # a lesson outside a module is served to nobody
                continue
            source = page.audience_source()
            if getattr(source, "audience_id", None) is None:
                decided[pk] = True
            else:
                candidates[pk] = source
        else:
            decided[pk] = not hasattr(page, "audience_id")
    by_type: dict[type, set[int]] = {}
    for source in candidates.values():
        by_type.setdefault(type(source), set()).add(source.pk)
    in_audience: set[tuple[type, int]] = set()
    for model, ids in by_type.items():
        in_audience |= {
            (model, pk)
            for pk in model.objects.filter(visible_to(user=user), pk__in=ids).values_list(
                "pk", flat=True
            )
        }
    assigned: set[int] | None = None
    for pk, source in candidates.items():
        if (type(source), source.pk) in in_audience:
            decided[pk] = True
        elif isinstance(source, ModulePage):
            if assigned is None:  # the module's own exception, for all modules in one query
                assigned = set(
                    Assignment.objects.applying_to(user).values_list("module_id", flat=True)
                )
            decided[pk] = source.pk in assigned
        else:
            decided[pk] = source.opens_outside_audience(user)
    return [pages[pk] for pk in dict.fromkeys(page_ids) if decided.get(pk)]


def modules_open_to(*, user: User) -> QuerySet[ModulePage]:
    """Live modules in the user's audiences (assigned ones outside them come from
    :func:`assignments_for_user`)."""
    return ModulePage.objects.live().filter(visible_to(user=user)).order_by("path")


def current_enrolment(*, user: User, module: ModulePage) -> Enrolment | None:
    """The user's latest cycle of the module, or None when they never started it."""
    return Enrolment.objects.filter(user=user, module=module).order_by("-cycle").first()


@dataclass(frozen=True)
class LessonStep:
    lesson: LessonPage
    number: int
    done: bool


@dataclass(frozen=True)
class ModuleOutline:
    """A module as one learner sees it: lessons with done marks, progress and the next step."""

    module: ModulePage
    enrolment: Enrolment | None
    steps: list[LessonStep]
    # None when the module has no final quiz; else whether this round passed it. The quiz is
    # one step of the progress, after the lessons (as ``services._update_progress`` counts).
    quiz_passed: bool | None = None

    @property
    def lessons_done(self) -> int:
        return sum(step.done for step in self.steps)

    @property
    def has_quiz_step(self) -> bool:
        return self.quiz_passed is not None

    @property
    def steps_total(self) -> int:
        return len(self.steps) + self.has_quiz_step

    @property
    def steps_done(self) -> int:
        return self.lessons_done + bool(self.quiz_passed)

    @property
    def progress(self) -> int:
        """The percentage of ``steps_done`` of ``steps_total``, so the text and the bar agree;
        below 100 until every step is done, 100 once the round is completed."""
        if self.enrolment is None:
            return 0
        if self.enrolment.status == EnrolmentStatus.COMPLETED:
            return 100
        if not self.steps_total:
            return self.enrolment.progress
        percent = round(100 * self.steps_done / self.steps_total)
        return percent if self.steps_done == self.steps_total else min(percent, 99)

    @property
    def next_step(self) -> LessonStep | None:
        """Where to resume: the first lesson not done yet."""
        return next((step for step in self.steps if not step.done), None)

    def step_for(self, lesson: LessonPage) -> LessonStep | None:
        return next((step for step in self.steps if step.lesson.pk == lesson.pk), None)

    def step_after(self, lesson: LessonPage) -> LessonStep | None:
        ids = [step.lesson.pk for step in self.steps]
        if lesson.pk not in ids:
            return None
        index = ids.index(lesson.pk) + 1
        return self.steps[index] if index < len(self.steps) else None


def module_outline(*, user: User, module: ModulePage) -> ModuleOutline:
    """Three queries whatever the number of lessons (four when the module has a final quiz)."""
    lessons = module_lessons(module=module)
    enrolment = current_enrolment(user=user, module=module) if user.is_authenticated else None
    done_ids: set[int] = set()
    if enrolment is not None:
        done_ids = set(enrolment.lesson_completions.values_list("lesson_id", flat=True))
    steps = [
        LessonStep(lesson=lesson, number=number, done=lesson.pk in done_ids)
        for number, lesson in enumerate(lessons, start=1)
    ]
    quiz_passed = None
    if module.final_quiz_id is not None:
        quiz_passed = enrolment is not None and (
            enrolment.quiz_attempts.filter(quiz_id=module.final_quiz_id, passed=True).exists()
        )
    elif module.final_quiz_scorm_lesson_id in {lesson.pk for lesson in lessons}:
        # The partner's quiz counts while its lesson is published (as in _update_progress).
        quiz_passed = enrolment is not None and (
            enrolment.events.filter(kind=ProgressEvent.Kind.SCORM_QUIZ_PASSED).exists()
        )
    return ModuleOutline(module=module, enrolment=enrolment, steps=steps, quiz_passed=quiz_passed)


def assignments_for_user(*, user: User) -> list[Assignment]:
    """Active assignments of live modules that apply to the user (one query)."""
    if not (user.is_authenticated and user.is_active):
        return []
    return list(Assignment.objects.applying_to(user).select_related("module").order_by("pk"))


@dataclass(frozen=True)
class LearningTask:
    """One row of "Mijn leeromgeving": a module with the learner's status in it."""

    module: ModulePage
    mandatory: bool
    due: date | None
    enrolment: Enrolment | None
    status: TaskStatus
    # Optional modules the griffie recommends to the council (shown to raadsleden only).
    recommended: bool = False
    recommendation_note: str = ""
    # After a failed final-quiz attempt: the round's
    # modules.learning.final_quiz.QuizAvailability (the dashboard fills it in).
    quiz: object | None = None

    @property
    def progress(self) -> int:
        if self.status == TaskStatus.EXPIRED or self.enrolment is None:
            return 0
        return self.enrolment.progress

    # The same face as the session requirement's task (modules.awareness.rules), so templates
    # and reports can list both.
    is_session = False

    @property
    def title(self) -> str:
        return self.module.title

    @property
    def url(self) -> str:
        return self.module.url

    @property
    def key(self) -> str:
        return f"module-{self.module.pk}"

    @property
    def completed_on(self) -> date | None:
        if self.status != TaskStatus.COMPLETED or self.enrolment is None:
            return None
        return timezone.localdate(self.enrolment.completed_at)

    @property
    def certificate(self) -> Certificate | None:
        """The certificate of a completion that is still valid (loaded with the enrolment)."""
        if self.status != TaskStatus.COMPLETED or self.enrolment is None:
            return None
        try:
            return self.enrolment.certificate
        except Certificate.DoesNotExist:
            return None


def learning_tasks(*, user: User, today: date) -> list[LearningTask]:
    """The user's mandatory modules first (earliest due first), then the optional ones.

    Four queries, whatever the number of modules, assignments or enrolments.
    """
    assignments = assignments_for_user(user=user)
    open_modules = list(modules_open_to(user=user))
    latest: dict[int, Enrolment] = {}
    enrolments = Enrolment.objects.filter(user=user).select_related("certificate")
    for enrolment in enrolments.order_by("module_id", "cycle"):
        latest[enrolment.module_id] = enrolment

    tasks = mandatory_tasks(
        start_date=user.start_date, assignments=assignments, latest=latest, today=today
    )
    tasks.sort(key=lambda task: (task.due or date.max, task.module.title))
    assigned = {task.module.pk for task in tasks}
    for module in open_modules:
        if module.pk not in assigned:
            tasks.append(_task(module, latest.get(module.pk), None, mandatory=False, today=today))
    return tasks


def mandatory_tasks(
    *,
    start_date: date | None,
    assignments: list[Assignment],
    latest: dict[int, Enrolment],
    today: date,
) -> list[LearningTask]:
    """One person's mandatory modules from the assignments that apply to them. Pure: the
    dashboard and the reports both load the rows in bulk and share these rules.

    Several assignments of one module: the earliest due date counts. A completion with an expiry
    is due again on its expiry date; a renewal round is due when the previous round expired.
    """
    due_by_module: dict[int, date | None] = {}
    modules: dict[int, ModulePage] = {}
    for assignment in assignments:
        modules[assignment.module_id] = assignment.module
        due = due_date_for(
            start_date=start_date,
            due_days_after_start=assignment.due_days_after_start,
            fixed_due_date=assignment.due_date,
        )
        candidates = [d for d in (due, due_by_module.get(assignment.module_id)) if d]
        due_by_module[assignment.module_id] = min(candidates) if candidates else None
    tasks = []
    for module_id, module in modules.items():
        enrolment = latest.get(module_id)
        due = due_by_module[module_id]
        completed = enrolment is not None and enrolment.status == EnrolmentStatus.COMPLETED
        if completed and enrolment.expires_on:
            due = enrolment.expires_on  # renew before the completion expires
        elif enrolment is not None and enrolment.cycle > 1:
            due = enrolment.due_date  # a renewal round is due when the last one expired
        tasks.append(_task(module, enrolment, due, mandatory=True, today=today))
    return tasks


def _task(
    module: ModulePage, enrolment: Enrolment | None, due: date | None, *, mandatory: bool, today
) -> LearningTask:
    status = task_status(
        stored_status=enrolment.status if enrolment else None,
        expires_on=enrolment.expires_on if enrolment else None,
        due=due,
        mandatory=mandatory,
        today=today,
        outdated=enrolment is not None and module.completion_outdated(enrolment),
    )
    return LearningTask(
        module=module, mandatory=mandatory, due=due, enrolment=enrolment, status=status
    )


@dataclass(frozen=True)
class CertificateView:
    """What a certificate says, and whether it is still valid today."""

    certificate: Certificate
    holder: User
    module: ModulePage
    version: int | None
    completed_on: date
    valid: bool
    expires_on: date | None

    @property
    def code(self) -> str:
        return self.certificate.code

    @property
    def holder_initials(self) -> str:
        """Only the initials on the public page: enough to match a paper copy, no more."""
        parts = [self.holder.first_name, *self.holder.last_name.split()]
        return ".".join(part[0].upper() for part in parts if part and part[0].isalpha()) + "."


def certificate_by_code(*, code: str, today: date) -> CertificateView | None:
    """One query. Valid while the round has not expired and its version is not outdated."""
    certificate = (
        Certificate.objects.select_related("enrolment__user", "enrolment__module")
        .filter(code=code)
        .first()
    )
    if certificate is None:
        return None
    enrolment = certificate.enrolment
    module = enrolment.module
    expired = enrolment.expires_on is not None and today >= enrolment.expires_on
    return CertificateView(
        certificate=certificate,
        holder=enrolment.user,
        module=module,
        version=enrolment.completed_version,
        completed_on=timezone.localdate(enrolment.completed_at),
        valid=not expired and not module.completion_outdated(enrolment),
        expires_on=enrolment.expires_on,
    )


def may_download_certificate(*, user: User, certificate: CertificateView) -> bool:
    """The holder, and reporting roles for holders in their scope. A raadslid's certificate is
    the raadslid's own: nobody else may download it."""
    if user.pk == certificate.holder.pk:
        return True
    if certificate.holder.has_role(Role.RAADSLID):
        return False
    return report_scope(user=user).covers(department_id=certificate.holder.department_id)
