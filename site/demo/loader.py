"""Demo content for a laptop or a test environment, built only through the apps' services.

What lives where:

* ``demo.content``: the content, as data: ``people`` (departments, demo accounts, names),
  ``pages`` (home, "Signaal melden", overview intros), ``sessions``, ``learning`` and
  ``questions`` (the onboarding and theme modules, the final quiz), ``council`` and ``trends``.
  Every quiz draws from its own question pool, and every question names the lesson (or trend)
  that teaches it, so modules and lessons are made before their questions and quizzes.
* this module: :func:`load_demo`, a short sequence of steps. Each step builds one part of the
  site through the apps' typed services (``accounts``, ``home``, ``modules.*``, ``quizzes``)
  and appends a line to the log the command prints.
* ``demo.management.commands.load_demo``: the command (refuses without DEBUG, runs once, builds
  the search index).

History (people who registered for a past session, council members who read last quarter) is
written through the same services: with an explicit ``now`` where the service takes one, and
otherwise by a ``_backdate_*`` step that moves the created rows' timestamps back afterwards.
Those steps are demo-only; the site never rewrites a timestamp.

Deterministic for a given ``seed``: the steps draw from one random generator, in a fixed order.
Every account has the password :data:`DEMO_PASSWORD`; the kernteam, leidinggevende, beheer and
griffie accounts also have TOTP with :data:`DEMO_TOTP_SECRET` (printed in the README) so a
tester can log in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import Audience, Department, User
from accounts.roles import Role
from accounts.services import (
    audience_create,
    department_get_or_create,
    department_set_managers,
    user_activate_totp,
    user_create,
    user_set_hr_role,
)
from demo.content.council import (
    COUNCIL_MODULES,
    COUNCIL_QUIZ,
    COUNCIL_QUIZ_DRAW,
    COUNCIL_QUIZ_MODULE,
    COUNCIL_QUIZ_QUESTIONS,
    COUNCIL_RECOMMENDATION_NOTE,
    REFLECTION_INTRO,
    REFLECTION_PAGE,
    REFLECTION_STATEMENTS,
)
from demo.content.learning import (
    ONBOARDING_ASSIGNMENT,
    ONBOARDING_FINAL_QUIZ,
    ONBOARDING_MODULE,
    THEME_MODULE,
    THEME_MODULE_VTH_DUE_DAYS_AGO,
)
from demo.content.pages import (
    HOME_BODY,
    HOME_INTRO,
    HOME_TITLE,
    MODULE_INDEX,
    REPORTING_CONTACTS,
    REPORTING_KERNTEAM_EMAIL,
    REPORTING_KERNTEAM_PHONE,
    REPORTING_MELD_EEN_VERMOEDEN,
    REPORTING_PAGE,
    SESSION_INDEX,
    TREND_INDEX,
)
from demo.content.people import (
    AUDIENCE_ALL_STAFF,
    AUDIENCE_COUNCIL,
    AUDIENCE_FRONT_OFFICE,
    AUDIENCE_VTH,
    COLLEAGUE_FIRST_NAMES,
    COLLEAGUE_LAST_NAMES,
    DEMO_ACCOUNTS,
    DEPARTMENTS,
    MANAGED_BY_THE_DEMO_MANAGER,
    STAFF_DEPARTMENTS,
    VTH_DEPARTMENT,
)
from demo.content.questions import QUESTION_BANK, QUESTION_POOL_DESCRIPTION
from demo.content.sessions import (
    ATTENDANCE_REQUIREMENT,
    DEMO_SESSIONS,
    PAST_SESSION_PRESENT,
    PAST_SESSION_REGISTERED,
    REGISTERED_DAYS_BEFORE,
    SESSION_LOCATION,
)
from demo.content.trends import (
    DEMO_TRENDS,
    REFRESHER_DUE_IN_DAYS,
    REFRESHER_QUESTIONS,
    refresher_module,
    refresher_pool,
    refresher_quiz,
)
from demo.team_kit_steps import load_team_kits
from demo.teamwork_steps import load_teamwork
from home.models import HomePage
from home.services import reporting_page_create, reporting_routes_update, site_install_home_page
from modules.awareness.models import Registration, SessionPage
from modules.awareness.services import (
    attendance_record,
    attendance_requirement_set,
    registration_create,
    session_create,
    session_index_create,
)
from modules.council.selectors import Quarter
from modules.council.services import council_recommendation_set, reflection_page_create
from modules.learning.final_quiz import final_quiz_start, final_quiz_submit
from modules.learning.models import (
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModuleIndexPage,
    ModulePage,
)
from modules.learning.selectors import module_lessons
from modules.learning.services import (
    assignment_create,
    lesson_complete,
    module_create_with_lessons,
    module_index_create,
    module_set_final_quiz,
)
from modules.trends.services import trend_create, trend_index_create
from quizzes.models import Question, QuestionPool
from quizzes.selectors import attempt_items
from quizzes.services import (
    Draw,
    pool_get_or_create,
    question_create,
    question_set_source,
    quiz_create,
)

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_EMAIL_DOMAIN",
    "DEMO_PASSWORD",
    "DEMO_TOTP_SECRET",
    "demo_email",
    "demo_is_loaded",
    "load_demo",
]

DEMO_PASSWORD = "Weerbaar-demo-2026"  # noqa: S105 (public demo password)
# Base32; enter it in an authenticator app, or use `oathtool --totp -b <secret>`.
DEMO_TOTP_SECRET = "WEERBAARDEMOTOTPGEHEIMXYZ234567A"  # noqa: S105 (public demo secret)
DEMO_EMAIL_DOMAIN = "weerbaar.test"


def demo_email(local_part: str) -> str:
    return f"{local_part}@{DEMO_EMAIL_DOMAIN}"


def demo_is_loaded() -> bool:
    return User.objects.filter(email=demo_email("medewerker")).exists()


@transaction.atomic
def load_demo(*, seed: int = 2026, today: date) -> list[str]:
    """Build the demo site; returns a log of what was made. Refuses to run twice."""
    if demo_is_loaded():
        raise RuntimeError("Demo content is already loaded.")
    rng = random.Random(seed)  # noqa: S311 (repeatable demo data, not security)
    log: list[str] = []

    departments = _departments(log=log)
    accounts = _accounts(rng=rng, today=today, departments=departments, log=log)
    audiences = _audiences(departments=departments, log=log)
    home = _pages(departments=departments, log=log)
    learning = _learning(home=home, today=today, all_staff=audiences.all_staff, log=log)
    load_team_kits(
        onboarding=learning.onboarding,
        theme_module=learning.theme_module,
        manager=accounts["leidinggevende"],
        departments=departments,
        log=log,
    )

    colleagues = _colleagues(rng=rng, today=today, departments=departments, log=log)
    _progress(rng=rng, module=learning.onboarding, people=colleagues)
    past_sessions = _sessions(
        home=home, today=today, people=colleagues, by=accounts["kernteam"], log=log
    )
    _attendance_requirement(today=today, audience=audiences.all_staff, log=log)

    staff = _staff(rng=rng, today=today, departments=departments, log=log)
    _staff_learning(rng=rng, today=today, staff=staff, learning=learning, departments=departments)
    _staff_attendance(rng=rng, staff=staff, past_sessions=past_sessions, by=accounts["kernteam"])

    council_members = [accounts["raadslid"], *_council_members(rng=rng)]
    council_modules = _council_track(index=learning.index, council=audiences.council)
    _council_progress(rng=rng, today=today, modules=council_modules, members=council_members)
    log.append(
        f"the council track: {len(council_modules)} modules (one recommended, one with a quiz), "
        f"the self-reflection, and {len(council_members)} council members"
    )
    load_teamwork(
        today=today,
        council_members=council_members,
        email=demo_email,
        password=DEMO_PASSWORD,
        log=log,
    )

    _trends(home=home, today=today, modules_index=learning.index, audience=audiences.all_staff)
    log.append(
        f"{len(DEMO_TRENDS)} trends (one past its review date, one with a mandatory refresher)"
    )
    return log


# --- accounts ---------------------------------------------------------------------------------


def _departments(*, log: list[str]) -> dict[str, Department]:
    departments = {
        name: department_get_or_create(name=name, code=code) for name, code in DEPARTMENTS
    }
    log.append(f"{len(departments)} departments")
    return departments


def _accounts(
    *, rng: random.Random, today: date, departments: dict[str, Department], log: list[str]
) -> dict[str, User]:
    """The demo accounts one logs in with, by local part; the leidinggevende manages two
    departments."""
    accounts: dict[str, User] = {}
    for account in DEMO_ACCOUNTS:
        days = account.started_days_ago
        user = user_create(
            email=demo_email(account.local_part),
            first_name=account.first_name,
            last_name=account.last_name,
            password=DEMO_PASSWORD,
            department=departments[account.department] if account.department else None,
            start_date=today - timedelta(days=days) if days is not None else None,
            personnel_number=(
                f"{rng.randint(100000, 999999)}" if Role.MEDEWERKER in account.roles else ""
            ),
            roles=account.roles,
        )
        if account.totp:
            user_activate_totp(user=user, secret=DEMO_TOTP_SECRET)
        accounts[account.local_part] = user
    for name in MANAGED_BY_THE_DEMO_MANAGER:
        department_set_managers(department=departments[name], managers=[accounts["leidinggevende"]])
    log.append(f"{len(accounts)} demo accounts")
    return accounts


@dataclass(frozen=True)
class _Audiences:
    all_staff: Audience
    council: Audience


def _audiences(*, departments: dict[str, Department], log: list[str]) -> _Audiences:
    audiences = _Audiences(
        all_staff=audience_create(**AUDIENCE_ALL_STAFF, roles=[Role.MEDEWERKER]),
        council=audience_create(**AUDIENCE_COUNCIL, roles=[Role.RAADSLID]),
    )
    audience_create(
        **AUDIENCE_FRONT_OFFICE,
        roles=[Role.MEDEWERKER],
        departments=[departments[name] for name in MANAGED_BY_THE_DEMO_MANAGER],
    )
    log.append("3 audiences")
    return audiences


def _drawn_name(rng: random.Random) -> tuple[str, str]:
    """A first and last name for a person without login."""
    return rng.choice(COLLEAGUE_FIRST_NAMES), rng.choice(COLLEAGUE_LAST_NAMES)


def _colleagues(
    *, rng: random.Random, today: date, departments: dict[str, Department], log: list[str]
) -> list[User]:
    """18 staff who started in the last half year, in the first six (the big) departments;
    they give the completion reports something to show."""
    big_teams = list(departments.values())[:6]
    people = []
    for number in range(18):
        local_part = f"collega{number + 1:02d}"
        department = big_teams[number % 6]
        first, last = _drawn_name(rng)  # the name first: the seed's data stays the same
        start_date = today - timedelta(days=rng.randint(5, 170))
        people.append(
            user_create(
                email=demo_email(local_part),
                first_name=first,
                last_name=last,
                department=department,
                start_date=start_date,
                personnel_number=f"{rng.randint(100000, 999999)}",
            )
        )
    log.append(f"{len(people)} colleagues without login, with progress for the reports")
    return people


def _staff(
    *, rng: random.Random, today: date, departments: dict[str, Department], log: list[str]
) -> list[User]:
    """200 employees without a password, spread over the departments, about one in seven a
    new starter. The first person of each department without a manager manages it."""
    people = []
    for number in range(200):
        department = departments[STAFF_DEPARTMENTS[number % len(STAFF_DEPARTMENTS)]]
        starter = rng.random() < 0.15
        days = rng.randint(5, 175) if starter else rng.randint(200, 15 * 365)
        first, last = _drawn_name(rng)
        people.append(
            user_create(
                email=demo_email(f"medewerker{number + 1:03d}"),
                first_name=first,
                last_name=last,
                department=department,
                start_date=today - timedelta(days=days),
                personnel_number=f"{500000 + number}",
            )
        )
    for department in departments.values():
        if department.name not in STAFF_DEPARTMENTS or department.managers.exists():
            continue
        manager = next(person for person in people if person.department_id == department.pk)
        user_set_hr_role(user=manager, role=Role.LEIDINGGEVENDE)
        department_set_managers(department=department, managers=[manager])
    log.append(
        f"{len(people)} more employees without login across the departments, with completions, "
        "overdue tasks and attendance for the reports and reminders"
    )
    return people


def _council_members(*, rng: random.Random) -> list[User]:
    """24 council members without a password, so the griffie's aggregates have a group of more
    than five to show."""
    members = []
    for number in range(1, 25):
        first, last = _drawn_name(rng)
        members.append(
            user_create(
                email=demo_email(f"raadslid{number:02d}"),
                first_name=first,
                last_name=last,
                roles=[Role.RAADSLID],
            )
        )
    return members


# --- pages ------------------------------------------------------------------------------------


def _pages(*, departments: dict[str, Department], log: list[str]) -> HomePage:
    """The home page, "Signaal melden" and the reporting routes (site setting)."""
    home = site_install_home_page(title=HOME_TITLE, intro=HOME_INTRO, body=HOME_BODY)
    reporting_page_create(home=home, **REPORTING_PAGE)
    reporting_routes_update(
        kernteam_email=demo_email(REPORTING_KERNTEAM_EMAIL),
        kernteam_phone=REPORTING_KERNTEAM_PHONE,
        meld_een_vermoeden_instructions=REPORTING_MELD_EEN_VERMOEDEN,
        contacts=[
            (departments[department], name, demo_email(local_part))
            for department, name, local_part in REPORTING_CONTACTS
        ],
    )
    log.append("home page, 'Signaal melden' page and reporting routes")
    return home


# --- modules ----------------------------------------------------------------------------------

# The demo's question pools: each quiz draws only from its own, so a council or refresher
# question never lands in a new employee's quiz (a trend's refresher pool is named after it,
# see demo.content.trends.refresher_pool).
ONBOARDING_POOL = "Onboarding"
COUNCIL_POOL = "Raadsleden"


def _questions_create(
    *, contents: list[dict], pool: QuestionPool, lessons: dict[str, LessonPage]
) -> list[Question]:
    """The questions of ``contents`` in ``pool``, each with the lesson that teaches it: its
    ``taught_in`` key is that lesson's slug (and ``source_note`` the block or heading)."""
    questions = []
    for content in contents:
        fields = dict(content)
        slug = fields.pop("taught_in")
        if slug not in lessons:
            raise ValueError(f"{fields['text']}: no lesson {slug!r} teaches this question")
        questions.append(question_create(**fields, pools=[pool], source_page=lessons[slug]))
    return questions


