"""The werkoverleg kit of a module over HTTP: who may open it (managers and the kernteam, only
through the module's gate), what it shows on screen, in print and projected, and the form
"Besproken in werkoverleg" (own departments only, no future date or date before the module,
once per day, Dutch errors, nothing saved on an error, post/redirect/get, an audit entry)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditAction, AuditEvent
from accounts.roles import Role
from core.registry import Dashboard
from modules.learning.models import ModulePage, TeamDiscussion
from modules.learning.team_kit import (
    TeamDiscussionRefused,
    kits_open_to,
    module_set_team_kit,
    team_discussion_record,
)
from modules.learning.team_kit_parts import add_team_kits
from tests.factories import AudienceFactory, DepartmentFactory, module_with_lessons

pytestmark = pytest.mark.django_db

KIT = [
    ("text", "<p>Praat tien minuten met elkaar over deze module.</p>"),
    (
        "dilemma",
        {
            "title": "Een bekende aan de balie",
            "situation": "Een oud-klasgenoot vraagt of je zijn aanvraag even voor wilt laten gaan.",
            "question": "Wat doe je?",
            "choices": [
                {"choice": "Ik help hem snel.", "explanation": "Uitleg A: zo ontstaat binding."},
                {
                    "choice": "Ik leg uit dat iedereen op zijn beurt wacht.",
                    "explanation": "Uitleg B: goed, en vertel het je leidinggevende.",
                },
            ],
        },
    ),
    (
        "questions",
        {
            "heading": "Vragen voor het team",
            "questions": ["Herken je dit uit je eigen werk?", "Bij wie kun je terecht?"],
        },
    ),
]


@pytest.fixture
def world(make_user):
    pz, vth = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="VTH")
    module = module_with_lessons(lessons=1, title="Onboarding")
    module = module_set_team_kit(module=module, team_kit=KIT)
    first_published(module, days_ago=400)  # published today; discussions may go back a year
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, department=pz)
    pz.managers.add(manager)
    return {"pz": pz, "vth": vth, "module": module, "manager": manager}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def kit_url(module) -> str:
    return reverse("team_kit", args=[module.pk])


def today():
    return timezone.localdate()


# --- who may open it --------------------------------------------------------------------------


def test_a_manager_and_the_kernteam_open_the_kit_with_every_block(world, kernteam_user):
    for user in (world["manager"], kernteam_user):
        response = client_for(user).get(kit_url(world["module"]))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Een bekende aan de balie" in html
        assert "Ik leg uit dat iedereen op zijn beurt wacht." in html
        assert "Uitleg B: goed" in html  # the explanation, for whoever leads the talk
        assert "Herken je dit uit je eigen werk?" in html
        assert "Praat tien minuten met elkaar" in html
        assert 'name="csrfmiddlewaretoken"' in html


@pytest.mark.parametrize(
    "roles",
    [
        (Role.MEDEWERKER,),
        (Role.RAADSLID,),
        (Role.MEDEWERKER, Role.BEHEER),
        # The role without a department to manage: a kit is for a team.
        (Role.MEDEWERKER, Role.LEIDINGGEVENDE),
    ],
)
def test_other_roles_get_a_404_and_no_link(world, make_user, roles):
    client = client_for(make_user(*roles))
    assert client.get(kit_url(world["module"])).status_code == 404
    assert client.post(kit_url(world["module"]), {}).status_code == 404
    assert TeamDiscussion.objects.count() == 0
    page = client.get(world["module"].url)
    if page.status_code == 200:
        assert kit_url(world["module"]) not in page.content.decode()


def test_anonymous_visitors_go_to_the_login_page(world, client):
    response = client.get(kit_url(world["module"]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_kit_goes_through_the_modules_gate(world, make_user):
    """A manager outside the module's audience, or a withdrawn module: 404 as well."""
    module = world["module"]
    module.audience = AudienceFactory(name="Alleen VTH", departments=[world["vth"]])
    module.save_revision().publish()
    client = client_for(world["manager"])
    assert client.get(kit_url(module)).status_code == 404
    module.audience = None
    module.save_revision().publish()
    assert client.get(kit_url(module)).status_code == 200
    module.unpublish()
    assert client.get(kit_url(module)).status_code == 404


