"""Demo content for a laptop or a test environment, built through the project's services.

Deterministic for a given ``seed``; later issues add their own steps to :func:`load_demo`.
Every account has the password :data:`DEMO_PASSWORD`; the kernteam and beheer accounts also
have TOTP with :data:`DEMO_TOTP_SECRET` (printed in the README) so a tester can log in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import Department, User
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
    COUNCIL_QUIZ_QUESTIONS,
    REFLECTION_INTRO,
    REFLECTION_STATEMENTS,
)
from demo.content.learning import ONBOARDING_MODULE, THEME_MODULE
from demo.content.questions import QUESTION_BANK
from demo.content.trends import DEMO_TRENDS, REFRESHER_QUESTIONS
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
from modules.learning.models import Enrolment, LessonCompletion, ModulePage
from modules.learning.selectors import module_lessons
from modules.learning.services import (
    assignment_create,
    lesson_complete,
    module_create_with_lessons,
    module_index_create,
)
from modules.trends.services import trend_create, trend_index_create
from quizzes.models import Theme
from quizzes.selectors import attempt_items
from quizzes.services import question_create, quiz_create

DEMO_PASSWORD = "Weerbaar-demo-2026"  # noqa: S105 (public demo password)
# Base32; enter it in an authenticator app, or use `oathtool --totp -b <secret>`.
DEMO_TOTP_SECRET = "WEERBAARDEMOTOTPGEHEIMXYZ234567A"  # noqa: S105 (public demo secret)
DEMO_EMAIL_DOMAIN = "weerbaar.test"

DEPARTMENTS = [
    ("Publiekszaken", "PZ"),
    ("Vergunningen, Toezicht en Handhaving", "VTH"),
    ("Veiligheid", "VEI"),
    ("Wijkmanagement", "WIJK"),
    ("Sociaal Domein", "SD"),
    ("Inkoop en Aanbesteden", "INK"),
    ("Vastgoed en Grondzaken", "VGZ"),
    ("Economie en Ondernemen", "ECO"),
    ("Financiën", "FIN"),
    ("Informatievoorziening", "IV"),
    ("HR", "HR"),
    ("Griffie", "GRIF"),
]


@dataclass(frozen=True)
class DemoAccount:
    local_part: str
    first_name: str
    last_name: str
    roles: tuple[Role, ...]
    department: str | None
    started_days_ago: int | None
    totp: bool = False


DEMO_ACCOUNTS = [
    DemoAccount("nieuw", "Noor", "Bakker", (Role.MEDEWERKER,), "Publiekszaken", 10),
    DemoAccount(
        "medewerker",
        "Mehmet",
        "Yilmaz",
        (Role.MEDEWERKER,),
        "Vergunningen, Toezicht en Handhaving",
        3 * 365,
    ),
    DemoAccount("raadslid", "Ria", "de Graaf", (Role.RAADSLID,), None, None),
    DemoAccount(
        "kernteam", "Karin", "Visser", (Role.MEDEWERKER, Role.KERNTEAM), "Veiligheid", 6 * 365, True
    ),
    DemoAccount(
        "leidinggevende",
        "Lars",
        "Jansen",
        (Role.MEDEWERKER, Role.LEIDINGGEVENDE),
        "Publiekszaken",
        8 * 365,
        True,
    ),
    DemoAccount("beheer", "Bram", "Smit", (Role.MEDEWERKER, Role.BEHEER), "HR", 5 * 365, True),
    DemoAccount("griffie", "Gert", "Hoekstra", (Role.GRIFFIE,), "Griffie", 4 * 365, True),
]

HOME_INTRO = (
    "<p>Criminelen gebruiken gewone bedrijven, diensten en soms ook de gemeente om hun geld "
    "te verdienen of wit te wassen. Dat heet ondermijning. Op Weerbaar leer je hoe je signalen "
    "herkent en waar je ze meldt.</p>"
)
HOME_BODY = (
    "<h2>Wat kun je hier doen?</h2>"
    "<ul>"
    "<li>Nieuwe medewerkers volgen de verplichte module over signalen van ondermijning.</li>"
    "<li>Iedereen meldt zich aan voor de jaarlijkse bewustwordingssessie.</li>"
    "<li>Raadsleden leren in hun eigen tempo hoe ze weerbaar blijven. Wat zij invullen, "
    "ziet niemand anders.</li>"
    "</ul>"
    "<h2>Waarom is dit belangrijk?</h2>"
    "<p>De gemeente geeft vergunningen, subsidies en paspoorten. Ze koopt in en verhuurt "
    "panden. En medewerkers weten dingen die voor criminelen waardevol zijn. Daarom kan "
    "iedere collega een signaal opvangen. Je hoeft niets zeker te weten: twijfel je, meld "
    "het dan.</p>"
)
REPORTING_INTRO = (
    "<p>Zie je iets wat niet klopt? Bijvoorbeeld een aanvraag die vreemd aanvoelt, een bedrijf "
    "zonder klanten dat toch blijft bestaan, of iemand die druk op je zet? Dan is dat misschien "
    "een signaal van ondermijning. Je hoeft het niet te bewijzen. Meld wat je ziet, en ga zelf "
    "niet op onderzoek uit.</p>"
)
REPORTING_AFTER = (
    "<p>Het kernteam ondermijning bekijkt elke melding. Soms is meer informatie nodig; dan "
    "nemen ze contact met je op. Bespreekt het kernteam je melding met partners zoals de "
    "politie of het RIEC, dan gebeurt dat zorgvuldig en vertrouwelijk.</p>"
    "<p>Je hoort niet altijd wat er met je melding gebeurt. Dat betekent niet dat er niets "
    "mee gedaan wordt: een melding is vaak één stukje van een grotere puzzel.</p>"
)


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

    departments: dict[str, Department] = {
        name: department_get_or_create(name=name, code=code) for name, code in DEPARTMENTS
    }
    log.append(f"{len(departments)} departments")

    accounts: dict[str, User] = {}
    for account in DEMO_ACCOUNTS:
        start = (
            today - timedelta(days=account.started_days_ago)
            if account.started_days_ago is not None
            else None
        )
        user = user_create(
            email=demo_email(account.local_part),
            first_name=account.first_name,
            last_name=account.last_name,
            password=DEMO_PASSWORD,
            department=departments[account.department] if account.department else None,
            start_date=start,
            personnel_number=(
                f"{rng.randint(100000, 999999)}" if Role.MEDEWERKER in account.roles else ""
            ),
            roles=account.roles,
        )
        if account.totp:
            user_activate_totp(user=user, secret=DEMO_TOTP_SECRET)
        accounts[account.local_part] = user
    log.append(f"{len(accounts)} demo accounts")

    department_set_managers(
        department=departments["Publiekszaken"], managers=[accounts["leidinggevende"]]
    )
    department_set_managers(
        department=departments["Vergunningen, Toezicht en Handhaving"],
        managers=[accounts["leidinggevende"]],
    )

    all_staff = audience_create(
        name="Alle medewerkers",
        description="Iedereen die bij de gemeente werkt.",
        roles=[Role.MEDEWERKER],
    )
    council = audience_create(
        name="Raadsleden", description="De leden van de gemeenteraad.", roles=[Role.RAADSLID]
    )
    audience_create(
        name="Frontoffice en vergunningen",
        description="Collega's die aanvragen en vergunningen behandelen.",
        roles=[Role.MEDEWERKER],
        departments=[
            departments["Publiekszaken"],
            departments["Vergunningen, Toezicht en Handhaving"],
        ],
    )
    log.append("3 audiences")

    home = site_install_home_page(
        title="Samen weerbaar tegen ondermijning", intro=HOME_INTRO, body=HOME_BODY
    )
    reporting_page_create(
        home=home,
        title="Signaal melden",
        slug="signaal-melden",
        intro=REPORTING_INTRO,
        after_reporting=REPORTING_AFTER,
    )
    reporting_routes_update(
        kernteam_email=f"kernteam-ondermijning@{DEMO_EMAIL_DOMAIN}",
        kernteam_phone="078 770 0000",
        meld_een_vermoeden_instructions=(
            "Open het zaaksysteem, kies 'Nieuwe zaak' en dan 'Meld een Vermoeden'. "
            "Beschrijf wat je zag, waar en wanneer."
        ),
        contacts=[
            (departments["Publiekszaken"], "Pieter de Vries", demo_email("p.devries")),
            (
                departments["Vergunningen, Toezicht en Handhaving"],
                "Fatima el Amrani",
                demo_email("f.elamrani"),
            ),
            (departments["Wijkmanagement"], "Sanne Mulder", demo_email("s.mulder")),
        ],
    )
    log.append("home page, 'Signaal melden' page and reporting routes")

    index = module_index_create(
        parent=home,
        title="Leermodules",
        slug="leermodules",
        intro="<p>Alle modules van Weerbaar. Je eigen modules en je voortgang vind je in "
        "Mijn leeromgeving.</p>",
    )
    for question in QUESTION_BANK:
        question_create(**question)
    final_quiz = quiz_create(
        title="Eindtoets Ondermijning herkennen en melden",
        intro="Twaalf vragen over wat je in de lessen leerde. Je haalt de toets met 70% of meer.",
        pass_mark=70,
        draw={
            Theme.MELDEN: 3,
            Theme.DRUGS: 2,
            Theme.MENSENHANDEL: 2,
            Theme.FRAUDE: 2,
            Theme.KWETSBARE_BEDRIJVEN: 1,
            Theme.EXCESSIEF_GEWELD: 1,
            Theme.BIBOB_INTEGRITEIT: 1,
        },
    )
    log.append(f"{len(QUESTION_BANK)} quiz questions and the onboarding module's final quiz")
    onboarding = module_create_with_lessons(
        index=index, content=ONBOARDING_MODULE, audience=all_staff, final_quiz=final_quiz
    )
    # Mandatory for everyone who started in the last half year: within 30 days of starting.
    assignment_create(
        module=onboarding,
        audience=all_staff,
        starters_from=today - timedelta(days=183),
        due_days_after_start=30,
    )
    module_create_with_lessons(index=index, content=THEME_MODULE, audience=all_staff)
    log.append("2 modules (onboarding mandatory for new employees) with their lessons")

    colleagues = _demo_colleagues(rng=rng, today=today, departments=departments)
    _demo_progress(rng=rng, module=onboarding, people=colleagues)
    log.append(f"{len(colleagues)} colleagues without login, with progress for the reports")

    _demo_sessions(home=home, today=today, people=colleagues, kernteam=accounts["kernteam"])
    attendance_requirement_set(
        is_active=True,
        audience=all_staff,
        every_months=12,
        new_employees_within_months=6,
        first_due_date=today + timedelta(days=90),
    )
    log.append("5 awareness sessions (3 upcoming, one nearly full; 2 past with attendance)")
    log.append("the yearly session requirement: every 12 months, new employees within 6")

    staff = _demo_staff(rng=rng, today=today, departments=departments)
    _demo_staff_progress(
        rng=rng, today=today, staff=staff, onboarding=onboarding, departments=departments
    )
    log.append(
        f"{len(staff)} more employees without login across the departments, with completions, "
        "overdue tasks and attendance for the reports and reminders"
    )

    council_members = [accounts["raadslid"], *_demo_council_members(rng=rng)]
    council_modules = _demo_council_track(index=index, council=council)
    _demo_council_progress(rng=rng, today=today, modules=council_modules, members=council_members)
    log.append(
        f"the council track: {len(council_modules)} modules (one recommended, one with a quiz), "
        f"the self-reflection, and {len(council_members)} council members"
    )

    _demo_trends(home=home, today=today, modules_index=index, audience=all_staff)
    log.append(
        f"{len(DEMO_TRENDS)} trends (one past its review date, one with a mandatory refresher)"
    )
    return log


STAFF_DEPARTMENTS = [name for name, _code in DEPARTMENTS if name != "Griffie"]


def _demo_staff(*, rng: random.Random, today: date, departments: dict) -> list[User]:
    """About 200 employees without a password, spread over the departments, about one in
    seven a new starter. The first person of each department without a manager manages it."""
    people = []
    for number in range(200):
        department = departments[STAFF_DEPARTMENTS[number % len(STAFF_DEPARTMENTS)]]
        starter = rng.random() < 0.15
        days = rng.randint(5, 175) if starter else rng.randint(200, 15 * 365)
        people.append(
            user_create(
                email=demo_email(f"medewerker{number + 1:03d}"),
                first_name=rng.choice(COLLEAGUE_FIRST_NAMES),
                last_name=rng.choice(COLLEAGUE_LAST_NAMES),
                department=department,
                start_date=today - timedelta(days=days),
                personnel_number=f"{500000 + number}",
            )
        )
    for department in departments.values():
        if department.name == "Griffie" or department.managers.exists():
            continue
        manager = next(p for p in people if p.department_id == department.pk)
        user_set_hr_role(user=manager, role=Role.LEIDINGGEVENDE)
        department_set_managers(department=department, managers=[manager])
    return people


def _demo_staff_progress(
    *, rng: random.Random, today: date, staff: list[User], onboarding, departments: dict
) -> None:
    """New starters work on the onboarding module; "Mensenhandel herkennen" is mandatory for
    VTH and was due ten days ago (so some are late); a third attended a past session."""
    starters = [person for person in staff if person.is_new_employee(today)]
    _demo_progress(rng=rng, module=onboarding, people=starters)

    vth = departments["Vergunningen, Toezicht en Handhaving"]
    theme_module = ModulePage.objects.get(slug=THEME_MODULE["slug"])
    vth_audience = audience_create(
        name="Vergunningen, Toezicht en Handhaving",
        description="Iedereen van VTH.",
        roles=[Role.MEDEWERKER],
        departments=[vth],
    )
    assignment_create(
        module=theme_module, audience=vth_audience, due_date=today - timedelta(days=10)
    )
    lessons = module_lessons(module=theme_module)
    for person in staff:
        if person.department_id == vth.pk and rng.random() < 0.6:
            for lesson in lessons:
                lesson_complete(user=person, lesson=lesson)

    past = list(SessionPage.objects.filter(starts_at__lt=timezone.now()).order_by("starts_at"))
    for person in staff:
        if past and rng.random() < 0.33:
            session = rng.choice(past)
            Registration.objects.create(
                session=session,
                user=person,
                status="registered",
                attended_at=session.starts_at,
                attendance_method="kernteam",
            )


def _demo_council_members(*, rng: random.Random) -> list[User]:
    """Council members without a password, so the griffie's aggregates have a group of more
    than five to show."""
    return [
        user_create(
            email=demo_email(f"raadslid{number:02d}"),
            first_name=rng.choice(COLLEAGUE_FIRST_NAMES),
            last_name=rng.choice(COLLEAGUE_LAST_NAMES),
            roles=[Role.RAADSLID],
        )
        for number in range(1, 25)
    ]


def _demo_council_track(*, index, council) -> list:
    """The four council modules (the third with a short quiz), the reflection, and the
    griffie's recommendation of the first module."""
    questions = [question_create(**question) for question in COUNCIL_QUIZ_QUESTIONS]
    quiz = quiz_create(
        title="Toets: beïnvloeding herkennen",
        intro="Zes vragen over beïnvloeding en wat je dan doet. Alleen jij ziet je antwoorden.",
        questions=questions,
        pass_mark=70,
    )
    modules = [
        module_create_with_lessons(
            index=index,
            content=content,
            audience=council,
            final_quiz=quiz if number == 2 else None,
        )
        for number, content in enumerate(COUNCIL_MODULES)
    ]
    reflection_page_create(
        index=index,
        title="Hoe weerbaar ben ik?",
        slug="hoe-weerbaar-ben-ik",
        intro=REFLECTION_INTRO,
        statements=REFLECTION_STATEMENTS,
        audience=council,
    )
    council_recommendation_set(
        module=modules[0], note="Goed om te lezen voor de begrotingsbehandeling."
    )
    return modules