def _lessons_by_slug(modules: list[ModulePage]) -> dict[str, LessonPage]:
    return {lesson.slug: lesson for module in modules for lesson in module_lessons(module=module)}


@dataclass(frozen=True)
class _Learning:
    index: ModuleIndexPage
    onboarding: ModulePage
    theme_module: ModulePage


def _learning(*, home: HomePage, today: date, all_staff: Audience, log: list[str]) -> _Learning:
    """The modules overview, the onboarding module (mandatory for new employees) and the theme
    module; then the onboarding pool, whose questions each name the onboarding lesson that
    teaches them, and the final quiz drawn from it per theme, attached to the module."""
    index = module_index_create(parent=home, **MODULE_INDEX)
    onboarding = module_create_with_lessons(
        index=index, content=ONBOARDING_MODULE, audience=all_staff
    )
    pool = pool_get_or_create(name=ONBOARDING_POOL, description=QUESTION_POOL_DESCRIPTION)
    _questions_create(contents=QUESTION_BANK, pool=pool, lessons=_lessons_by_slug([onboarding]))
    quiz_settings = dict(ONBOARDING_FINAL_QUIZ)
    draw = [
        Draw(pool=pool, theme=theme, count=count)
        for theme, count in quiz_settings.pop("draw").items()
    ]
    module_set_final_quiz(module=onboarding, quiz=quiz_create(**quiz_settings, draw=draw))
    log.append(
        f"{len(QUESTION_BANK)} questions in the pool {ONBOARDING_POOL!r} and the onboarding "
        "module's final quiz"
    )
    assignment_create(
        module=onboarding,
        audience=all_staff,
        starters_from=today - timedelta(days=ONBOARDING_ASSIGNMENT["starters_within_days"]),
        due_days_after_start=ONBOARDING_ASSIGNMENT["due_days_after_start"],
    )
    theme_module = module_create_with_lessons(index=index, content=THEME_MODULE, audience=all_staff)
    log.append("2 modules (onboarding mandatory for new employees) with their lessons")
    return _Learning(index=index, onboarding=onboarding, theme_module=theme_module)


