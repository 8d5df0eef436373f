"""Every page that Wagtail serves has a real <title>: "<page title> · Weerbaar" (WCAG 2.4.2).

The walk builds one page of each project page type with the factories and serves it through
the test client to someone who may see it. A new page type fails the first test until it is
added here, so it cannot ship with an empty title. Views that are not Wagtail pages keep the
title their own template gives.
"""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models

from accounts.roles import Role
from home.models import ContentPage, HomePage, ReportingPage
from home.services import reporting_page_create, site_install_home_page
from modules.awareness.models import SessionIndexPage, SessionPage
from modules.council.models import ReflectionPage
from modules.learning.models import LessonPage, ModuleIndexPage, ModulePage
from modules.trends.models import TrendIndexPage, TrendPage
from tests.factories import (
    AudienceFactory,
    UserFactory,
    a_session,
    a_trend,
    module_with_lessons,
    reflection_page,
    session_index,
    trend_index,
)

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def _title_of(response) -> str:
    found = TITLE.findall(response.content.decode())
    assert len(found) == 1, found
    return " ".join(html.unescape(found[0]).split())


@pytest.fixture
def home(db):
    return site_install_home_page(title="Welkom bij Weerbaar", intro="<p>Samen weerbaar.</p>")


def _council_module() -> ModulePage:
    council = AudienceFactory(name="Raadsleden", roles=[Role.RAADSLID])
    return module_with_lessons(lessons=1, title="Ondermijning voor de raad", audience=council)


BUILD = {
    HomePage: lambda home: home,
    ReportingPage: lambda home: reporting_page_create(
        home=home, title="Signaal melden", slug="melden", intro="<p>x</p>", after_reporting=""
    ),
    ContentPage: lambda home: home.add_child(
        instance=ContentPage(title="Toegankelijkheid", slug="toegankelijkheid", body="<p>x</p>")
    ),
    ModuleIndexPage: lambda home: module_with_lessons(lessons=0).get_parent().specific,
    ModulePage: lambda home: module_with_lessons(lessons=1, title="Signalen herkennen"),
    LessonPage: lambda home: LessonPage.objects.child_of(module_with_lessons(lessons=1)).get(),
    SessionIndexPage: lambda home: session_index(),
    SessionPage: lambda home: a_session(title="Casustafel vastgoed"),
    TrendIndexPage: lambda home: trend_index(),
    TrendPage: lambda home: a_trend(title="Flitsbezorgers als dekmantel"),
    ReflectionPage: lambda home: reflection_page(),
}


def test_every_page_type_of_the_project_is_walked():
    project = {model for model in get_page_models() if model._meta.app_label != "wagtailcore"}
    assert project == set(BUILD)


@pytest.mark.parametrize("model", list(BUILD), ids=lambda m: m.__name__)
@pytest.mark.parametrize("role", [Role.MEDEWERKER, Role.RAADSLID])
def test_a_served_page_has_its_own_title(model, role, client, home):
    page = BUILD[model](home)
    assert type(page) is model
    client.force_login(UserFactory(roles=[role]))
    response = client.get(page.url)
    assert response.status_code == 200, (model.__name__, response.status_code)
    assert _title_of(response) == f"{page.title} · Weerbaar"


def test_a_council_module_and_its_lesson_have_their_titles(client, home):
    module = _council_module()
    lesson = LessonPage.objects.child_of(module).get()
    client.force_login(UserFactory(roles=[Role.RAADSLID], department=None))
    for page in (module, lesson):
        response = client.get(page.url)
        assert response.status_code == 200
        assert _title_of(response) == f"{page.title} · Weerbaar"


def test_the_seo_title_wins_over_the_page_title(client, home):
    module = module_with_lessons(lessons=0, title="Signalen herkennen")
    module.seo_title = "Signalen herkennen in je werk"
    module.save_revision().publish()
    client.force_login(UserFactory(roles=[Role.MEDEWERKER]))
    response = client.get(Page.objects.get(pk=module.pk).url)
    assert _title_of(response) == "Signalen herkennen in je werk · Weerbaar"


def test_an_anonymous_visitor_sees_the_public_pages_titled(client, home):
    response = client.get(home.url)
    assert _title_of(response) == "Welkom bij Weerbaar · Weerbaar"


@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        ("my_learning", "Mijn leeromgeving · Weerbaar"),
        ("my_data", "Mijn gegevens · Weerbaar"),
        ("search", "Zoeken · Weerbaar"),
    ],
)
def test_views_that_are_not_pages_keep_their_own_title(url_name, expected, client, home):
    client.force_login(UserFactory(roles=[Role.MEDEWERKER]))
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert _title_of(response) == expected


def test_the_login_page_keeps_its_own_title(client, home):
    response = client.get(reverse("account_login"))
    assert _title_of(response) == "Inloggen · Weerbaar"