def _demo_council_progress(
    *, rng: random.Random, today: date, modules: list, members: list[User]
) -> None:
    """Most of the (password-less) members read the first module, some finished the second,
    so the griffie's report shows figures; the demo raadslid starts with a clean slate.

    The griffie's report publishes closed quarters only, so these members joined half a year
    ago and did their reading in the previous quarter (timestamps moved back after the
    services wrote them)."""
    previous_quarter = Quarter.containing(today).previous
    joined = timezone.make_aware(
        datetime.combine(previous_quarter.start - timedelta(days=90), time(9))
    )
    others = members[1:]
    User.objects.filter(pk__in=[member.pk for member in members]).update(date_joined=joined)
    for member in others:
        for module, share in zip(
            modules[:2], (rng.choice([0, 0.5, 1.0]), rng.choice([0, 0, 1.0])), strict=True
        ):
            lessons = module_lessons(module=module)
            for lesson in lessons[: round(share * len(lessons))]:
                lesson_complete(user=member, lesson=lesson)
        read_at = timezone.make_aware(
            datetime.combine(previous_quarter.start + timedelta(days=rng.randint(5, 80)), time(10))
        )
        enrolments = Enrolment.objects.filter(user=member)
        LessonCompletion.objects.filter(enrolment__in=enrolments).update(completed_at=read_at)
        enrolments.update(created_at=read_at, started_at=read_at)
        enrolments.filter(completed_at__isnull=False).update(completed_at=read_at)