# --- progress ---------------------------------------------------------------------------------


def _progress(*, rng: random.Random, module: ModulePage, people: list[User]) -> None:
    """Some people finished the module (final quiz passed), some are halfway, some have not
    started: through the same services the site uses, so the data is real."""
    lessons = module_lessons(module=module)
    for person in people:
        share = rng.choice([0.0, 0.5, 1.0, 1.0])
        for lesson in lessons[: round(share * len(lessons))]:
            lesson_complete(user=person, lesson=lesson)
        if share == 1:
            _pass_final_quiz(rng=rng, person=person, module=module)


# How often a simulated learner picks a wrong option, so the item analysis has a spread.
DEMO_WRONG_ANSWER_RATE = 0.2


def _pass_final_quiz(*, rng: random.Random, person: User, module: ModulePage) -> None:
    """Start the module's final quiz and submit it as a learner who passes: every correct
    option, except a wrong option now and then (never so many that the attempt fails)."""
    attempt = final_quiz_start(user=person, module=module, rng=rng)
    items = attempt_items(attempt=attempt)
    may_miss = len(items) * (100 - attempt.quiz.pass_mark) // 100 - 1
    answers = {}
    for item in items:
        wrong = [option["key"] for option in item.options if not option["correct"]]
        if may_miss > 0 and wrong and rng.random() < DEMO_WRONG_ANSWER_RATE:
            may_miss -= 1
            answers[f"q{item.position}"] = [rng.choice(wrong)]
        else:
            answers[f"q{item.position}"] = [o["key"] for o in item.options if o["correct"]]
    final_quiz_submit(user=person, attempt=attempt, data=answers)