def test_a_module_without_a_kit_has_no_kit_page_and_no_link(world, kernteam_user):
    bare = module_with_lessons(lessons=1, title="Zonder kit")
    client = client_for(kernteam_user)
    assert client.get(kit_url(bare)).status_code == 404
    assert kit_url(bare) not in client.get(bare.url).content.decode()


def test_the_module_page_links_to_the_kit_for_a_manager(world):
    html = client_for(world["manager"]).get(world["module"].url).content.decode()
    assert kit_url(world["module"]) in html


# --- screen, print, projection ----------------------------------------------------------------


def test_print_css_and_a_projection_view_without_javascript(world):
    client = client_for(world["manager"])
    html = client.get(kit_url(world["module"])).content.decode()
    assert "modules/css/team_kit.css" in html
    assert f'href="{kit_url(world["module"])}?weergave=presenteren"' in html
    css = Path(finders.find("modules/css/team_kit.css")).read_text(encoding="utf-8")
    assert "@media print" in css
    print_rules = css.split("@media print", 1)[1]
    assert ".site-header" in print_rules and ".team-kit__record" in print_rules

    projected = client.get(kit_url(world["module"]), {"weergave": "presenteren"})
    text = projected.content.decode()
    assert projected.status_code == 200
    assert "team-kit-page--projection" in text
    assert "Een bekende aan de balie" in text and "Herken je dit uit je eigen werk?" in text
    assert "Uitleg B: goed" not in text  # the team thinks first
    assert 'name="discussed_on"' not in text  # no form on the screen
    assert "<script" not in text


# --- recording --------------------------------------------------------------------------------


