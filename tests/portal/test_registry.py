"""Portal gathers the learner's pages through core.registry's hooks: the apps that register a
part are the ones whose sections appear, a newly registered part shows up without touching
portal, and portal imports no feature app."""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from accounts.roles import Role
from core import registry
from home.models import HomePage
from portal.context_processors import header_index_links
from portal.dashboard import dashboard_for
from portal.mydata import my_data
from portal.search import searchable_page_ids
from tests.factories import AudienceFactory, a_trend, module_with_lessons

PORTAL = Path(__file__).resolve().parents[2] / "site" / "portal"
FEATURE_APPS = {
    "modules.learning": "learning",
    "modules.awareness": "awareness",
    "modules.council": "council",
    "modules.trends": "trends",
    "modules.reminders": "reminders",
}


def _apps(hook_name: str) -> list[str]:
    """The apps whose portal_parts register ``hook_name``, in hook order."""
    return [fn.__module__.removesuffix(".portal_parts") for fn in hooks.get_hooks(hook_name)]


def test_each_hook_is_filled_by_the_apps_that_register_it():
    assert _apps(registry.MY_DATA_SECTIONS) == [
        "modules.learning",
        "modules.council",
        "modules.awareness",
        "modules.trends",
        "modules.reminders",
    ]
    assert _apps(registry.SELF_STUDY_DELETE) == [
        "modules.learning",
        "modules.council",
        "modules.trends",
    ]
    assert _apps(registry.SEARCHABLE_PAGES) == ["modules.learning", "modules.trends"]
    assert _apps(registry.DASHBOARD) == [
        "modules.learning",
        "modules.council",
        "modules.awareness",
        "modules.trends",
    ]
    assert _apps(registry.HEADER_LINKS) == ["modules.awareness", "modules.trends"]


def test_the_export_is_the_account_and_the_registered_sections_in_hook_order(make_user):
    user = make_user(Role.RAADSLID)
    keys = [
        section.key
        for contribute in hooks.get_hooks(registry.MY_DATA_SECTIONS)
        for section in contribute(user=user)
    ]
    assert list(my_data(user=user)) == ["account", *keys]
    assert keys == [
        "leermodules",
        "toetsen",
        "keuzes_in_dilemmas",
        "zelfreflecties",
        "bewustwordingssessies",
        "trends_gelezen",
        "wekelijkse_mails",
        "herinneringen",
    ]


def proef_section(*, user):
    return [registry.DataSection(key="proefapp", rows=[{"wie": user.email}], label="Proefrijen")]


def test_a_new_app_adds_its_section_without_touching_portal(make_user, client):
    user = make_user(Role.MEDEWERKER)
    client.force_login(user)
    with hooks.register_temporarily(registry.MY_DATA_SECTIONS, proef_section, order=99):
        data = json.loads(client.get(reverse("my_data_download")).content)
        page = client.get(reverse("my_data")).content.decode()
    assert list(data)[-1] == "proefapp" and data["proefapp"] == [{"wie": user.email}]
    assert "<dt>Proefrijen</dt><dd>1</dd>" in page
    assert "proefapp" not in json.loads(client.get(reverse("my_data_download")).content)


@dataclass(frozen=True)
class ProefTask:
    title: str
    url: str
    due: date | None
    mandatory: bool = True


def test_dashboard_search_and_header_take_what_the_hooks_give(make_user):
    user = make_user(Role.MEDEWERKER)
    today, now = timezone.localdate(), timezone.now()
    module_with_lessons(lessons=1)
    hidden = a_trend(audience=AudienceFactory(roles=[Role.RAADSLID]))  # not for this user
    early = ProefTask(title="Proef", url="/proef/", due=today - timedelta(days=400))

    def dashboard_part(dashboard, *, user, today, now):
        dashboard.mandatory.append(early)

    def searchable(*, user):
        return registry.Searchable(page_ids=[hidden.pk], kinds={})

    def header_links():
        return [registry.IndexLink(name="home_page", model=HomePage, label="Thuis")]

    before = searchable_page_ids(user=user)
    assert hidden.pk not in before
    with (
        hooks.register_temporarily(registry.DASHBOARD, dashboard_part, order=99),
        hooks.register_temporarily(registry.SEARCHABLE_PAGES, searchable, order=99),
        hooks.register_temporarily(registry.HEADER_LINKS, header_links, order=99),
    ):
        dashboard = dashboard_for(user=user, today=today, now=now)
        ids = searchable_page_ids(user=user)
        links = header_index_links()
    assert dashboard.mandatory[0] is early  # sorted by due date with the other apps' tasks
    assert ids == [*before, hidden.pk]
    assert [link.name for link in links] == ["sessions_page", "trends_page", "home_page"]
    assert early not in dashboard_for(user=user, today=today, now=now).mandatory


def test_portal_imports_no_feature_app():
    imported = set()
    for path in PORTAL.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    assert imported  # the walk found the files
    offending = {
        name for name in imported for app in FEATURE_APPS if name == app or name.startswith(app)
    }
    assert offending == set()