def _staff_learning(
    *,
    rng: random.Random,
    today: date,
    staff: list[User],
    learning: _Learning,
    departments: dict[str, Department],
) -> None:
    """New starters work on the onboarding module; the theme module is mandatory for VTH and
    was due some days ago, and about 60% of VTH finished it (so some are late)."""
    _progress(
        rng=rng,
        module=learning.onboarding,
        people=[person for person in staff if person.is_new_employee(today)],
    )
    vth = departments[VTH_DEPARTMENT]
    vth_audience = audience_create(**AUDIENCE_VTH, roles=[Role.MEDEWERKER], departments=[vth])
    assignment_create(
        module=learning.theme_module,
        audience=vth_audience,
        due_date=today - timedelta(days=THEME_MODULE_VTH_DUE_DAYS_AGO),
    )
    lessons = module_lessons(module=learning.theme_module)
    for person in staff:
        if person.department_id == vth.pk and rng.random() < 0.6:
            for lesson in lessons:
                lesson_complete(user=person, lesson=lesson)


# --- sessions ---------------------------------------------------------------------------------


def _sessions(
    *, home: HomePage, today: date, people: list[User], by: User, log: list[str]
) -> list[SessionPage]:
    """The sessions overview and its sessions, at 09:30 local time; returns the past ones.

    Some of ``people`` registered for each past session and most of them came (recorded by
    ``by``, the kernteam); the nearly full upcoming one has one place left, filled through the
    registration service, which also queues the confirmation emails."""
    index = session_index_create(parent=home, **SESSION_INDEX)
    zone = timezone.get_current_timezone()
    past = []
    for content in DEMO_SESSIONS:
        starts = datetime.combine(today + timedelta(days=content["days"]), time(9, 30), zone)
        session = session_create(
            index=index,
            title=content["title"],
            theme=content["theme"],
            led_by=content["led_by"],
            capacity=content["capacity"],
            description=content["description"],
            starts_at=starts,
            ends_at=starts + timedelta(hours=2, minutes=30),
            location=SESSION_LOCATION,
        )
        if content["days"] < 0:
            past.append(session)
            registered = people[:PAST_SESSION_REGISTERED]
            _register_for_past_session(session=session, people=registered)
            _record_past_attendance(
                session=session, present=registered[:PAST_SESSION_PRESENT], by=by
            )
        elif content.get("nearly_full"):
            for person in people[: content["capacity"] - 1]:
                registration_create(user=person, session=session, now=timezone.now())
    log.append("5 awareness sessions (3 upcoming, one nearly full; 2 past with attendance)")
    return past


