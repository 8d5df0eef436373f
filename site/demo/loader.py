"""Demo content for a laptop or a test environment, built only through the apps' services.

What lives where:

* ``site/demo/packs/``: the learning content as content packs (``docs/content-packs.md``): the
  onboarding module with its question pool, the theme module, the council track with its pool
  and the self-reflection, the contact persons' track, the trends with a refresher, and the
  session templates. :func:`load_demo` imports them as the kernteam would import a pack (here
  published at once), so the demo shows exactly what a pack brings.
* ``demo.content``: the rest, as data: ``site.json`` (the texts of the home page, "Signaal
  melden" and the overview pages), ``people`` (departments, demo accounts, names),
  ``sessions`` and ``teamwork`` (which sessions are planned from which template, and the
  contact persons), ``plan`` (what the demo does with the packs' content: assignments, dates).
* this module: :func:`load_demo`, a short sequence of steps. Each step builds one part of the
  site through the apps' typed services (``accounts``, ``home``, ``modules.*``, ``quizzes``,
  ``modules.contentpacks``) and appends a line to the log the command prints.
* ``demo.management.commands.load_demo``: the command (refuses without DEBUG, runs once, builds
  the search index).

History (people who registered for a past session, council members who read last quarter, a
trend published weeks ago) is written through the same services: with an explicit ``now``
where the service takes one, and otherwise by a ``_backdate_*`` step that moves the created
rows' timestamps back afterwards. Those steps are demo-only; the site never rewrites a
timestamp. The goals' history (starters over 21 months, their onboarding, leavers, sessions
across the year, a definition change, example targets and 18 frozen months) is the last step,
``demo.history_steps`` with its data in ``demo.content.history``.

Deterministic for a given ``seed``: the steps draw from one random generator, in a fixed order.
Every account has the password :data:`DEMO_PASSWORD`; the kernteam, leidinggevende, beheer and
griffie accounts also have TOTP with :data:`DEMO_TOTP_SECRET` (printed in the README) so a
tester can log in.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

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
from core.changes import everybody_changed
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
from demo.content.plan import (
    COUNCIL_MODULES,
    COUNCIL_PACK,
    COUNCIL_RECOMMENDATION_NOTE,
    DEMO_PACKS,
    ONBOARDING_ASSIGNMENT,
    ONBOARDING_MODULE,
    ONBOARDING_PACK,
    REFRESHER_DUE_IN_DAYS,
    SESSIONS_PACK,
    THEME_MODULE,
    THEME_MODULE_VTH_DUE_DAYS_AGO,
    THEME_PACK,
    TREND_DATES,
    TRENDS_PACK,
)
from demo.content.sessions import (
    ATTENDANCE_REQUIREMENT,
    DEMO_SESSIONS,
    PAST_SESSION_PRESENT,
    PAST_SESSION_REGISTERED,
    REGISTERED_DAYS_BEFORE,
    SESSION_LOCATION,
)
from demo.content.teamwork import CONTACT_PERSON_AUDIENCE
from demo.history_steps import load_history, onboarding_since
from demo.session_days import session_day
from demo.team_kit_steps import record_team_meetings
from demo.teamwork_steps import load_teamwork
from home.models import HomePage
from home.services import reporting_page_create, reporting_routes_update, site_install_home_page
from modules.awareness.models import Registration, SessionIndexPage, SessionPage, SessionTemplate
from modules.awareness.services import (
    attendance_record,
    attendance_requirement_set,
    registration_create,
    session_create_from_template,
    session_index_create,
)
from modules.contentpacks.format import KIND_MODULE, KIND_SESSION_TEMPLATE, KIND_TREND
from modules.contentpacks.importer import pack_apply, pack_read
from modules.council.selectors import Quarter
from modules.council.services import council_recommendation_set
from modules.learning.final_quiz import final_quiz_start, final_quiz_submit
from modules.learning.models import Enrolment, LessonCompletion, ModuleIndexPage, ModulePage
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete, module_index_create
from modules.reporting.summary import rebuild_all
from modules.trends.models import TrendIndexPage, TrendPage
from modules.trends.services import trend_index_create
from quizzes.selectors import attempt_items

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_EMAIL_DOMAIN",
    "DEMO_PASSWORD",
    "DEMO_TOTP_SECRET",
    "PACKS_DIR",
    "demo_email",
    "demo_is_loaded",
    "load_demo",
]

DEMO_PASSWORD = "Weerbaar-demo-2026"  # noqa: S105 (public demo password)
# Base32; enter it in an authenticator app, or use `oathtool --totp -b <secret>`.
DEMO_TOTP_SECRET = "WEERBAARDEMOTOTPGEHEIMXYZ234567A"  # noqa: S105 (public demo secret)
DEMO_EMAIL_DOMAIN = "weerbaar.test"
PACKS_DIR = Path(__file__).resolve().parent / "packs"
SITE_TEXTS = Path(__file__).resolve().parent / "content" / "site.json"


def demo_email(local_part: str) -> str:
    return f"{local_part}@{DEMO_EMAIL_DOMAIN}"


def demo_is_loaded() -> bool:
    return User.objects.filter(email=demo_email("medewerker")).exists()


@transaction.atomic
def load_demo(*, seed: int = 2026, today: date, history: bool = True) -> list[str]:
    """Build the demo site; returns a log of what was made. Refuses to run twice.

    ``history=False`` leaves out the goals' 21 months of history (the slowest part of a load):
    for tests that need the demo site but not its past."""
    if demo_is_loaded():
        raise RuntimeError("Demo content is already loaded.")
    rng = random.Random(seed)  # noqa: S311 (repeatable demo data, not security)
    log: list[str] = []

    departments = _departments(log=log)
    accounts = _accounts(rng=rng, today=today, departments=departments, log=log)
    audiences = _audiences(departments=departments, log=log)
    home = _pages(log=log)
    content = _content(home=home, log=log)
    learning = _learning(content=content, today=today, all_staff=audiences.all_staff, log=log)
    record_team_meetings(
        onboarding=learning.onboarding,
        theme_module=learning.theme_module,
        manager=accounts["leidinggevende"],
        departments=departments,
        log=log,
    )

    colleagues = _colleagues(rng=rng, today=today, departments=departments, log=log)
    _progress(rng=rng, module=learning.onboarding, people=colleagues)
    past_sessions = _sessions(
        content=content, today=today, people=colleagues, by=accounts["kernteam"], log=log
    )
    _attendance_requirement(today=today, audience=audiences.all_staff, log=log)

    staff = _staff(rng=rng, today=today, departments=departments, log=log)
    _staff_learning(rng=rng, today=today, staff=staff, learning=learning, departments=departments)
    _staff_attendance(rng=rng, staff=staff, past_sessions=past_sessions, by=accounts["kernteam"])

    council_members = [accounts["raadslid"], *_council_members(rng=rng)]
    council_modules = _council_track(content=content)
    _council_progress(rng=rng, today=today, modules=council_modules, members=council_members)
    log.append(
        f"the council track: {len(council_modules)} modules (one recommended, one with a quiz), "
        f"the self-reflection, and {len(council_members)} council members"
    )
    load_teamwork(
        today=today,
        council_members=council_members,
        templates=content.session_templates,
        email=demo_email,
        password=DEMO_PASSWORD,
        log=log,
    )

    trends = _trends(content=content, today=today, audience=audiences.all_staff)
    log.append(f"{len(trends)} trends (one past its review date, one with a mandatory refresher)")
    # Last: the goals' frozen months are computed from everything above.
    if history:
        load_history(
            seed=seed,
            today=today,
            staff=[*colleagues, *staff],
            onboarding=learning.onboarding,
            departments=departments,
            templates=content.session_templates,
            kernteam=accounts["kernteam"],
            email=demo_email,
            log=log,
        )
    # The history above is backdated with queryset updates, which send no signals: the
    # reporting summary is rebuilt from the rows and every cached read is dropped.
    rebuild_all()
    everybody_changed(reason="demo")
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
    # The contact persons' own audience: their track and the casustafel (from the packs) are
    # open to it, so it exists before the packs are imported.
    audience_create(**CONTACT_PERSON_AUDIENCE, roles=[Role.AANDACHTSFUNCTIONARIS])
    log.append("4 audiences")
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


def _site_texts() -> dict:
    """The texts of the site's own pages (``demo/content/site.json``): not learning content, so
    not in a pack, and not in Python either."""
    return json.loads(SITE_TEXTS.read_text(encoding="utf-8"))


def _pages(*, log: list[str]) -> HomePage:
    """The home page, "Signaal melden", the reporting routes (a site setting; the contact per
    department follows with the contact persons) and the overviews of modules, sessions and
    trends, which the packs' pages go under."""
    texts = _site_texts()
    home = site_install_home_page(**texts["home"])
    reporting_page_create(home=home, **texts["reporting_page"])
    routes = texts["reporting_routes"]
    reporting_routes_update(
        kernteam_email=demo_email(routes["kernteam_email_local_part"]),
        kernteam_phone=routes["kernteam_phone"],
        meld_een_vermoeden_instructions=routes["meld_een_vermoeden_instructions"],
        contacts=[],
    )
    module_index_create(parent=home, **texts["module_index"])
    session_index_create(parent=home, **texts["session_index"])
    trend_index_create(parent=home, **texts["trend_index"])
    log.append("home page, 'Signaal melden' page, reporting routes and the three overviews")
    return home


