"""One serve gate: every page type of the project goes through ``AudienceRestrictedPage``.

The test walks the page types Wagtail knows (``get_page_models``) and fails when one appears
that it does not list, so a new page type cannot skip the gate unnoticed. Every learner page
type is served for real through the test client to: an anonymous visitor (sent to allauth's
login page), a colleague outside the page's audience (404), a medewerker on a council-only page
and a raadslid on a staff-only page (404 both ways), and people in the audience (200). Each
answer is compared with :func:`modules.pages.page_is_open_to`, the same question asked for a
page that is not being served (the document gate relies on it).
"""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, get_page_models

from accounts.models import Audience
from accounts.roles import Role
from home.models import ContentPage, HomePage, ReportingPage
from home.services import reporting_page_create, site_install_home_page
from modules.awareness.models import SessionIndexPage, SessionPage
from modules.awareness.services import registration_create
from modules.council.models import ReflectionPage
from modules.learning.models import LessonPage, ModuleIndexPage, ModulePage
from modules.learning.services import assignment_create
from modules.pages import AudienceRestrictedPage, page_is_open_to
from modules.trends.models import TrendIndexPage, TrendPage
from tests.factories import (
    AudienceFactory,
    DepartmentFactory,
    UserFactory,
    a_session,
    a_trend,
    module_with_lessons,
    reflection_page,
    session_index,
    trend_index,
)
from tests.factories.accounts import role_group

pytestmark = pytest.mark.django_db

# Page types that carry an audience of their own (a lesson: its module's).
AUDIENCE_PAGE_TYPES = [ModulePage, LessonPage, SessionPage, TrendPage, ReflectionPage]
# The overview pages: no audience field, open to everybody who is logged in.
INDEX_PAGE_TYPES = [ModuleIndexPage, SessionIndexPage, TrendIndexPage]
LEARNER_PAGE_TYPES = AUDIENCE_PAGE_TYPES + INDEX_PAGE_TYPES

PUBLIC_PAGE_TYPES = {
    HomePage: "the landing page: what Weerbaar is, the way to log in and to report",
    ReportingPage: (
        "'Signaal melden': how to report must be reachable without an account; the "
        "department contact persons on it are shown to logged-in staff only"
    ),
    ContentPage: "plain statements (accessibility, privacy) that must be readable by anyone",
}


def _project_page_types() -> set[type[Page]]:
    return {model for model in get_page_models() if model._meta.app_label != "wagtailcore"}


def _has_audience_field(model: type[Page]) -> bool:
    return "audience" in {field.name for field in model._meta.get_fields()}


def test_every_page_type_of_the_project_is_known_to_this_test():
    """A new page type must be added here: as a learner page (then it is walked below) or as
    a public one, with the reason."""
    known = set(LEARNER_PAGE_TYPES) | set(PUBLIC_PAGE_TYPES)
    assert _project_page_types() == known


@pytest.mark.parametrize("model", LEARNER_PAGE_TYPES, ids=lambda m: m.__name__)
def test_learner_page_types_use_the_one_gate_and_never_override_serve(model):
    assert issubclass(model, AudienceRestrictedPage)
    assert model.serve is AudienceRestrictedPage.serve
    # The mixin comes before Page, so its serve (not Page.serve) is the one Wagtail calls.
    assert model.__mro__.index(AudienceRestrictedPage) < model.__mro__.index(Page)


@pytest.mark.parametrize("model", AUDIENCE_PAGE_TYPES, ids=lambda m: m.__name__)
def test_audience_page_types_have_an_audience(model):
    source = ModulePage if model is LessonPage else model
    assert _has_audience_field(source)


@pytest.mark.parametrize("model", INDEX_PAGE_TYPES, ids=lambda m: m.__name__)
def test_overview_page_types_have_no_audience(model):
    """If an overview gets an audience, it must move to AUDIENCE_PAGE_TYPES."""
    assert not _has_audience_field(model)


@pytest.mark.parametrize("model", list(PUBLIC_PAGE_TYPES), ids=lambda m: m.__name__)
def test_public_page_types_are_outside_the_gate_and_have_no_audience(model):
    """An audience on a page outside the gate would be ignored when serving (and
    ``page_is_open_to`` treats such a page as closed), so a public type has none."""
    assert not issubclass(model, AudienceRestrictedPage)
    assert not _has_audience_field(model)


# -- Through HTTP --------------------------------------------------------------------------------