def _demo_trends(*, home, today: date, modules_index, audience) -> None:
    """Three published trends; the first has a refresher (a module with only a short quiz)
    that all staff must do within 30 days."""
    refreshers = {}
    for slug, questions in REFRESHER_QUESTIONS.items():
        content = next(trend for trend in DEMO_TRENDS if trend["slug"] == slug)
        quiz = quiz_create(
            title=f"Opfrisser: {content['title']}",
            intro="Drie vragen over deze trend.",
            questions=[question_create(**question) for question in questions],
            pass_mark=60,
        )
        refreshers[slug] = module_create_with_lessons(
            index=modules_index,
            content={
                "title": f"Opfrisser: {content['title']}",
                "slug": f"opfrisser-{slug}"[:80],
                "intro": f"<p>{content['summary']} Test in een paar minuten wat je weet.</p>",
                "learning_goals": "Je herkent de signalen van deze trend.\nJe weet wat je doet.",
                "estimated_minutes": 5,
                "lessons": [],
            },
            audience=audience,
            final_quiz=quiz,
        )
        assignment_create(
            module=refreshers[slug], audience=audience, due_date=today + timedelta(days=30)
        )
    index = trend_index_create(
        parent=home,
        title="Trends en signalen",
        slug="trends",
        intro="<p>Wat het kernteam ondermijning nu ziet in Dordrecht en de regio, en waar jij "
        "op let. Elke trend is door twee mensen van het kernteam gecontroleerd.</p>",
    )
    now = timezone.now()
    for content in DEMO_TRENDS:
        trend_create(
            index=index,
            content=content,
            review_by=today + timedelta(days=content["review_in_days"]),
            refresher=refreshers.get(content["slug"]),
            published_at=now - timedelta(days=content["published_days_ago"]),
        )