# --- content packs ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Content:
    """What the demo's packs made, by pack key, then (kind, item key)."""

    objects: dict[str, dict[tuple[str, str], object]]

    def module(self, pack: str, key: str) -> ModulePage:
        return self.objects[pack][(KIND_MODULE, key)]

    @property
    def session_templates(self) -> dict[str, SessionTemplate]:
        return {
            key: item
            for (kind, key), item in self.objects[SESSIONS_PACK].items()
            if kind == KIND_SESSION_TEMPLATE
        }

    @property
    def trends(self) -> dict[str, TrendPage]:
        return {
            key: item
            for (kind, key), item in self.objects[TRENDS_PACK].items()
            if kind == KIND_TREND
        }


def _content(*, home: HomePage, log: list[str]) -> _Content:
    """Import every pack of ``site/demo/packs/`` as the kernteam would (the same dry run and
    the same writes), published at once: the demo has no second pair of eyes to review its
    trends, and a demo without published modules shows nothing."""
    module_index = ModuleIndexPage.objects.child_of(home).get()
    trend_index = TrendIndexPage.objects.child_of(home).get()
    objects = {}
    for key in DEMO_PACKS:
        result = pack_apply(
            pack_read(PACKS_DIR / key),
            by=None,
            publish=True,
            module_index=module_index,
            trend_index=trend_index,
        )
        objects[key] = result.objects
    log.append(f"{len(DEMO_PACKS)} content packs from site/demo/packs/: {', '.join(DEMO_PACKS)}")
    return _Content(objects=objects)