def _register_for_past_session(*, session: SessionPage, people: list[User]) -> None:
    """Register ``people`` as they would have, some weeks before the session: no email now,
    for a session that is over."""
    registered_at = session.starts_at - timedelta(days=REGISTERED_DAYS_BEFORE)
    for person in people:
        registration_create(user=person, session=session, now=registered_at, notify=False)
    _backdate_registrations(session=session, people=people, registered_at=registered_at)


def _backdate_registrations(
    *, session: SessionPage, people: list[User], registered_at: datetime
) -> None:
    """Demo-only: ``created_at`` is set by the database to the moment the row was written; move
    it back to when these people registered for the past session."""
    Registration.objects.filter(session=session, user__in=people).update(created_at=registered_at)


def _record_past_attendance(*, session: SessionPage, present: list[User], by: User) -> None:
    """The kernteam ticks ``present`` on the participant list at the start of the session;
    whoever the list already showed as present stays so."""
    shown = set(
        session.registrations.filter(attended_at__isnull=False).values_list("user_id", flat=True)
    )
    attendance_record(
        session=session,
        present_user_ids=shown | {person.pk for person in present},
        shown_present_ids=shown,
        by=by,
        now=session.starts_at,
    )


def _attendance_requirement(*, today: date, audience: Audience, log: list[str]) -> None:
    """The yearly session requirement for all staff, first due some months from now."""
    attendance_requirement_set(
        is_active=True,
        audience=audience,
        every_months=ATTENDANCE_REQUIREMENT["every_months"],
        new_employees_within_months=ATTENDANCE_REQUIREMENT["new_employees_within_months"],
        first_due_date=today + timedelta(days=ATTENDANCE_REQUIREMENT["first_due_in_days"]),
    )
    log.append("the yearly session requirement: every 12 months, new employees within 6")