DEMO_SESSIONS = [
    # (days from today, title, theme, led by, places, description)
    (
        -200,
        "Ondermijning herkennen aan de balie",
        "melden",
        "RIEC en kernteam ondermijning",
        20,
        "<p>Wat zie je aan de balie, en wat doe je ermee? We bespreken echte voorbeelden uit "
        "Dordrecht.</p>",
    ),
    (
        -60,
        "Drugs in het buitengebied",
        "drugs",
        "Politie en kernteam ondermijning",
        15,
        "<p>Hoe herken je drugsafval, opslag en labs? Met een handhaver die het vaak "
        "tegenkomt.</p>",
    ),
    (
        12,
        "Mensenhandel: signalen in je werk",
        "mensenhandel",
        "RIEC",
        12,
        "<p>Uitbuiting zie je niet meteen. We oefenen met situaties uit de praktijk en "
        "bespreken wat je doet bij een vermoeden.</p>",
    ),
    (
        30,
        "Vergunningen, Bibob en integriteit",
        "bibob_integriteit",
        "Kernteam ondermijning",
        25,
        "<p>Waarom zijn vergunningen en subsidies interessant voor criminelen? En hoe helpt de "
        "Wet Bibob?</p>",
    ),
    (
        75,
        "Kwetsbare bedrijven en bedrijventerreinen",
        "kwetsbare_bedrijven",
        "RIEC en kernteam ondermijning",
        20,
        "<p>Over autohandel, opslagboxen en bedrijfsverzamelgebouwen: waar let je op?</p>",
    ),
]


