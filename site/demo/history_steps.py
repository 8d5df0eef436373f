"""The demo's history for the goals (issue 19): starters in every month of the last 21, their
onboarding (on time, late, a failed quiz and a retake, a few not finished), leavers, large
bewustwordingssessies across the year with attendance, the definition change of the onboarding
indicator, the kernteam's example targets and the frozen monthly snapshots of the last 18
months, so that every goals chart has something to show that follows from the data.

Every write goes through the apps' services, as the site would make it. The services stamp
what they write with the moment they run, so a ``_backdate_*`` step moves the timestamps of
the rows just written (a round, its lessons and events, the quiz attempts, a registration, an
account) back to the day in the story; a leaver's end date is written as the HR import writes
it (there is no service for one leaver). Those steps are demo-only: the site never rewrites a
timestamp. The months are frozen last, through :func:`modules.goals.services.snapshot_month`
with the moment of freezing on the 1st of the next month, so a frozen figure is the honest
computation of the demo's data as of that month.

The draws come from their own random generator (from the demo's seed), so the rest of the demo
stays what it was for a given seed.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import Department, User
from accounts.services import user_create
from core.dates import add_months
from demo.content.history import (
    DEFINITION_CHANGE_MONTHS_AGO,
    FROZEN_MONTHS,
    HISTORY_SESSION_DAY,
    HISTORY_SESSION_SHARE,
    HISTORY_SESSIONS,
    LATE_DAYS,
    LEAVER_AFTER_MONTHS,
    LEAVER_SHARE,
    ON_TIME_DAYS,
    ONBOARDING_OUTCOMES,
    ONBOARDING_SINCE_MONTHS,
    ONBOARDING_V2_PARAMETERS,
    RETAKE_AFTER_DAYS,
    STARTER_DEPARTMENTS,
    STARTER_LOCAL_PART,
    STARTERS_PER_MONTH,
    TARGETS,
    TEXTS,
)
from demo.content.people import COLLEAGUE_FIRST_NAMES, COLLEAGUE_LAST_NAMES
from demo.content.sessions import REGISTERED_DAYS_BEFORE, SESSION_LOCATION
from demo.session_days import SATURDAY
from modules.awareness.models import Registration, SessionIndexPage, SessionTemplate
from modules.awareness.services import (
    attendance_record,
    registration_create,
    session_create_from_template,
)
from modules.goals.indicators import ONBOARDING, month_start
from modules.goals.models import Indicator
from modules.goals.services import definition_add_version, snapshot_month, target_save
from modules.learning.final_quiz import final_quiz_start, final_quiz_submit
from modules.learning.models import Enrolment, LessonCompletion, ModulePage, ProgressEvent
from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from quizzes.models import Attempt, AttemptItem
from quizzes.selectors import attempt_items

__all__ = ["load_history", "onboarding_since"]


def onboarding_since(today: date) -> date:
    """The first day the onboarding module is mandatory for new employees from (the first of
    the month :data:`ONBOARDING_SINCE_MONTHS` months before the demo's month)."""
    return add_months(month_start(today), -ONBOARDING_SINCE_MONTHS)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _weekday(day: date) -> date:
    """The day itself, or the Monday after a Saturday or a Sunday."""
    if day.weekday() >= SATURDAY:
        day += timedelta(days=7 - day.weekday())
    return day


def load_history(
    *,
    seed: int,
    today: date,
    staff: list[User],
    onboarding: ModulePage,
    departments: dict[str, Department],
    templates: dict[str, SessionTemplate],
    kernteam: User,
    email: Callable[[str], str],
    log: list[str],
) -> None:
    """Build the history (``staff``: the demo's employees so far, to whom the onboarding and
    the sessions apply as well; ``email``: the demo's address for a local part); see the
    module's docstring."""
    rng = random.Random(f"{seed}-history")  # noqa: S311 (repeatable demo data, not security)
    texts = json.loads(TEXTS.read_text(encoding="utf-8"))
    starters = _starters(rng=rng, today=today, departments=departments, email=email)
    since = onboarding_since(today)
    earlier_starters = [
        person
        for person in staff
        if person.start_date is not None
        and since <= person.start_date
        and not Enrolment.objects.filter(user=person, module=onboarding).exists()
        and not person.is_new_employee(today)
    ]
    outcomes = _onboarding(
        rng=rng, today=today, module=onboarding, people=[*starters, *earlier_starters]
    )
    _backdate_recent_rounds(rng=rng, today=today, module=onboarding, people=staff)
    leavers = _leavers(rng=rng, today=today, starters=starters)
    sessions, present = _sessions(
        rng=rng,
        today=today,
        people=[*staff, *starters],
        leavers=leavers,
        templates=templates,
        by=kernteam,
    )
    # Switched off last: a switched-off account can no longer register for a session.
    for person, end_date in leavers.items():
        _record_leaver(person=person, end_date=end_date)
    log.append(
        f"history: {len(starters)} starters over {ONBOARDING_SINCE_MONTHS} months "
        f"({outcomes['late']} late, {outcomes['retake']} after a retake, "
        f"{outcomes['failed'] + outcomes['not_started']} not finished), "
        f"{len(earlier_starters)} earlier employees' onboarding, {len(leavers)} leavers, "
        f"{sessions} bewustwordingssessies with {present} present"
    )
    _definition_change(today=today, texts=texts)
    targets = _targets(today=today, owner=kernteam, rationale=texts["target_rationale"])
    frozen = _freeze_months(today=today)
    log.append(
        f"goals: the onboarding indicator's version 2, {targets} example targets, "
        f"{frozen} frozen months"
    )


# --- people -----------------------------------------------------------------------------------


def _starters(
    *,
    rng: random.Random,
    today: date,
    departments: dict[str, Department],
    email: Callable[[str], str],
) -> list[User]:
    """:data:`STARTERS_PER_MONTH` new employees in every month since the onboarding became
    mandatory, up to the month before the demo's, in the big departments."""
    people = []
    number = 0
    since = onboarding_since(today)
    for months in range(ONBOARDING_SINCE_MONTHS):
        month = add_months(since, months)
        for _index in range(STARTERS_PER_MONTH):
            number += 1
            department = departments[STARTER_DEPARTMENTS[number % len(STARTER_DEPARTMENTS)]]
            first_name = rng.choice(COLLEAGUE_FIRST_NAMES)
            last_name = rng.choice(COLLEAGUE_LAST_NAMES)
            start = _weekday(month + timedelta(days=rng.randint(0, 25)))
            person = user_create(
                email=email(STARTER_LOCAL_PART.format(number=number)),
                first_name=first_name,
                last_name=last_name,
                department=department,
                start_date=start,
                personnel_number=f"{1_000_000 + number}",  # 7 digits: no clash
            )
            people.append(person)
    _backdate_accounts(people=people)
    return people


def _backdate_accounts(*, people: list[User]) -> None:
    """Demo-only: an account is made on the morning of the start date (as the HR import
    makes it), not on the day the demo was loaded."""
    for person in people:
        User.objects.filter(pk=person.pk).update(date_joined=_at(person.start_date, 8))


def _leavers(*, rng: random.Random, today: date, starters: list[User]) -> dict[User, date]:
    """Some starters left again, with an end date in the past: by person, their end date."""
    leavers = {}
    for person in starters:
        if rng.random() >= LEAVER_SHARE:
            continue
        end = add_months(person.start_date, rng.randint(*LEAVER_AFTER_MONTHS))
        if end < today:
            leavers[person] = end
    return leavers


def _record_leaver(*, person: User, end_date: date) -> None:
    """Demo-only: what the HR import (``accounts.staff_import``) writes for someone whose end
    date has passed: the end date, the account switched off by the import."""
    User.objects.filter(pk=person.pk).update(
        end_date=end_date, is_active=False, deactivated_by_import=True
    )
    person.end_date, person.is_active = end_date, False


# --- onboarding -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Moments:
    lessons: datetime
    failed: list[datetime]
    passed: datetime | None


def _onboarding(
    *, rng: random.Random, today: date, module: ModulePage, people: list[User]
) -> dict[str, int]:
    """Each person's onboarding as one of :data:`ONBOARDING_OUTCOMES` (drawn), done through
    the learning services and then moved back to the days after their start date. A moment
    that would fall on or after the demo's day is not reached yet: the person is still busy."""
    lessons = module_lessons(module=module)
    names = [name for name, _weight in ONBOARDING_OUTCOMES]
    weights = [weight for _name, weight in ONBOARDING_OUTCOMES]
    counts = dict.fromkeys(names, 0)
    for person in people:
        outcome = rng.choices(names, weights)[0]
        moments = _moments(rng=rng, outcome=outcome, start=person.start_date)
        if outcome == "not_started" or moments.lessons.date() >= today:
            continue
        counts[outcome] += 1
        for lesson in lessons:
            lesson_complete(user=person, lesson=lesson)
        enrolment = Enrolment.objects.get(user=person, module=module)
        for failed_at in moments.failed:
            if failed_at.date() >= today:
                break
            _take_final_quiz(rng=rng, person=person, module=module, passing=False)
            _backdate_attempt(enrolment=enrolment, submitted=failed_at)
        if moments.passed is not None and moments.passed.date() < today:
            _take_final_quiz(rng=rng, person=person, module=module, passing=True)
            _backdate_attempt(enrolment=enrolment, submitted=moments.passed)
        _backdate_round(enrolment=enrolment, moments=moments, today=today)
    return counts


def _backdate_recent_rounds(
    *, rng: random.Random, today: date, module: ModulePage, people: list[User]
) -> None:
    """Demo-only: the recent starters of ``demo.loader`` who finished the onboarding did so
    when the demo was loaded; for those whose 30 days have passed, move the round (and its
    passed quiz) back to some days after their start date (a few after the 30 days), so the
    last months' figures do not count them all as late."""
    for enrolment in (
        Enrolment.objects.filter(
            module=module, user__in=people, completed_at__gte=_at(today, 0), cycle=1
        )
        .select_related("user")
        .order_by("pk")
    ):
        start = enrolment.user.start_date
        if start is None or start + timedelta(days=30) >= today:
            continue
        outcome = rng.choices(["on_time", "late"], [85, 15])[0]
        moments = _moments(rng=rng, outcome=outcome, start=start)
        if moments.passed.date() >= today:
            continue
        _backdate_attempt(enrolment=enrolment, submitted=moments.passed)
        _backdate_round(enrolment=enrolment, moments=moments, today=today)


def _moments(*, rng: random.Random, outcome: str, start: date) -> _Moments:
    """When the lessons were done and the quiz taken, from the start date (09:00 on)."""
    if outcome == "late":
        done = start + timedelta(days=rng.randint(*LATE_DAYS))
    else:
        done = start + timedelta(days=rng.randint(*ON_TIME_DAYS))
    lessons = _at(done, 9, rng.randint(0, 59))
    quiz = lessons + timedelta(minutes=50)
    if outcome == "retake":
        retake = quiz + timedelta(days=rng.randint(*RETAKE_AFTER_DAYS))
        return _Moments(lessons=lessons, failed=[quiz], passed=retake)
    if outcome == "failed":
        return _Moments(lessons=lessons, failed=[quiz, quiz + timedelta(days=2)], passed=None)
    return _Moments(lessons=lessons, failed=[], passed=quiz)


# How often a simulated learner who passes picks a wrong option (as demo.loader's learners).
WRONG_ANSWER_RATE = 0.2


def _take_final_quiz(
    *, rng: random.Random, person: User, module: ModulePage, passing: bool
) -> None:
    """Start and submit the module's final quiz as a learner who passes (every correct option
    but a wrong one now and then, never so many that the attempt fails) or who fails (half of
    the questions wrong)."""
    attempt = final_quiz_start(user=person, module=module, rng=rng)
    items = attempt_items(attempt=attempt)
    if passing:
        may_miss = len(items) * (100 - attempt.quiz.pass_mark) // 100 - 1
        misses = {index for index in range(len(items)) if rng.random() < WRONG_ANSWER_RATE}
    else:  # half of the questions wrong: below the pass mark
        may_miss = len(items)
        misses = set(rng.sample(range(len(items)), k=len(items) // 2))
    answers = {}
    for index, item in enumerate(items):
        wrong = [option["key"] for option in item.options if not option["correct"]]
        if wrong and index in misses and may_miss > 0:
            may_miss -= 1
            answers[f"q{item.position}"] = [rng.choice(wrong)]
        else:
            answers[f"q{item.position}"] = [o["key"] for o in item.options if o["correct"]]
    final_quiz_submit(user=person, attempt=attempt, data=answers)


def _backdate_attempt(*, enrolment: Enrolment, submitted: datetime) -> None:
    """Demo-only: the attempt just submitted (the round's latest) was taken at ``submitted``
    (started some minutes before), its answers given then; a retake's waiting time then lies
    in the past as well."""
    attempt = Attempt.objects.filter(enrolment=enrolment).order_by("-number").first()
    began = submitted - timedelta(minutes=20)
    Attempt.objects.filter(pk=attempt.pk).update(started_at=began, submitted_at=submitted)
    AttemptItem.objects.filter(attempt=attempt).update(answered_at=submitted)


def _backdate_round(*, enrolment: Enrolment, moments: _Moments, today: date) -> None:
    """Demo-only: the round was begun and its lessons done at ``moments.lessons``, and
    completed when the quiz was passed."""
    Enrolment.objects.filter(pk=enrolment.pk).update(
        created_at=moments.lessons, started_at=moments.lessons
    )
    LessonCompletion.objects.filter(enrolment=enrolment).update(completed_at=moments.lessons)
    ProgressEvent.objects.filter(enrolment=enrolment).exclude(
        kind=ProgressEvent.Kind.MODULE_COMPLETED
    ).update(created_at=moments.lessons)
    if moments.passed is not None and moments.passed.date() < today:
        Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=False).update(
            completed_at=moments.passed
        )
        ProgressEvent.objects.filter(
            enrolment=enrolment, kind=ProgressEvent.Kind.MODULE_COMPLETED
        ).update(created_at=moments.passed)


# --- sessions ---------------------------------------------------------------------------------


def _sessions(
    *,
    rng: random.Random,
    today: date,
    people: list[User],
    leavers: dict[User, date],
    templates: dict[str, SessionTemplate],
    by: User,
) -> tuple[int, int]:
    """The large bewustwordingssessies of :data:`HISTORY_SESSIONS`, at 09:30 around the 10th
    of their month; a share of the people in service some weeks before (and not gone by the
    session: ``leavers`` by end date) registered, and the
    kernteam ticked them off as present. Returns the number of sessions and of people
    present."""
    index = SessionIndexPage.objects.get()
    present_total = 0
    for plan in HISTORY_SESSIONS:
        template = templates[plan["template"]]
        month = add_months(month_start(today), -plan["months_ago"])
        day = _weekday(month.replace(day=HISTORY_SESSION_DAY))
        starts_at = _at(day, 9, 30)
        session = session_create_from_template(
            template=template,
            index=index,
            starts_at=starts_at,
            location=SESSION_LOCATION,
            slug=f"{plan['template']}-{day:%Y-%m}",
        )
        registered_at = starts_at - timedelta(days=REGISTERED_DAYS_BEFORE)
        in_service = [
            person
            for person in people
            if person.start_date is not None
            and person.start_date <= registered_at.date()
            and (person not in leavers or leavers[person] > day)
        ]
        wanted = min(round(HISTORY_SESSION_SHARE * len(in_service)), template.capacity)
        came = rng.sample(in_service, k=wanted)
        for person in came:
            registration_create(user=person, session=session, now=registered_at, notify=False)
        Registration.objects.filter(session=session).update(created_at=registered_at)
        present_total += attendance_record(
            session=session,
            present_user_ids={person.pk for person in came},
            by=by,
            now=starts_at,
        )
    return len(HISTORY_SESSIONS), present_total


# --- goals ------------------------------------------------------------------------------------


def _definition_change(*, today: date, texts: dict) -> None:
    """Version 2 of the onboarding indicator, valid from the first of the month
    :data:`DEFINITION_CHANGE_MONTHS_AGO` months ago: the same rules over another period (the
    code registers version 2 for the same function, ``modules.goals.indicators``)."""
    indicator = Indicator.objects.get(key=ONBOARDING)
    first = indicator.definitions.get(version=1)
    version_two = texts["onboarding_v2"]
    definition_add_version(
        indicator=indicator,
        numerator=version_two["numerator"],
        denominator=version_two["denominator"],
        period=version_two["period"],
        exclusions=version_two["exclusions"],
        parameters={**first.parameters, **ONBOARDING_V2_PARAMETERS},
        valid_from=add_months(month_start(today), -DEFINITION_CHANGE_MONTHS_AGO),
    )


def _targets(*, today: date, owner: User, rationale: str) -> int:
    """The kernteam's example targets: per indicator one per calendar year from the first
    frozen month's year up to the demo's year (:data:`TARGETS`), set by the kernteam member
    who owns them."""
    first_year = add_months(month_start(today), -FROZEN_MONTHS).year
    made = 0
    for indicator in Indicator.objects.filter(key__in=TARGETS):
        values = TARGETS[indicator.key]
        for year in range(first_year, today.year + 1):
            value = values[max(0, len(values) - 1 - (today.year - year))]
            target_save(
                target=None,
                indicator=indicator,
                first_month=date(year, 1, 1),
                last_month=date(year, 12, 1),
                target_value=Decimal(value),
                owner=owner,
                rationale=rationale,
                set_by=owner,
            )
            made += 1
    return made


def _freeze_months(*, today: date) -> int:
    """Freeze each of the last :data:`FROZEN_MONTHS` months as the monthly command would have
    on the 1st of the month after (at 02:00)."""
    this_month = month_start(today)
    for months_ago in range(FROZEN_MONTHS, 0, -1):
        month = add_months(this_month, -months_ago)
        snapshot_month(month=month, now=_at(add_months(month, 1), 2))
    return FROZEN_MONTHS