@pytest.fixture
def home(db):
    return site_install_home_page(title="Weerbaar", intro="<p>Samen weerbaar.</p>")


@pytest.fixture
def people(home):
    vergunningen = DepartmentFactory(name="Vergunningen")
    return SimpleNamespace(
        department=vergunningen,
        # In the Vergunningen audience and in the staff audience.
        medewerker=UserFactory(roles=[Role.MEDEWERKER], department=vergunningen),
        # A colleague of another department: outside the Vergunningen audience.
        outsider=UserFactory(roles=[Role.MEDEWERKER], department=DepartmentFactory()),
        raadslid=UserFactory(roles=[Role.RAADSLID], department=None),
    )


@pytest.fixture
def audiences(people) -> dict[str, Audience]:
    return {
        "department": AudienceFactory(name="Vergunningen", departments=[people.department]),
        "council": AudienceFactory(name="Raadsleden", roles=[Role.RAADSLID]),
        "staff": AudienceFactory(name="Medewerkers", roles=[Role.MEDEWERKER]),
    }


def _lesson_of(module: ModulePage) -> LessonPage:
    return LessonPage.objects.child_of(module).live().get()


BUILD = {
    ModulePage: lambda audience: module_with_lessons(lessons=1, audience=audience),
    LessonPage: lambda audience: _lesson_of(module_with_lessons(lessons=1, audience=audience)),
    SessionPage: lambda audience: a_session(audience=audience),
    TrendPage: lambda audience: a_trend(audience=audience),
    ReflectionPage: lambda audience: reflection_page(audience=audience),
}

INDEX = {
    ModuleIndexPage: lambda: module_with_lessons(lessons=0).get_parent().specific,
    SessionIndexPage: session_index,
    TrendIndexPage: trend_index,
}

# (the page's audience, who asks, the answer)
AUDIENCE_CASES = [
    ("department", "medewerker", 200),
    ("department", "outsider", 404),
    ("council", "raadslid", 200),
    ("council", "medewerker", 404),  # council-only page refused to staff
    ("council", "outsider", 404),
    ("staff", "medewerker", 200),
    ("staff", "outsider", 200),
    ("staff", "raadslid", 404),  # staff-only page refused to a council member
    ("department", "raadslid", 404),
]


def _serve_as(client, user, page: Page):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(page.url)


def _assert_login_redirect(response, page: Page) -> None:
    assert response.status_code == 302, response.status_code
    assert response["Location"] == f"{reverse('account_login')}?next={page.url}"


def _assert_gate(client, user, page: Page, expected: int) -> None:
    response = _serve_as(client, user, page)
    assert response.status_code == expected, (type(page).__name__, user, expected)
    assert type(page).serve is AudienceRestrictedPage.serve
    fresh = Page.objects.get(pk=page.pk)  # page_is_open_to gets the page as Wagtail lists it
    assert page_is_open_to(user=user, page=fresh) is (expected == 200)


@pytest.mark.parametrize("model", AUDIENCE_PAGE_TYPES, ids=lambda m: m.__name__)
def test_audience_pages_are_served_only_to_their_audience(model, client, people, audiences):
    pages = {name: BUILD[model](audience) for name, audience in audiences.items()}
    for page in pages.values():
        assert type(page) is model
        _assert_login_redirect(_serve_as(client, None, page), page)
    for audience, person, expected in AUDIENCE_CASES:
        _assert_gate(client, getattr(people, person), pages[audience], expected)


@pytest.mark.parametrize("model", INDEX_PAGE_TYPES, ids=lambda m: m.__name__)
def test_overview_pages_are_served_to_everybody_logged_in(model, client, people):
    page = INDEX[model]()
    assert type(page) is model
    _assert_login_redirect(_serve_as(client, None, page), page)
    for person in ("medewerker", "outsider", "raadslid"):
        _assert_gate(client, getattr(people, person), page, 200)


@pytest.mark.parametrize("model", AUDIENCE_PAGE_TYPES, ids=lambda m: m.__name__)
def test_a_page_without_audience_is_for_everybody_logged_in(model, client, people):
    page = BUILD[model](None)
    _assert_login_redirect(_serve_as(client, None, page), page)
    for person in ("medewerker", "outsider", "raadslid"):
        _assert_gate(client, getattr(people, person), page, 200)


@pytest.mark.parametrize("model", AUDIENCE_PAGE_TYPES, ids=lambda m: m.__name__)
def test_an_unpublished_page_is_served_to_nobody(model, client, people, audiences):
    page = BUILD[model](audiences["department"])
    _assert_gate(client, people.medewerker, page, 200)
    page.unpublish()
    page.refresh_from_db()
    assert not page.is_open_to(people.medewerker)
    _assert_gate(client, people.medewerker, page, 404)