def _demo_sessions(*, home, today: date, people: list[User], kernteam: User) -> None:
    """Sessions at 09:30 local time. Past ones get their participants and attendance directly
    (registration closes when a session starts); upcoming ones are filled through the
    registration service, which also queues the confirmation emails."""
    zone = timezone.get_current_timezone()
    index = session_index_create(
        parent=home,
        title="Bewustwordingssessies",
        slug="bewustwordingssessies",
        intro="<p>Samen met partners zoals het RIEC geeft het kernteam ondermijning sessies "
        "over signalen in je werk. Meld je aan; is een sessie vol, dan kom je op de "
        "wachtlijst.</p>",
    )
    for days, title, theme, led_by, places, description in DEMO_SESSIONS:
        day = today + timedelta(days=days)
        starts = datetime.combine(day, time(9, 30), tzinfo=zone)
        session = session_create(
            index=index,
            title=title,
            theme=theme,
            led_by=led_by,
            capacity=places,
            description=description,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2, minutes=30),
            location="Stadskantoor, zaal 3",
        )
        if days < 0:
            for person in people[:10]:
                Registration.objects.create(session=session, user=person, status="registered")
            attendance_record(
                session=session,
                present_user_ids={person.pk for person in people[:8]},
                by=kernteam,
                now=starts,
            )
        elif places == 12:  # the nearly full one
            for person in people[:11]:
                registration_create(user=person, session=session, now=timezone.now())