def test_a_manager_records_a_discussion_post_redirect_get(world):
    client = client_for(world["manager"])
    day = today() - timedelta(days=2)
    response = client.post(
        kit_url(world["module"]),
        {"department": world["pz"].pk, "discussed_on": day.isoformat()},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{kit_url(world['module'])}#besproken"
    discussion = TeamDiscussion.objects.get()
    assert (discussion.module_id, discussion.department, discussion.discussed_on) == (
        world["module"].pk,
        world["pz"],
        day,
    )
    assert discussion.recorded_by == world["manager"]
    entry = AuditEvent.objects.get(action=AuditAction.TEAM_DISCUSSION_RECORDED)
    assert entry.actor == world["manager"]
    assert entry.details == {
        "module": "Onboarding",
        "department": "Publiekszaken",
        "discussed_on": day.isoformat(),
    }
    page = client.get(response["Location"]).content.decode()
    assert "Vastgelegd" in page  # the message after the redirect
    assert day.strftime("%Y") in page and "Publiekszaken" in page


def test_a_manager_may_record_only_for_their_own_departments(world):
    client = client_for(world["manager"])
    html = client.get(kit_url(world["module"])).content.decode()
    assert "Publiekszaken" in html and "VTH" not in html  # the choice list
    response = client.post(
        kit_url(world["module"]),
        {"department": world["vth"].pk, "discussed_on": today().isoformat()},
    )
    assert response.status_code == 400
    assert "Kies een van je eigen afdelingen." in response.content.decode()
    assert TeamDiscussion.objects.count() == 0
    assert not AuditEvent.objects.filter(action=AuditAction.TEAM_DISCUSSION_RECORDED).exists()


def test_the_kernteam_may_record_for_any_department(world, kernteam_user):
    response = client_for(kernteam_user).post(
        kit_url(world["module"]),
        {"department": world["vth"].pk, "discussed_on": today().isoformat()},
    )
    assert response.status_code == 302
    assert TeamDiscussion.objects.get().department == world["vth"]


def first_published(module: ModulePage, days_ago: int) -> None:
    moment = timezone.make_aware(datetime.combine(today() - timedelta(days=days_ago), time(9)))
    ModulePage.objects.filter(pk=module.pk).update(first_published_at=moment)


@pytest.mark.parametrize(
    ("department", "days_ago", "error"),
    [
        ("", 0, "Kies de afdeling die het werkoverleg had."),
        ("pz", None, "Vul de datum van het werkoverleg in."),
        ("pz", "gisteren", "Vul een echte datum in, bijvoorbeeld 14-03-2026."),
        ("pz", -1, "De datum ligt in de toekomst."),
        ("pz", 31, "De module bestond op die datum nog niet."),
        ("999999", 0, "Kies een van je eigen afdelingen."),
    ],
)
def test_bad_input_gets_a_dutch_error_and_saves_nothing(world, department, days_ago, error):
    first_published(world["module"], days_ago=30)
    if isinstance(days_ago, int):
        day = (today() - timedelta(days=days_ago)).isoformat()
    else:
        day = days_ago or ""
    values = {
        "department": world["pz"].pk if department == "pz" else department,
        "discussed_on": day,
    }
    response = client_for(world["manager"]).post(kit_url(world["module"]), values)
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert 'class="form-field form-field--error"' in html
    assert TeamDiscussion.objects.count() == 0
    assert not AuditEvent.objects.filter(action=AuditAction.TEAM_DISCUSSION_RECORDED).exists()


def test_the_first_day_of_the_module_and_today_are_allowed(world):
    first_published(world["module"], days_ago=30)
    client = client_for(world["manager"])
    for day in (today() - timedelta(days=30), today()):
        response = client.post(
            kit_url(world["module"]), {"department": world["pz"].pk, "discussed_on": day}
        )
        assert response.status_code == 302
    assert TeamDiscussion.objects.count() == 2


def test_the_same_day_twice_is_refused_and_saved_once(world):
    client = client_for(world["manager"])
    data = {"department": world["pz"].pk, "discussed_on": today().isoformat()}
    assert client.post(kit_url(world["module"]), data).status_code == 302
    again = client.post(kit_url(world["module"]), data)
    assert again.status_code == 400
    assert "Dit werkoverleg is al vastgelegd voor deze afdeling." in again.content.decode()
    assert TeamDiscussion.objects.count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.TEAM_DISCUSSION_RECORDED).count() == 1


def test_the_service_checks_the_department_itself(world):
    """Whatever the form offers, the service refuses a department the manager does not
    manage, and an inactive one."""
    with pytest.raises(TeamDiscussionRefused):
        team_discussion_record(
            user=world["manager"],
            module=world["module"],
            department=world["vth"],
            discussed_on=today(),
            today=today(),
        )
    world["pz"].is_active = False
    world["pz"].save()
    with pytest.raises(TeamDiscussionRefused):
        team_discussion_record(
            user=world["manager"],
            module=world["module"],
            department=world["pz"],
            discussed_on=today(),
            today=today(),
        )
    assert TeamDiscussion.objects.count() == 0


def test_a_get_writes_nothing(world):
    client_for(world["manager"]).get(
        kit_url(world["module"]), {"department": world["pz"].pk, "discussed_on": today()}
    )
    assert TeamDiscussion.objects.count() == 0


# --- Mijn leeromgeving ------------------------------------------------------------------------


def test_the_managers_dashboard_links_to_the_kit_with_the_last_date(world, medewerker):
    team_discussion_record(
        user=world["manager"],
        module=world["module"],
        department=world["pz"],
        discussed_on=today() - timedelta(days=3),
        today=today(),
    )
    html = client_for(world["manager"]).get(reverse("my_learning")).content.decode()
    assert kit_url(world["module"]) in html
    assert "Publiekszaken" in html
    assert (today() - timedelta(days=3)).strftime("%Y") in html
    staff_html = client_for(medewerker).get(reverse("my_learning")).content.decode()
    assert kit_url(world["module"]) not in staff_html


