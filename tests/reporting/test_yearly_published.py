"""The council overview's figures are published figures: two overviews a day apart, or an
overview beside an evidence pack, give no few people's completion, attendance or score back
(20 people with 10 completed, then 21 with 11, says the newcomer completed). What an overview
showed is kept for the next one, once for as long as it shows the same."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from core.dates import add_months
from modules.awareness.models import AttendanceRequirement, SessionKind
from modules.awareness.rules import TITLE as SESSION_TITLE
from modules.goals.evidence import build_pack, read_pack, read_table
from modules.learning.models import Enrolment
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from modules.reporting.evidence import COMPLETIONS
from modules.reporting.models import PublishedCompletion
from modules.reporting.receivers import flush_pending
from modules.reporting.summary import rebuild_all
from modules.reporting.yearly import QUARTER, yearly_overview
from quizzes.models import Theme
from tests.factories import AudienceFactory, DepartmentFactory, a_session, module_with_lessons
from tests.goals.builders import QuizDesk, attend

pytestmark = pytest.mark.django_db

TITLE = "Signalen melden"


def overview():
    return yearly_overview(today=timezone.localdate(), now=timezone.now())


def module_row(result):
    return next(row for row in result.modules if row.module == TITLE)


@pytest.fixture
def melden(make_user):
    """A mandatory module for every medewerker: twenty people in two teams, ten completed."""
    module = module_with_lessons(lessons=1, title=TITLE)
    assignment_create(
        module=module,
        audience=AudienceFactory(roles=[Role.MEDEWERKER]),
        due_date=timezone.localdate() + timedelta(days=20),
    )
    (lesson,) = module_lessons(module=module)
    teams = [DepartmentFactory(name="Team Noord"), DepartmentFactory(name="Team Zuid")]
    for index in range(20):
        user = make_user(department=teams[index % 2], last_name=f"Melder{index}")
        if index < 10:
            lesson_complete(user=user, lesson=lesson)
    flush_pending()
    return {"lesson": lesson, "teams": teams}


def newcomer(make_user, melden, *, completes: bool):
    user = make_user(department=melden["teams"][0])
    if completes:
        lesson_complete(user=user, lesson=melden["lesson"])
    flush_pending()
    return user


def test_two_overviews_a_day_apart_do_not_give_a_newcomer_back(melden, make_user):
    first = module_row(overview())
    assert (first.people, first.completed) == (20, 10)
    newcomer(make_user, melden, completes=True)
    second = module_row(overview())
    # The head count shows; the completions would say that the newcomer completed.
    assert (second.people, second.completed, second.percent_completed) == (21, None, None)
    for _ in range(3):
        newcomer(make_user, melden, completes=False)
    assert module_row(overview()).completed is None  # four since the first overview
    newcomer(make_user, melden, completes=False)
    # Five since the first, one completed: the difference says the other four did not.
    assert module_row(overview()).completed is None
    for completes in (True, True, True, True, False):
        newcomer(make_user, melden, completes=completes)
    shown = module_row(overview())
    assert (shown.people, shown.completed) == (30, 15)


def test_an_overview_is_compared_with_an_earlier_evidence_pack_and_the_other_way(melden, make_user):
    build_pack(exported_by="Test (kernteam)")
    newcomer(make_user, melden, completes=True)
    assert module_row(overview()).completed is None
    # And a pack after an overview that showed the module (ten newcomers since the pack,
    # five completed): one more who completed.
    for completes in (True, True, True, True, False, False, False, False, False):
        newcomer(make_user, melden, completes=completes)
    assert module_row(overview()).completed == 15
    newcomer(make_user, melden, completes=True)
    rows = read_table(read_pack(build_pack(exported_by="Test (kernteam)"))[COMPLETIONS])
    organisation = next(r for r in rows if r["module"] == TITLE and r["niveau"] == "organisatie")
    assert (organisation["afgerond"], organisation["verborgen"]) == ("", "ja")


def test_an_unchanged_overview_is_kept_once(melden, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    assert client.get(reverse("yearly_overview")).status_code == 200
    kept = PublishedCompletion.objects.count()
    assert kept > 0
    assert client.get(reverse("yearly_overview")).status_code == 200
    overview()
    assert PublishedCompletion.objects.count() == kept
    # Members are stored to compare, never shown.
    stored = PublishedCompletion.objects.exclude(members=[]).first()
    page = client.get(reverse("yearly_overview")).content.decode()
    assert stored is not None and str(stored.members) not in page


def test_the_staff_who_attended_are_compared_with_the_last_overview(make_user):
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=timezone.now())
    team = DepartmentFactory(name="Team Oost")
    day = timezone.localdate() - timedelta(days=10)
    for index in range(20):
        user = make_user(department=team)
        if index < 10:
            attend(user, session, day)
    first = overview()
    assert (first.staff, first.attended) == (20, 10)
    attend(make_user(department=team), session, day)
    second = overview()
    assert (second.staff, second.attended, second.percent_attended) == (21, None, None)


def test_a_theme_average_is_compared_with_the_last_overview(make_user):
    desk = QuizDesk()
    team = DepartmentFactory(name="Team West")
    day = timezone.localdate() - timedelta(days=10)
    for index in range(10):
        desk.answered(make_user(department=team), day, [(Theme.FRAUDE, index % 2)])
    (first,) = overview().themes
    assert (first.people, first.average_percent) == (10, 50)
    desk.answered(make_user(department=team), day, [(Theme.FRAUDE, 1)])
    (second,) = overview().themes
    # 11 people at 55%: beside 10 at 50% that is the newcomer's full score.
    assert (second.people, second.average_percent) == (11, None)


def pack_session_row():
    rows = read_table(read_pack(build_pack(exported_by="Test (kernteam)"))[COMPLETIONS])
    row = next(
        r for r in rows if r["module"] == str(SESSION_TITLE) and r["niveau"] == "organisatie"
    )
    return int(row["toegewezen"]), int(row["afgerond"]) if row["afgerond"] else None


def test_the_overview_attendance_is_compared_with_the_packs_yearly_session_task(make_user):
    """The pack's yearly session task and the overview's attendance count the same people
    (found in review: their parts had different names, so they never met)."""
    AttendanceRequirement.objects.update_or_create(defaults={"is_active": True})
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=timezone.now())
    team = DepartmentFactory(name="Team Oost")
    day = timezone.localdate() - timedelta(days=10)
    for index in range(20):
        user = make_user(department=team)
        if index < 10:
            attend(user, session, day)
    rebuild_all()
    assert pack_session_row() == (20, 10)
    attend(make_user(department=team), session, day)
    rebuild_all()
    result = overview()
    assert (result.staff, result.attended) == (21, None)


def test_a_hidden_total_is_hidden_in_the_months_too(make_user, melden):
    """The months' attendances and completed rounds add up to the totals: when the totals
    are hidden beside an earlier overview, the months are hidden as well (found in review)."""
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=timezone.now())
    team = DepartmentFactory(name="Team Oost")
    day = timezone.localdate() - timedelta(days=10)
    for index in range(20):
        user = make_user(department=team)
        if index < 10:
            attend(user, session, day)
    first = overview()
    assert first.attended is not None and any(m.attended for m in first.months)
    attend(make_user(department=team), session, day)
    newcomer(make_user, melden, completes=True)
    second = overview()
    assert second.attended is None and module_row(second).completed is None
    assert [m.attended for m in second.months] == [None] * len(second.months)
    assert [m.completed for m in second.months] == [None] * len(second.months)


def month_row(result, day):
    return next(row for row in result.months if row.month == day.replace(day=1))


def test_a_month_row_that_grew_by_a_few_since_the_last_overview_is_hidden(make_user):
    """A month's attendances are compared by who they counted, like the totals: 20 attended
    this month, then 22 (two more attended since the last overview) says what those two
    did, even where the year's total moved enough to show. And then every month is hidden:
    the total minus the shown months would give that one back (37 attended, 15 in the
    other month: 22 in this one; found in review)."""
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=timezone.now())
    team = DepartmentFactory(name="Team Oost")
    today = timezone.localdate()
    earlier = today.replace(day=1) - timedelta(days=40)  # a month before last
    for index in range(30):
        user = make_user(department=team)
        if index < 20:
            attend(user, session, today)
    for _ in range(10):
        attend(make_user(department=team), session, earlier)
    first = overview()
    assert (month_row(first, today).attended, month_row(first, earlier).attended) == (20, 10)
    # Two more attend this month, and ten more people, five of whom attended in the earlier
    # month: the year's figures changed by twelve people, seven of them attended.
    for _ in range(2):
        attend(make_user(department=team), session, today)
    for index in range(10):
        user = make_user(department=team)
        if index < 5:
            attend(user, session, earlier)
    second = overview()
    assert second.attended == 37
    assert [m.attended for m in second.months] == [None] * len(second.months)
    # The quarter shows the last three of the year's months as the year hides them.
    quarter = yearly_overview(today=today, now=timezone.now(), period=QUARTER)
    assert [(m.month, m.attended) for m in quarter.months] == [
        (m.month, m.attended) for m in overview().months[-3:]
    ]


def test_the_quarter_hides_the_months_the_year_hides(make_user):
    """Attendances of 10 a month, but 3 three months ago and 6 last month: the year hides the 3,
    and the 6 with it (the total minus the shown months would give a 3 back). A quarter that
    hid by its own three months (10, 6, 10: nothing small) would show the 6, and the year's
    hidden 9 minus it gives the 3 back (found in review)."""
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=timezone.now())
    team = DepartmentFactory(name="Team Oost")
    today = timezone.localdate()
    first = add_months(today.replace(day=1), -11)
    per_month = [10] * 8 + [3, 10, 6, 10]
    for offset, count in enumerate(per_month):
        day = today if offset == 11 else add_months(first, offset).replace(day=15)
        for _ in range(count):
            attend(make_user(department=team), session, day)
    for _ in range(10):
        make_user(department=team)
    year = [m.attended for m in overview().months]
    assert year == [10] * 8 + [None, 10, None, 10]
    quarter = yearly_overview(today=today, now=timezone.now(), period=QUARTER)
    assert [m.attended for m in quarter.months] == [10, None, 10]


def test_a_month_of_rounds_hidden_beside_the_last_overview_hides_only_itself(melden, make_user):
    """No total of rounds is shown beside the months, so a month of rounds hidden beside an
    earlier overview hides only itself: the other months stay."""
    today = timezone.localdate()
    earlier = today.replace(day=1) - timedelta(days=40)
    assert month_row(overview(), today).completed == 10
    finished = []
    for index in range(10):
        user = newcomer(make_user, melden, completes=index < 5)
        if index < 5:
            finished.append(user)
    # Three of the five finished in an earlier month: this month counted 10, now 12.
    Enrolment.objects.filter(user__in=finished[:3]).update(
        completed_at=timezone.make_aware(datetime.combine(earlier, time(12)))
    )
    second = overview()
    assert module_row(second).completed == 15
    completed = {m.month: m.completed for m in second.months}
    assert completed.pop(today.replace(day=1)) is None
    assert completed.pop(earlier.replace(day=1)) is None  # three: too few
    assert set(completed.values()) == {0}


def kept(part):
    """Whether the last overview kept ``part`` as hidden."""
    return (
        PublishedCompletion.objects.filter(task=part, is_organisation=True)
        .latest("exported_at")
        .suppressed
    )


def test_a_month_of_a_few_people_is_hidden_whatever_its_rounds(make_user):
    """Three people who each completed two modules in one month made six rounds: still
    three people's figure, so the month is hidden (and kept so)."""
    audience = AudienceFactory(roles=[Role.MEDEWERKER])
    due = timezone.localdate() + timedelta(days=20)
    lessons = []
    for title in ("Signalen melden", "Signalen herkennen"):
        module = module_with_lessons(lessons=1, title=title)
        assignment_create(module=module, audience=audience, due_date=due)
        lessons.extend(module_lessons(module=module))
    team = DepartmentFactory(name="Team Noord")
    people = [make_user(department=team) for _ in range(20)]
    # Ten completed both in an earlier month (so the modules' own figures may be shown),
    # three this month.
    earlier = timezone.localdate().replace(day=1) - timedelta(days=40)
    for user in people[:13]:
        for lesson in lessons:
            lesson_complete(user=user, lesson=lesson)
    Enrolment.objects.filter(user__in=people[3:13]).update(
        completed_at=timezone.make_aware(datetime.combine(earlier, time(12)))
    )
    flush_pending()
    result = overview()
    assert [row.completed for row in result.modules] == [13, 13]
    assert month_row(result, earlier).completed == 20
    this_month = month_row(result, timezone.localdate())
    assert this_month.completed is None
    assert kept(f"maand:afgerond:{this_month.month:%Y-%m}")