# --- modules ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Learning:
    onboarding: ModulePage
    theme_module: ModulePage


def _learning(*, content: _Content, today: date, all_staff: Audience, log: list[str]) -> _Learning:
    """The onboarding module (its final quiz came with its pack) is mandatory for new
    employees who started since it was introduced (``demo.history_steps.onboarding_since``);
    the theme module's assignment follows with the staff."""
    onboarding = content.module(ONBOARDING_PACK, ONBOARDING_MODULE)
    assignment_create(
        module=onboarding,
        audience=all_staff,
        starters_from=onboarding_since(today),
        due_days_after_start=ONBOARDING_ASSIGNMENT["due_days_after_start"],
    )
    log.append("the onboarding module mandatory for new employees")
    return _Learning(onboarding=onboarding, theme_module=content.module(THEME_PACK, THEME_MODULE))


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
    *, content: _Content, today: date, people: list[User], by: User, log: list[str]
) -> list[SessionPage]:
    """The awareness sessions, planned from the pack's templates at 09:30 local time; returns
    the past ones.

    Some of ``people`` registered for each past session and most of them came (recorded by
    ``by``, the kernteam); the nearly full upcoming one has one place left, filled through the
    registration service, which also queues the confirmation emails."""
    index = SessionIndexPage.objects.get()
    templates = content.session_templates
    zone = timezone.get_current_timezone()
    past = []
    for plan in DEMO_SESSIONS:
        template = templates[plan["template"]]
        session = session_create_from_template(
            template=template,
            index=index,
            starts_at=datetime.combine(
                session_day(today=today, days=plan["days"]), time(9, 30), zone
            ),
            location=SESSION_LOCATION,
        )
        if plan["days"] < 0:
            past.append(session)
            registered = people[:PAST_SESSION_REGISTERED]
            _register_for_past_session(session=session, people=registered)
            _record_past_attendance(
                session=session, present=registered[:PAST_SESSION_PRESENT], by=by
            )
        elif plan.get("nearly_full"):
            for person in people[: template.capacity - 1]:
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


def _council_track(*, content: _Content) -> list[ModulePage]:
    """The council track came with its pack (four modules, the pool and the quiz of the third,
    the self-reflection); the griffie recommends the first module."""
    modules = [content.module(COUNCIL_PACK, key) for key in COUNCIL_MODULES]
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


def _trends(*, content: _Content, today: date, audience: Audience) -> list[TrendPage]:
    """The trends came with their pack, published today with a review date counted from the
    import; a trend with a refresher has a refresher module that ``audience`` must do within
    some days. The demo then moves each trend's publication back and gives it its review date
    (one is past it), so the overview, the digest and the review reminders have a history."""
    trends = content.trends
    for key, (published_days_ago, review_in_days) in TREND_DATES.items():
        _backdate_trend(
            trend=trends[key],
            # On the demo's day (a fixed hour), not now: the review interval a pack export
            # computes is then the same whenever the demo was built, midnight included.
            published_at=timezone.make_aware(
                datetime.combine(today - timedelta(days=published_days_ago), time(9, 0))
            ),
            review_by=today + timedelta(days=review_in_days),
        )
    for trend in trends.values():
        if trend.refresher_id is not None:
            assignment_create(
                module=trend.refresher,
                audience=audience,
                due_date=today + timedelta(days=REFRESHER_DUE_IN_DAYS),
            )
    return list(trends.values())


def _backdate_trend(*, trend: TrendPage, published_at: datetime, review_by: date) -> None:
    """Demo-only: a new published revision with the demo's review date (by the system, as the
    import was), then its publication moved back to ``published_at``."""
    trend.review_by = review_by
    trend.save_revision().publish(skip_permission_checks=True)
    TrendPage.objects.filter(pk=trend.pk).update(
        first_published_at=published_at, last_published_at=published_at
    )
