"""Four eyes on trends: who may approve, what they are told when they may not, and the
kernteam's review panel reading every waiting trend in a fixed number of queries."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState

from accounts.roles import Role
from accounts.services import user_activate_totp
from modules.trends.models import TrendPage
from modules.trends.selectors import trends_to_review
from modules.trends.wagtail_hooks import TrendsToReviewPanel
from modules.trends.workflow import four_eyes_workflow
from tests.conftest import TEST_TOTP_SECRET, mfa_login
from tests.factories import a_trend

pytestmark = pytest.mark.django_db


def admin_client(user) -> Client:
    client = Client()
    user_activate_totp(user=user, secret=TEST_TOTP_SECRET)
    mfa_login(client, user.email, TEST_TOTP_SECRET)
    return client


def written_and_submitted(author, *, title: str = "Opslagboxen") -> tuple[TrendPage, TaskState]:
    """A live trend that ``author`` changed and submitted for review."""
    trend = a_trend(title=title)
    draft = trend.get_latest_revision_as_object()
    draft.summary = f"{title}: huurders betalen een jaar contant vooruit."
    draft.save_revision(user=author)
    trend = TrendPage.objects.get(pk=trend.pk)
    four_eyes_workflow().start(trend, author)
    state = TaskState.objects.get(
        workflow_state__object_id=str(trend.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    return TrendPage.objects.get(pk=trend.pk), state


def approve_url(trend: TrendPage, state: TaskState) -> str:
    return reverse("wagtailadmin_pages:workflow_action", args=(trend.pk, "approve", state.pk))


def review_url(trend: TrendPage) -> str:
    return reverse("trends_review", args=(trend.pk,))


@pytest.fixture
def kernteam(make_user):
    return (
        make_user(Role.MEDEWERKER, Role.KERNTEAM, first_name="Auteur"),
        make_user(Role.MEDEWERKER, Role.KERNTEAM, first_name="Tweede"),
    )


def test_the_author_is_told_in_dutch_why_they_cannot_review(kernteam):
    author, _second = kernteam
    trend, state = written_and_submitted(author)
    client = admin_client(author)
    response = client.get(review_url(trend), follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    page = response.content.decode()
    assert "dus je kunt hem niet zelf goedkeuren" in page
    assert "Een ander lid van het kernteam moet hem beoordelen." in page
    assert "Jouw beoordeling" not in page
    client.post(approve_url(trend, state), {"comment": "Zelf goed."})
    assert "contant vooruit" not in TrendPage.objects.get(pk=trend.pk).summary


def test_a_superuser_who_wrote_the_trend_cannot_approve_it(kernteam, make_user):
    """Even in the kernteam: a superuser is an author like anybody else."""
    superuser = make_user(Role.MEDEWERKER, Role.KERNTEAM, is_superuser=True)
    trend, state = written_and_submitted(superuser)
    task = state.task.specific
    assert task.get_actions(trend, superuser) == []
    client = admin_client(superuser)
    page = client.get(review_url(trend), follow=True).content.decode()
    assert "dus je kunt hem niet zelf goedkeuren" in page
    client.post(approve_url(trend, state), {"comment": ""})
    assert TrendPage.objects.get(pk=trend.pk).workflow_in_progress
    with pytest.raises(PermissionDenied):
        task.on_action(state, superuser, "approve")


def test_a_superuser_outside_the_kernteam_cannot_approve(kernteam, make_user):
    author, _second = kernteam
    trend, state = written_and_submitted(author)
    superuser = make_user(Role.MEDEWERKER, is_superuser=True)
    task = state.task.specific
    assert task.get_actions(trend, superuser) == []
    assert not task.get_task_states_user_can_moderate(superuser).exists()
    assert superuser not in task.reviewers(trend)
    client = admin_client(superuser)
    page = client.get(review_url(trend), follow=True).content.decode()
    assert "Alleen leden van het kernteam ondermijning beoordelen trends." in page
    client.post(approve_url(trend, state), {"comment": ""})
    trend = TrendPage.objects.get(pk=trend.pk)
    assert trend.workflow_in_progress and "contant vooruit" not in trend.summary
    with pytest.raises(PermissionDenied):
        task.on_action(state, superuser, "approve")
    assert trends_to_review(user=superuser) == []


def test_a_superuser_in_the_kernteam_who_did_not_write_it_approves(kernteam, make_user):
    author, _second = kernteam
    trend, state = written_and_submitted(author)
    superuser = make_user(Role.MEDEWERKER, Role.KERNTEAM, is_superuser=True)
    assert [review.trend.pk for review in trends_to_review(user=superuser)] == [trend.pk]
    response = admin_client(superuser).post(approve_url(trend, state), {"comment": ""})
    assert response.status_code in (200, 302)
    assert "contant vooruit" in TrendPage.objects.get(pk=trend.pk).summary


def test_the_panel_lists_only_what_the_person_may_review(kernteam, make_user):
    author, second = kernteam
    theirs, _state = written_and_submitted(author, title="Van de auteur")
    own, _state = written_and_submitted(second, title="Van de tweede")
    assert [r.trend.pk for r in trends_to_review(user=second)] == [theirs.pk]
    assert [r.trend.pk for r in trends_to_review(user=author)] == [own.pk]
    # Editing someone else's trend while it waits makes you one of its authors.
    draft = theirs.get_latest_revision_as_object()
    draft.summary = "Door de tweede herschreven."
    draft.save_revision(user=second)
    assert trends_to_review(user=second) == []
    third = make_user(Role.MEDEWERKER, Role.KERNTEAM)
    assert {r.trend.pk for r in trends_to_review(user=third)} == {theirs.pk, own.pk}
    # The panel agrees with the task, trend by trend.
    for review in trends_to_review(user=third):
        assert review.task_state.task.specific.may_review(review.trend, third)


@pytest.mark.parametrize("waiting", [1, 4])
def test_the_review_panel_reads_in_a_fixed_number_of_queries(
    kernteam, make_user, waiting, django_assert_max_num_queries
):
    author, second = kernteam
    for number in range(waiting):
        trend, _state = written_and_submitted(author, title=f"Trend nummer {number}")
        draft = trend.get_latest_revision_as_object()
        draft.summary = f"Nog eens aangepast {number}."
        draft.save_revision(user=author)  # more revisions, still the author's
    reviewer = type(second).objects.get(pk=second.pk)  # no cached group checks
    with django_assert_max_num_queries(6):
        reviews = trends_to_review(user=reviewer)
        html = TrendsToReviewPanel(reviews).render_html({})
    assert len(reviews) == waiting
    assert html.count('href="/admin/trends/') == waiting