COLLEAGUE_FIRST_NAMES = [
    "Anouk", "Bilal", "Chantal", "Daan", "Esra", "Finn", "Gerda", "Hamza", "Ilse", "Jeroen",
    "Kim", "Luuk", "Mila", "Nadia", "Olaf", "Priya", "Quinten", "Roos", "Sem", "Tamara",
]  # fmt: skip
COLLEAGUE_LAST_NAMES = [
    "de Vries", "van Dijk", "Bos", "Mulder", "El Amrani", "Hendriks", "Kok", "Peters",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Öztürk", "Vos", "Meijer", "Koster",
]  # fmt: skip


def _demo_colleagues(*, rng: random.Random, today: date, departments: dict) -> list[User]:
    """Staff who started in the last half year, spread over the departments. They have no
    password (they cannot log in); they give the completion reports something to show."""
    people = []
    for number in range(18):
        department = list(departments.values())[number % 6]  # the first six: the big teams
        people.append(
            user_create(
                email=demo_email(f"collega{number + 1:02d}"),
                first_name=rng.choice(COLLEAGUE_FIRST_NAMES),
                last_name=rng.choice(COLLEAGUE_LAST_NAMES),
                department=department,
                start_date=today - timedelta(days=rng.randint(5, 170)),
                personnel_number=f"{rng.randint(100000, 999999)}",
            )
        )
    return people


def _demo_progress(*, rng: random.Random, module, people: list[User]) -> None:
    """Some colleagues finished the onboarding module (quiz passed), some are halfway, some
    have not started: through the same services the site uses, so the data is real."""
    lessons = module_lessons(module=module)
    for person in people:
        share = rng.choice([0.0, 0.5, 1.0, 1.0])
        for lesson in lessons[: round(share * len(lessons))]:
            lesson_complete(user=person, lesson=lesson)
        if share < 1:
            continue
        attempt = final_quiz_start(user=person, module=module, rng=rng)
        items = attempt_items(attempt=attempt)
        answers = {
            f"q{item.position}": [option["key"] for option in item.options if option["correct"]]
            for item in items
        }
        final_quiz_submit(user=person, attempt=attempt, data=answers)
