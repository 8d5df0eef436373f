"""The trend review screen: the submitted revision against the live one, approve or send back
with a comment through Wagtail's workflow action URL (a plain form), reached from the
dashboard panel and the review-request email; only a kernteam member who did not write the
trend may use it."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from accounts.roles import Role
from accounts.services import user_activate_totp
from modules.trends.models import TrendPage
from modules.trends.workflow import four_eyes_workflow
from tests.conftest import TEST_TOTP_SECRET, mfa_login
from tests.factories import a_trend

pytestmark = pytest.mark.django_db


def admin_client(user) -> Client:
    client = Client()
    user_activate_totp(user=user, secret=TEST_TOTP_SECRET)
    mfa_login(client, user.email, TEST_TOTP_SECRET)
    return client


@pytest.fixture
def editors(make_user):
    return (
        make_user(Role.MEDEWERKER, Role.KERNTEAM, first_name="Auteur", last_name="Een"),
        make_user(Role.MEDEWERKER, Role.KERNTEAM, first_name="Tweede", last_name="Twee"),
    )


def submit(trend: TrendPage, author) -> TaskState:
    """The author's latest revision goes into the four-eyes workflow (as "Submit" does)."""
    four_eyes_workflow().start(trend, author)
    return TaskState.objects.get(
        workflow_state__object_id=str(trend.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def changed_live_trend(author) -> TrendPage:
    trend = a_trend(title="Opslagboxen", body_text="Huur vooruit betaald.")
    draft = trend.get_latest_revision_as_object()
    draft.summary = "Huurders betalen een jaar contant vooruit."
    draft.save_revision(user=author)
    return TrendPage.objects.get(pk=trend.pk)


def review_url(trend: TrendPage) -> str:
    return reverse("trends_review", args=(trend.pk,))


def form_actions(html: str) -> dict[str, str]:
    """The review form's buttons: action name -> the URL the button posts to."""
    return {
        value: unescape(url)
        for url, value in re.findall(
            r'formaction="([^"]+)" name="review-action" value="(\w+)"', html
        )
    }


def assert_refused(response) -> None:
    """Wagtail's admin answers a refusal (PermissionDenied) with a redirect to the dashboard and
    "no permission", or a 403; either way nothing of the review shows."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert "Jouw beoordeling" not in response.content.decode()


def test_the_reviewer_sees_what_changed_since_the_live_version(editors):
    author, second = editors
    trend = changed_live_trend(author)
    state = submit(trend, author)
    response = admin_client(second).get(review_url(trend))
    assert response.status_code == 200
    html = response.content.decode()
    # Wagtail's diff of the summary: the live words and the submitted ones, and nothing else.
    assert "Huurders" in html and "Samenvatting" in html
    assert "Huur vooruit betaald" not in html  # the body did not change
    assert "Hieronder zie je wat er anders is" in html
    assert "Auteur Een heeft deze trend op" in html
    actions = form_actions(html)
    assert set(actions) == {"approve", "reject"}
    assert actions["approve"].startswith(
        reverse("wagtailadmin_pages:workflow_action", args=(trend.pk, "approve", state.pk))
    )
    assert 'name="comment"' in html


def test_a_new_trend_shows_all_of_its_content(editors):
    author, second = editors
    trend = a_trend(live=False, title="Nieuwe trend over witwassen", body_text="Contant geld.")
    trend.save_revision(user=author)
    submit(trend, author)
    html = admin_client(second).get(review_url(trend)).content.decode()
    assert "Deze trend staat nog niet online" in html
    for text in ("Nieuwe trend over witwassen", "Samenvatting van", "Contant geld."):
        assert text in html


def test_approving_with_a_comment_publishes_and_keeps_the_comment(editors):
    author, second = editors
    trend = changed_live_trend(author)
    state = submit(trend, author)
    reviewer = admin_client(second)
    actions = form_actions(reviewer.get(review_url(trend)).content.decode())
    response = reviewer.post(actions["approve"], {"comment": "Klopt, mag online."}, follow=True)
    assert response.status_code == 200
    trend.refresh_from_db()
    assert trend.live and trend.summary == "Huurders betalen een jaar contant vooruit."
    assert not trend.workflow_in_progress
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_APPROVED and state.finished_by == second
    assert state.comment == "Klopt, mag online."
    # Back at the review link: it says how the review ended, on Wagtail's workflow history.
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_pages:workflow_history", args=(trend.pk,)
    )
    assert "is goedgekeurd" in response.content.decode()
    detail = reverser_detail(reviewer, trend)
    assert "Klopt, mag online." in detail


def reverser_detail(client: Client, trend: TrendPage) -> str:
    workflow_state = WorkflowState.objects.for_instance(trend).order_by("-pk").first()
    return client.get(
        reverse("wagtailadmin_pages:workflow_history_detail", args=(trend.pk, workflow_state.pk))
    ).content.decode()


def test_sending_back_with_a_comment_leaves_the_trend_as_it_was(editors):
    author, second = editors
    trend = changed_live_trend(author)
    state = submit(trend, author)
    reviewer = admin_client(second)
    actions = form_actions(reviewer.get(review_url(trend)).content.decode())
    response = reviewer.post(actions["reject"], {"comment": "Noem de bron van het bedrag."})
    assert response.status_code == 302
    trend.refresh_from_db()
    assert trend.live and trend.summary != "Huurders betalen een jaar contant vooruit."
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_REJECTED
    assert state.comment == "Noem de bron van het bedrag."
    workflow_state = WorkflowState.objects.for_instance(trend).order_by("-pk").first()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "Noem de bron van het bedrag." in reverser_detail(reviewer, trend)
    follow = reviewer.get(review_url(trend), follow=True).content.decode()
    assert "is teruggestuurd naar de auteur" in follow


def test_the_author_may_not_review_or_approve(editors):
    author, _second = editors
    trend = changed_live_trend(author)
    state = submit(trend, author)
    client = admin_client(author)
    assert_refused(client.get(review_url(trend)))
    approve = reverse("wagtailadmin_pages:workflow_action", args=(trend.pk, "approve", state.pk))
    assert_refused(client.post(approve, {"comment": "Zelf goed."}))
    trend.refresh_from_db()
    assert trend.summary != "Huurders betalen een jaar contant vooruit."


def test_a_member_who_edited_the_trend_may_not_review_it(editors, make_user):
    author, second = editors
    trend = changed_live_trend(author)
    draft = trend.get_latest_revision_as_object()
    draft.summary = "Door de tweede herschreven."
    draft.save_revision(user=second)
    submit(TrendPage.objects.get(pk=trend.pk), author)
    assert_refused(admin_client(second).get(review_url(trend)))
    third = make_user(Role.MEDEWERKER, Role.KERNTEAM)
    assert admin_client(third).get(review_url(trend)).status_code == 200


@pytest.mark.parametrize("role", [Role.LEIDINGGEVENDE, Role.BEHEER, Role.GRIFFIE])
def test_other_admin_roles_may_not_review(editors, make_user, role):
    author, _second = editors
    trend = changed_live_trend(author)
    state = submit(trend, author)
    client = admin_client(make_user(Role.MEDEWERKER, role))
    assert_refused(client.get(review_url(trend)))
    approve = reverse("wagtailadmin_pages:workflow_action", args=(trend.pk, "approve", state.pk))
    assert_refused(client.post(approve, {"comment": ""}))
    assert TrendPage.objects.get(pk=trend.pk).workflow_in_progress


def test_a_learner_and_an_anonymous_visitor_may_not_review(editors, make_user, client):
    author, _second = editors
    trend = changed_live_trend(author)
    submit(trend, author)
    response = client.get(review_url(trend))
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(make_user(Role.MEDEWERKER))
    response = client.get(review_url(trend))
    assert response.status_code in (302, 403)  # no admin access at all: sent away
    assert "Jouw beoordeling" not in response.content.decode()


def test_an_edit_after_submitting_can_only_be_sent_back(editors, make_user):
    author, _second = editors
    trend = changed_live_trend(author)
    submit(trend, author)
    draft = trend.get_latest_revision_as_object()
    draft.summary = "Na het indienen nog aangepast."
    draft.save_revision(user=author)
    third = make_user(Role.MEDEWERKER, Role.KERNTEAM)
    html = admin_client(third).get(review_url(trend)).content.decode()
    assert "Je kunt hem alleen terugsturen" in html
    assert set(form_actions(html)) == {"reject"}


def test_the_dashboard_links_the_reviewer_to_the_review_screen(editors):
    author, second = editors
    trend = changed_live_trend(author)
    submit(trend, author)
    link = f'href="{review_url(trend)}"'
    reviewer_home = admin_client(second).get(reverse("wagtailadmin_home")).content.decode()
    assert "Trends om te beoordelen" in reviewer_home and link in reviewer_home
    author_home = admin_client(author).get(reverse("wagtailadmin_home")).content.decode()
    assert link not in author_home


def test_the_review_request_email_links_to_the_review_screen(
    editors, make_user, django_capture_on_commit_callbacks
):
    author, second = editors
    make_user(Role.MEDEWERKER, Role.BEHEER)  # not in the kernteam: not asked
    trend = changed_live_trend(author)
    with django_capture_on_commit_callbacks(execute=True):
        submit(trend, author)
    # One email (ours, not also Wagtail's generic one), to the members who may approve.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [second.email]
    assert message.subject == "Trend om te beoordelen: Opslagboxen"
    assert "Auteur Een heeft de trend “Opslagboxen” ter beoordeling gestuurd." in message.body
    assert "Hij gaat pas live als een tweede kernteamlid hem goedkeurt." in message.body
    assert message.body.rstrip().endswith("Weerbaar, gemeente Dordrecht")
    assert review_url(trend) in message.body and "http" in message.body


def test_a_review_link_that_is_done_says_so(editors):
    _author, second = editors
    trend = a_trend(title="Niets ingediend")
    response = admin_client(second).get(review_url(trend), follow=True)
    assert response.status_code == 200
    assert "wacht niet op beoordeling" in response.content.decode()