def _staff_attendance(
    *, rng: random.Random, staff: list[User], past_sessions: list[SessionPage], by: User
) -> None:
    """About a third of the employees attended one of the past sessions."""
    attendees: dict[SessionPage, list[User]] = {session: [] for session in past_sessions}
    for person in staff:
        if past_sessions and rng.random() < 0.33:
            attendees[rng.choice(past_sessions)].append(person)
    for session, people in attendees.items():
        _register_for_past_session(session=session, people=people)
        _record_past_attendance(session=session, present=people, by=by)


# --- council ----------------------------------------------------------------------------------


def _council_track(*, index: ModuleIndexPage, council: Audience) -> list[ModulePage]:
    """The four council modules, the council pool (each question names the council lesson
    that teaches it) and the quiz drawn from it, attached to one module; the self-reflection,
    and the griffie's recommendation of the first module."""
    modules = [
        module_create_with_lessons(index=index, content=content, audience=council)
        for content in COUNCIL_MODULES
    ]
    pool = pool_get_or_create(name=COUNCIL_POOL, description=COUNCIL_QUIZ["pool_description"])
    _questions_create(contents=COUNCIL_QUIZ_QUESTIONS, pool=pool, lessons=_lessons_by_slug(modules))
    quiz_settings = {key: value for key, value in COUNCIL_QUIZ.items() if key != "pool_description"}
    quiz = quiz_create(**quiz_settings, draw=[Draw(pool=pool, count=COUNCIL_QUIZ_DRAW)])
    module_set_final_quiz(module=modules[COUNCIL_QUIZ_MODULE], quiz=quiz)
    reflection_page_create(
        index=index,
        **REFLECTION_PAGE,
        intro=REFLECTION_INTRO,
        statements=REFLECTION_STATEMENTS,
        audience=council,
    )
    council_recommendation_set(module=modules[0], note=COUNCIL_RECOMMENDATION_NOTE)
    return modules


