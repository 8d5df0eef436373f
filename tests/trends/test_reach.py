"""Reaching people: trends for the right audience only, "Nieuw" in Mijn leeromgeving, the
weekly digest (never to people who turned it off) and one search box that never shows a page
outside the user's audiences. Pages run a fixed number of queries at 3 or 50 trends."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from modules.learning.selectors import module_lessons
from modules.trends.models import DigestDelivery, TrendView
from modules.trends.services import digest_send, week_start
from tests.factories import AudienceFactory, DepartmentFactory, a_trend, module_with_lessons

pytestmark = pytest.mark.django_db

WORD = "opslagbox"


@pytest.fixture
def world(make_user):
    """Two departments with their own audience, council members, and content for each."""
    vth, pz = DepartmentFactory(name="VTH"), DepartmentFactory(name="Publiekszaken")
    vth_only = AudienceFactory(name="Alleen VTH", departments=[vth])
    council = AudienceFactory(name="Raadsleden", roles=[Role.RAADSLID])
    people = {
        "vth": make_user(Role.MEDEWERKER, department=vth),
        "pz": make_user(Role.MEDEWERKER, department=pz),
        "raadslid": make_user(Role.RAADSLID),
    }
    pages = {
        "trend_all": a_trend(title=f"Trend voor iedereen over de {WORD}", body_text=WORD),
        "trend_vth": a_trend(
            title=f"Trend voor VTH over de {WORD}", audience=vth_only, body_text=WORD
        ),
        "trend_council": a_trend(
            title=f"Trend voor de raad over de {WORD}", audience=council, body_text=WORD
        ),
        "trend_draft": a_trend(title=f"Concept over de {WORD}", live=False, body_text=WORD),
        "module_vth": module_with_lessons(lessons=1, title=f"Module VTH {WORD}", audience=vth_only),
        "module_council": module_with_lessons(
            lessons=1, title=f"Module raad {WORD}", audience=council
        ),
    }
    for key in ("module_vth", "module_council"):
        lesson = module_lessons(module=pages[key])[0]
        lesson.title = f"Les {key} {WORD}"
        lesson.save_revision().publish()
    return {**people, **pages}


VISIBLE = {
    "vth": {"trend_all", "trend_vth", "module_vth", "lesson_module_vth"},
    "pz": {"trend_all"},
    "raadslid": {"trend_all", "trend_council", "module_council", "lesson_module_council"},
}


def page_keys(world, titles: set[str]) -> set[str]:
    keys = set()
    for key, value in world.items():
        if hasattr(value, "title") and value.title in titles:
            keys.add(key)
    for key in ("module_vth", "module_council"):
        if f"Les {key} {WORD}" in titles:
            keys.add(f"lesson_{key}")
    return keys


@pytest.mark.parametrize("who", ["vth", "pz", "raadslid"])
def test_search_never_returns_a_page_outside_the_users_audiences(world, client, who):
    client.force_login(world[who])
    response = client.get(reverse("search"), {"q": WORD})
    assert response.status_code == 200
    titles = {result.page.title for result in response.context["search"].results}
    assert page_keys(world, titles) == VISIBLE[who]


def test_search_without_a_query_shows_the_form_and_anonymous_users_log_in(world, client):
    assert client.get(reverse("search")).status_code == 302
    client.force_login(world["pz"])
    response = client.get(reverse("search"), {"q": "   "})
    assert response.status_code == 200 and response.context["search"].results == []


@pytest.mark.parametrize("who", ["vth", "pz", "raadslid"])
def test_trend_pages_and_the_list_follow_the_audience(world, client, who):
    client.force_login(world[who])
    listed = {
        item.trend.title
        for item in client.get(world["trend_all"].get_parent().url).context["listing"].items
    }
    assert page_keys(world, listed) == {k for k in VISIBLE[who] if k.startswith("trend")}
    for key in ("trend_all", "trend_vth", "trend_council"):
        status = client.get(world[key].url).status_code
        assert status == (200 if key in VISIBLE[who] else 404), key


def test_a_draft_trend_is_not_served(world, client):
    client.force_login(world["vth"])
    assert client.get(f"/trends/{world['trend_draft'].slug}/").status_code == 404


def test_a_new_trend_shows_as_nieuw_only_to_its_audience_until_opened(world, client):
    a_trend(title="Oud nieuws", published_days_ago=45)
    client.force_login(world["vth"])
    dashboard = client.get(reverse("my_learning")).content.decode()
    new_section = dashboard.split('id="new-trends-title"')[1].split("</section>")[0]
    assert world["trend_vth"].title in new_section and world["trend_all"].title in new_section
    assert world["trend_council"].title not in dashboard
    assert "Oud nieuws" not in dashboard

    page = client.get(world["trend_vth"].url)  # only opened: still new
    assert "Ik heb dit gelezen" in page.content.decode()
    dashboard = client.get(reverse("my_learning")).content.decode()
    assert world["trend_vth"].title in dashboard

    response = client.post(world["trend_vth"].url, {"gelezen": "1"})  # marked as read
    assert response.status_code == 302
    assert response["Location"] == world["trend_vth"].url + "#gelezen"
    page = client.get(world["trend_vth"].url).content.decode()
    assert "niet meer nieuw voor je" in page  # the message after marking
    assert "als gelezen gemarkeerd" in page and "Ik heb dit gelezen" not in page
    dashboard = client.get(reverse("my_learning")).content.decode()
    assert world["trend_vth"].title not in dashboard
    assert TrendView.objects.filter(user=world["vth"]).count() == 1

    client.force_login(world["pz"])
    dashboard = client.get(reverse("my_learning")).content.decode()
    assert world["trend_vth"].title not in dashboard and world["trend_all"].title in dashboard


def test_opening_a_trend_writes_nothing(world, client):
    client.force_login(world["vth"])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(world["trend_vth"].url).status_code == 200
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and "django_session" not in q["sql"]  # the login's session, not the trend
    ]
    assert writes == []
    assert not TrendView.objects.exists()


def test_marking_as_read_needs_the_csrf_token_the_button_and_the_audience(world):
    trend = world["trend_vth"]
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world["vth"])
    assert strict.post(trend.url, {"gelezen": "1"}).status_code == 403  # no token
    page = strict.get(trend.url)
    token = page.cookies["csrftoken"].value
    no_button = strict.post(trend.url, {}, HTTP_X_CSRFTOKEN=token)
    assert no_button.status_code == 400
    assert "niet goed verstuurd" in no_button.content.decode()  # a Dutch explanation
    assert not TrendView.objects.exists()
    response = strict.post(trend.url, {"gelezen": "1"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 302
    assert strict.post(trend.url, {"gelezen": "1"}, HTTP_X_CSRFTOKEN=token).status_code == 302
    assert list(TrendView.objects.values_list("user", "trend")) == [(world["vth"].pk, trend.pk)]

    outsider = Client()
    outsider.force_login(world["pz"])  # not in the trend's audience
    assert outsider.post(trend.url, {"gelezen": "1"}).status_code == 404
    assert Client().post(trend.url, {"gelezen": "1"}).status_code == 302  # to the login page
    assert TrendView.objects.count() == 1


def test_the_trend_list_marks_new_trends_in_words(world, client):
    client.force_login(world["pz"])
    html = client.get(world["trend_all"].get_parent().url).content.decode()
    assert '<span class="badge badge--new">Nieuw</span>' in html


def send_digest(capture, day):
    with capture(execute=True):
        return digest_send(today=day)


def test_the_digest_goes_to_each_audience_and_never_to_people_who_turned_it_off(
    world, make_user, client, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    opted_out = make_user(Role.MEDEWERKER, department=world["vth"].department)
    client.force_login(opted_out)
    client.post(reverse("my_data"), {"wekelijkse_mail": "uit"})
    opted_out.refresh_from_db()
    assert not opted_out.wants_trend_digest

    sent = send_digest(django_capture_on_commit_callbacks, today)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert sent == len(mail.outbox) == 3
    assert opted_out.email not in by_recipient
    vth_mail = by_recipient[world["vth"].email].body
    assert world["trend_vth"].title in vth_mail and world["trend_all"].title in vth_mail
    assert world["trend_council"].title not in vth_mail
    assert world["trend_vth"].title not in by_recipient[world["pz"].email].body
    assert "Concept" not in vth_mail
    assert "/mijn-gegevens/" in vth_mail  # how to turn it off

    # Running it again in the same week sends nothing.
    assert send_digest(django_capture_on_commit_callbacks, today) == 0
    assert len(mail.outbox) == 3


def test_no_digest_without_new_trends(make_user, django_capture_on_commit_callbacks):
    make_user(Role.MEDEWERKER)
    a_trend(published_days_ago=20)
    assert send_digest(django_capture_on_commit_callbacks, timezone.localdate()) == 0
    assert mail.outbox == []


def test_turning_the_digest_back_on(client, make_user):
    user = make_user(Role.MEDEWERKER, wants_trend_digest=False)
    client.force_login(user)
    response = client.post(reverse("my_data"), {"wekelijkse_mail": "aan"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.wants_trend_digest


@pytest.mark.parametrize("count", [3, 50])
def test_trend_list_page_and_search_run_a_constant_number_of_queries(
    make_user, client, django_assert_max_num_queries, count
):
    audience = AudienceFactory(roles=[Role.MEDEWERKER])
    trends = [
        a_trend(audience=audience if n % 2 else None, body_text=WORD, published_days_ago=n % 40)
        for n in range(count)
    ]
    user = make_user(Role.MEDEWERKER)
    client.force_login(user)
    index_url = trends[0].get_parent().url
    with django_assert_max_num_queries(18):  # the first request also saves the session
        assert client.get(index_url).status_code == 200
    with django_assert_max_num_queries(21):  # opening it writes nothing (it reads the mark)
        assert client.get(trends[-1].url).status_code == 200
    with django_assert_max_num_queries(18):  # the gate: every page above is live
        response = client.get(reverse("search"), {"q": WORD})
        assert response.status_code == 200
    assert len(response.context["search"].results) == min(count, 20)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("my_learning")).status_code == 200


def test_people_already_recorded_this_week_are_skipped(world, django_capture_on_commit_callbacks):

    today = timezone.localdate()
    # An earlier run (perhaps on another machine) recorded the vth colleague already.
    DigestDelivery.objects.create(user=world["vth"], week_start=week_start(today))
    sent = send_digest(django_capture_on_commit_callbacks, today)
    recipients = [message.to[0] for message in mail.outbox]
    assert world["vth"].email not in recipients
    assert sent == len(recipients) == 2


def test_an_incomplete_digest_form_changes_nothing(client, make_user):
    user = make_user(Role.MEDEWERKER)
    client.force_login(user)
    response = client.post(reverse("my_data"), {}, follow=True)
    assert "Kies ja of nee" in response.content.decode()
    user.refresh_from_db()
    assert user.wants_trend_digest
