"""Sessions over real HTTP: overview, session page, register, cancel, check in; who may what."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from modules.awareness.models import Registration
from tests.factories import AudienceFactory, a_session, session_index

pytestmark = pytest.mark.django_db


def test_overview_lists_upcoming_sessions_with_free_places_and_archives_past_ones(
    client, medewerker
):
    # A staff-only audience: sessions open to raadsleden show no numbers (privacy rule).
    staff = AudienceFactory(name="Medewerkers", roles=[Role.MEDEWERKER])
    soon = a_session(title="Drugs in het buitengebied", capacity=3, theme="drugs", audience=staff)
    full = a_session(title="Mensenhandel herkennen", capacity=1, theme="mensenhandel")
    Registration.objects.create(session=full, user=medewerker, status="registered")
    past = a_session(
        title="Vorig jaar",
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30) + timedelta(hours=2),
    )
    client.force_login(medewerker)
    html = client.get(session_index().url).content.decode()
    upcoming, archive = html.split("Eerdere sessies")
    assert soon.title in upcoming and "3 plaatsen vrij" in upcoming
    assert full.title in upcoming and "Vol: meld je aan voor de wachtlijst" in upcoming
    assert "Je bent aangemeld" in upcoming
    assert past.title in archive and past.title not in upcoming

    filtered = client.get(session_index().url, {"thema": "mensenhandel"}).content.decode()
    assert full.title in filtered and soon.title not in filtered


def test_register_and_cancel_through_the_session_page(client, medewerker):
    staff = AudienceFactory(name="Medewerkers", roles=[Role.MEDEWERKER])  # numbers shown
    session = a_session(capacity=2, audience=staff)
    client.force_login(medewerker)
    html = client.get(session.url).content.decode()
    assert "2 van 2 vrij" in html
    with TestCaseCommit():
        response = client.post(reverse("session_register", args=[session.pk]))
    assert response.status_code == 302 and response["Location"] == session.url
    assert Registration.objects.get(user=medewerker).status == "registered"
    assert len(mail.outbox) == 1
    page = client.get(session.url).content.decode()
    assert "Je bent aangemeld voor deze sessie." in page and "Afmelden" in page

    dashboard = client.get(reverse("my_learning")).content.decode()
    assert session.title in dashboard

    response = client.post(reverse("session_cancel", args=[session.pk]), {"terug": "dashboard"})
    assert response["Location"] == reverse("my_learning")
    assert Registration.objects.get(user=medewerker).status == "cancelled"


def test_a_session_outside_the_audience_is_not_found(client, make_user):
    session = a_session(audience=AudienceFactory(roles=[Role.RAADSLID]))
    client.force_login(make_user(Role.MEDEWERKER))
    assert client.get(session.url).status_code == 404
    assert client.post(reverse("session_register", args=[session.pk])).status_code == 404
    assert not Registration.objects.exists()
    assert session.title not in client.get(session_index().url).content.decode()


def test_anonymous_visitors_are_sent_to_login(client):
    session = a_session()
    for url in (session.url, session_index().url):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(reverse("session_register", args=[session.pk]))
    assert response.status_code == 302 and not Registration.objects.exists()


def test_registering_needs_post(client, medewerker):
    session = a_session()
    client.force_login(medewerker)
    assert client.get(reverse("session_register", args=[session.pk])).status_code == 405


def test_check_in_form_only_during_the_session(client, medewerker):
    session = a_session(starts_at=timezone.now() - timedelta(minutes=5))
    Registration.objects.create(session=session, user=medewerker, status="registered")
    client.force_login(medewerker)
    assert "Incheckcode" in client.get(session.url).content.decode()
    response = client.post(
        reverse("session_checkin", args=[session.pk]),
        {"code": session.checkin_code_at(timezone.now())},
        follow=True,
    )
    assert "Je bent ingecheckt" in response.content.decode()
    assert Registration.objects.get().attended_at is not None


@pytest.mark.parametrize("sessions", [3, 50])
def test_overview_and_session_page_run_a_constant_number_of_queries(
    client, medewerker, sessions, django_assert_max_num_queries
):
    created = [a_session(capacity=5) for _ in range(sessions)]
    for session in created[::2]:
        Registration.objects.create(session=session, user=medewerker, status="registered")
    client.force_login(medewerker)
    with django_assert_max_num_queries(20):  # the gate: every page above is live
        assert client.get(session_index().url).status_code == 200
    with django_assert_max_num_queries(19):
        assert client.get(created[0].url).status_code == 200


class TestCaseCommit:
    """Run on-commit callbacks (the emails) at the end of the block, as after a request."""

    def __enter__(self):
        from django.test import TestCase

        self._context = TestCase.captureOnCommitCallbacks(execute=True)
        return self._context.__enter__()

    def __exit__(self, *exc):
        return self._context.__exit__(*exc)


def test_kernteam_marks_attendance_and_sees_the_code_and_qr(
    make_user, kernteam_user, mfa_client_for
):
    session = a_session(starts_at=timezone.now() - timedelta(minutes=30))
    came, absent = make_user(first_name="Anna", last_name="Aanwezig"), make_user()
    for user in (came, absent):
        Registration.objects.create(session=session, user=user, status="registered")
    client = mfa_client_for(kernteam_user)
    screen = client.get(reverse("awareness_checkin_code", args=[session.pk]))
    assert screen["Refresh"] == "30"  # the code changes: the screen reloads itself
    assert session.checkin_code_at(timezone.now()) in screen.content.decode()
    assert "<svg" in screen.content.decode()
    url = reverse("awareness_attendance", args=[session.pk])
    html = client.get(url).content.decode()
    assert "Anna Aanwezig" in html
    response = client.post(url, {"aanwezig": [str(came.pk)]})
    assert response.status_code == 302
    recorded = Registration.objects.get(user=came)
    assert recorded.attended_at is not None and recorded.attendance_recorded_by == kernteam_user
    assert Registration.objects.get(user=absent).attended_at is None


@pytest.mark.parametrize("role", [Role.MEDEWERKER, Role.LEIDINGGEVENDE])
def test_other_roles_cannot_mark_attendance(make_user, mfa_client_for, role):
    session = a_session(starts_at=timezone.now() - timedelta(minutes=30))
    participant = make_user()
    Registration.objects.create(session=session, user=participant, status="registered")
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    screen = client.get(reverse("awareness_checkin_code", args=[session.pk]))
    assert screen.status_code in (302, 403)  # nor see the check-in code
    assert session.checkin_code_at(timezone.now()) not in screen.content.decode()
    url = reverse("awareness_attendance", args=[session.pk])
    assert client.get(url).status_code in (302, 403)
    response = client.post(url, {"aanwezig": [str(participant.pk)]})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"  # Wagtail's "no permission" for admin users
    assert Registration.objects.get().attended_at is None


def test_the_qr_link_fills_in_the_code(client, medewerker):
    session = a_session(starts_at=timezone.now() - timedelta(minutes=5))
    Registration.objects.create(session=session, user=medewerker, status="registered")
    client.force_login(medewerker)
    code = session.checkin_code_at(timezone.now())
    html = client.get(session.url, {"code": code}).content.decode()
    assert f'value="{code}"' in html


def test_after_attending_the_follow_up_module_and_evaluation_show(client, medewerker):
    from tests.factories import module_with_lessons

    follow_up = module_with_lessons(lessons=1, title="Verdieping: drugs")
    session = a_session(
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2) + timedelta(hours=2),
        follow_up_module=follow_up,
        evaluation_url="https://example.org/evaluatie",
    )
    registration = Registration.objects.create(
        session=session, user=medewerker, status="registered"
    )
    client.force_login(medewerker)
    assert "Verdieping: drugs" not in client.get(session.url).content.decode()
    registration.attended_at = session.starts_at
    registration.save()
    html = client.get(session.url).content.decode()
    assert "Verdieping: drugs" in html and "https://example.org/evaluatie" in html


def test_an_old_attendance_form_does_not_undo_a_check_in(make_user, kernteam_user, mfa_client_for):
    """The kernteam opened the list; meanwhile someone checked in with the code; saving the
    list (where they were not ticked) keeps their check-in."""
    from modules.awareness.services import checkin

    session = a_session(starts_at=timezone.now() - timedelta(minutes=30))
    late = make_user()
    Registration.objects.create(session=session, user=late, status="registered")
    client = mfa_client_for(kernteam_user)
    url = reverse("awareness_attendance", args=[session.pk])
    client.get(url)
    checkin(
        user=late, session=session, code=session.checkin_code_at(timezone.now()), now=timezone.now()
    )
    client.post(url, {})  # nobody ticked, nobody was shown as present
    assert Registration.objects.get(user=late).attended_at is not None


def test_someone_moved_out_of_the_audience_can_still_cancel(client, make_user):
    from accounts.services import user_set_roles

    audience = AudienceFactory(roles=[Role.MEDEWERKER])
    session = a_session(audience=audience)
    user = make_user(Role.MEDEWERKER)
    Registration.objects.create(session=session, user=user, status="registered")
    user_set_roles(user=user, roles=[Role.RAADSLID])
    client.force_login(user)
    assert client.get(session.url).status_code == 200
    client.post(reverse("session_cancel", args=[session.pk]))
    assert Registration.objects.get().status == "cancelled"
    assert client.get(session.url).status_code == 404  # without a place: outside again


def test_managers_do_not_get_organisation_wide_session_figures(make_user, mfa_client_for):
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE)
    client = mfa_client_for(manager)
    for name in ("sessions_report_years", "sessions_report_sessions"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get(reverse("sessions_report_departments")).status_code == 200