def _council_progress(
    *, rng: random.Random, today: date, modules: list[ModulePage], members: list[User]
) -> None:
    """Most of the members without login read the first module, some finished the second, so
    the griffie's report shows figures; the demo raadslid (the first) starts with a clean
    slate. The report publishes closed quarters only, so the reading is moved back into the
    previous quarter."""
    previous_quarter = Quarter.containing(today).previous
    _backdate_council_joined(
        members=members,
        joined=_at(previous_quarter.start - timedelta(days=90), time(9)),
    )
    for member in members[1:]:
        shares = (rng.choice([0, 0.5, 1.0]), rng.choice([0, 0, 1.0]))
        for module, share in zip(modules[:2], shares, strict=True):
            lessons = module_lessons(module=module)
            for lesson in lessons[: round(share * len(lessons))]:
                lesson_complete(user=member, lesson=lesson)
        read_on = previous_quarter.start + timedelta(days=rng.randint(5, 80))
        _backdate_reading(member=member, read_at=_at(read_on, time(10)))


def _at(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def _backdate_council_joined(*, members: list[User], joined: datetime) -> None:
    """Demo-only: the council members joined half a year before the previous quarter."""
    User.objects.filter(pk__in=[member.pk for member in members]).update(date_joined=joined)


def _backdate_reading(*, member: User, read_at: datetime) -> None:
    """Demo-only: move what ``lesson_complete`` wrote for ``member`` (their enrolments and
    lesson completions, stamped now) back to ``read_at``."""
    enrolments = Enrolment.objects.filter(user=member)
    LessonCompletion.objects.filter(enrolment__in=enrolments).update(completed_at=read_at)
    enrolments.update(created_at=read_at, started_at=read_at)
    enrolments.filter(completed_at__isnull=False).update(completed_at=read_at)


# --- trends -----------------------------------------------------------------------------------


def _trends(*, home: HomePage, today: date, modules_index: ModuleIndexPage, audience: Audience):
    """The trends overview and its published trends; a trend with refresher questions gets a
    refresher module that ``audience`` must do within some days, whose quiz draws from the
    trend's own pool. A trend needs its refresher when it is made, so the refresher questions
    are made first and get the published trend as their source afterwards."""
    refreshers = {
        slug: _refresher(
            trend=next(trend for trend in DEMO_TRENDS if trend["slug"] == slug),
            questions=questions,
            today=today,
            modules_index=modules_index,
            audience=audience,
        )
        for slug, questions in REFRESHER_QUESTIONS.items()
    }
    index = trend_index_create(parent=home, **TREND_INDEX)
    now = timezone.now()
    for content in DEMO_TRENDS:
        refresher = refreshers.get(content["slug"])
        trend = trend_create(
            index=index,
            content=content,
            review_by=today + timedelta(days=content["review_in_days"]),
            refresher=refresher.module if refresher else None,
            published_at=now - timedelta(days=content["published_days_ago"]),
        )
        for question, question_content in refresher.questions if refresher else ():
            question_set_source(
                question=question,
                source_page=trend,
                source_note=question_content.get("source_note", ""),
            )


@dataclass(frozen=True)
class _Refresher:
    module: ModulePage
    questions: list[tuple[Question, dict]]


def _refresher(
    *,
    trend: dict,
    questions: list[dict],
    today: date,
    modules_index: ModuleIndexPage,
    audience: Audience,
) -> _Refresher:
    """A module with only a short quiz on the trend, drawn from the trend's own pool, assigned
    to ``audience``. The questions get their source once the trend exists."""
    settings = refresher_quiz(trend)
    pool = pool_get_or_create(**refresher_pool(trend))
    made = [
        (question_create(**_without_source(content), pools=[pool]), content)
        for content in questions
    ]
    quiz = quiz_create(
        **{key: value for key, value in settings.items() if key != "draw"},
        draw=[Draw(pool=pool, count=settings["draw"])],
    )
    module = module_create_with_lessons(
        index=modules_index, content=refresher_module(trend), audience=audience, final_quiz=quiz
    )
    assignment_create(
        module=module, audience=audience, due_date=today + timedelta(days=REFRESHER_DUE_IN_DAYS)
    )
    return _Refresher(module=module, questions=made)


def _without_source(content: dict) -> dict:
    return {key: value for key, value in content.items() if key not in ("source_note",)}