def test_an_inactive_person_is_refused_even_in_the_audience(people, audiences):
    page = BUILD[ModulePage](audiences["staff"])
    assert page.is_open_to(people.medewerker)
    people.medewerker.is_active = False
    people.medewerker.save(update_fields=["is_active"])
    assert not page.is_open_to(people.medewerker)
    assert not page_is_open_to(user=people.medewerker, page=page)


@pytest.mark.parametrize("model", list(PUBLIC_PAGE_TYPES), ids=lambda m: m.__name__)
def test_public_pages_are_served_to_anonymous_visitors(model, client, home):
    page = {
        HomePage: lambda: home,
        ReportingPage: lambda: reporting_page_create(
            home=home, title="Signaal melden", slug="melden", intro="<p>x</p>", after_reporting=""
        ),
        ContentPage: lambda: home.add_child(
            instance=ContentPage(title="Toegankelijkheid", slug="toegankelijkheid", body="<p>x</p>")
        ),
    }[model]()
    assert client.get(page.url).status_code == 200


# -- The gate's own exceptions, in the gate -----------------------------------------------------


def test_an_assigned_module_and_its_lessons_open_outside_their_audience(client, people, audiences):
    module = module_with_lessons(lessons=1, audience=audiences["department"])
    lesson = _lesson_of(module)
    _assert_gate(client, people.outsider, module, 404)
    _assert_gate(client, people.outsider, lesson, 404)
    assignment_create(
        module=module,
        audience=audiences["staff"],
        due_date=timezone.localdate() + timedelta(days=30),
    )
    _assert_gate(client, people.outsider, module, 200)
    _assert_gate(client, people.outsider, lesson, 200)
    _assert_gate(client, people.raadslid, module, 404)  # the assignment is not for the council


def test_a_session_stays_open_to_someone_who_holds_a_place_after_moving_out(
    client, people, audiences
):
    session = a_session(audience=audiences["department"])
    registration_create(user=people.medewerker, session=session, now=timezone.now())
    people.medewerker.department = DepartmentFactory()
    people.medewerker.save(update_fields=["department"])
    _assert_gate(client, people.medewerker, session, 200)
    _assert_gate(client, people.outsider, session, 404)


def test_wagtail_privacy_counts_in_page_is_open_to_as_in_serving(client, people):
    """A Wagtail group restriction is checked by Wagtail before the gate; page_is_open_to
    applies it too, so a document on such a page is not open to people outside the group."""
    page = trend_index()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([role_group(Role.RAADSLID)])
    client.force_login(people.medewerker)
    assert client.get(page.url).status_code != 200
    assert not page_is_open_to(user=people.medewerker, page=page)
    _assert_gate(client, people.raadslid, page, 200)


def test_a_live_lesson_of_an_unpublished_module_is_served_to_nobody(client, people):
    """Wagtail routes to a live page under a draft one (it checks only the page itself), and
    unpublishing a module in the admin leaves its lessons live unless the editor ticks "also
    its subpages": the lesson follows its module, as for the audience."""
    module = module_with_lessons(lessons=1)
    lesson = _lesson_of(module)
    _assert_gate(client, people.medewerker, lesson, 200)
    module.unpublish()
    lesson.refresh_from_db()
    assert lesson.live
    _assert_gate(client, people.medewerker, lesson, 404)


def test_a_live_module_under_an_unpublished_overview_is_served_to_nobody(client, people):
    """The gate looks at every page above, not only the module a lesson belongs to."""
    module = module_with_lessons(lessons=1)
    lesson = _lesson_of(module)
    _assert_gate(client, people.medewerker, module, 200)
    Page.objects.get(pk=module.get_parent().pk).specific.unpublish()
    module.refresh_from_db()
    assert module.live
    _assert_gate(client, people.medewerker, module, 404)
    _assert_gate(client, people.medewerker, lesson, 404)


@pytest.mark.parametrize("model", [*LEARNER_PAGE_TYPES, HomePage], ids=lambda m: m.__name__)
def test_wagtail_page_privacy_cannot_be_set_above_or_on_learner_pages(model):
    """The audience is the learner pages' privacy, and the rule every view, listing and search
    checks; Wagtail's page privacy would be a second rule only serving knows."""
    assert model.private_page_options == []