@pytest.mark.parametrize("modules", [1, 6])
def test_the_dashboard_part_runs_a_fixed_number_of_queries(
    world, modules, django_assert_max_num_queries
):
    for number in range(modules):
        module_set_team_kit(
            module=module_with_lessons(lessons=0, title=f"Kit {number}"), team_kit=KIT
        )
    dashboard = Dashboard()
    with django_assert_max_num_queries(12):
        add_team_kits(dashboard, user=world["manager"], today=today())
    (section,) = dashboard.sections
    assert section.objects[0]["module"].title == "Onboarding"
    assert len(section.objects) == modules + 1
    assert len(kits_open_to(user=world["manager"])) == modules + 1


def test_the_kit_is_edited_in_the_modules_werkoverleg_panel(world, make_user, mfa_client_for):
    editor = make_user(Role.MEDEWERKER, is_superuser=True)
    client = mfa_client_for(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[world["module"].pk])).content
    html = html.decode()
    assert "Werkoverleg" in html  # the panel's heading
    assert "werkoverleg-kit" in html.lower()  # the field's label
    assert "Herken je dit uit je eigen werk?" in html  # the kit's content, to edit


def test_the_kernteam_removes_a_meeting_recorded_by_mistake(world, kernteam_user, mfa_client_for):
    """Werkoverleggen in the admin: the kernteam sees the meetings and deletes one; it cannot
    add one there (that goes through the kit page's form with its rules)."""
    wrong = team_discussion_record(
        user=world["manager"],
        module=world["module"],
        department=world["pz"],
        discussed_on=today(),
        today=today(),
    )
    client = mfa_client_for(kernteam_user)
    listing = client.get(reverse("wagtailsnippets_modules_teamdiscussion:list"))
    assert listing.status_code == 200
    assert "Publiekszaken" in listing.content.decode()
    add = client.get(reverse("wagtailsnippets_modules_teamdiscussion:add"))
    assert add.status_code in (302, 403)
    delete_url = reverse("wagtailsnippets_modules_teamdiscussion:delete", args=[wrong.pk])
    assert client.post(delete_url).status_code == 302
    assert not TeamDiscussion.objects.exists()


@pytest.mark.parametrize("role", [Role.LEIDINGGEVENDE, Role.BEHEER, Role.GRIFFIE])
def test_other_roles_cannot_reach_the_meetings_in_the_admin(world, make_user, mfa_client_for, role):
    meeting = team_discussion_record(
        user=world["manager"],
        module=world["module"],
        department=world["pz"],
        discussed_on=today(),
        today=today(),
    )
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    listing = client.get(reverse("wagtailsnippets_modules_teamdiscussion:list"))
    assert listing.status_code in (302, 403)
    delete_url = reverse("wagtailsnippets_modules_teamdiscussion:delete", args=[meeting.pk])
    assert client.post(delete_url).status_code in (302, 403)
    assert TeamDiscussion.objects.filter(pk=meeting.pk).exists()


@pytest.mark.parametrize("departments", [1, 12])
def test_the_kit_page_runs_a_fixed_number_of_queries(
    world, kernteam_user, departments, django_assert_max_num_queries
):
    """The kernteam's kit page lists every department with its last meeting: as many queries
    with 1 extra department (and meeting) as with 12."""
    for number in range(departments):
        department = DepartmentFactory(name=f"Afdeling {number:02d}")
        team_discussion_record(
            user=kernteam_user,
            module=world["module"],
            department=department,
            discussed_on=today(),
            today=today(),
        )
    client = client_for(kernteam_user)
    client.get(kit_url(world["module"]))  # warm the session and caches
    with django_assert_max_num_queries(16):
        response = client.get(kit_url(world["module"]))
    assert response.status_code == 200
    assert response.content.decode().count("Afdeling ") >= departments
