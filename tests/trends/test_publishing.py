"""Four-eyes publishing: a trend goes live only after a second kernteam member approves it,
through Wagtail's own admin (real HTTP, real workflow)."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.models import Revision, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from accounts.roles import Role
from accounts.services import user_activate_totp
from modules.awareness.models import SessionPage
from modules.trends.models import ReviewReminder, TrendPage
from modules.trends.services import review_reminders_send
from modules.trends.workflow import four_eyes_workflow, retire_unapprovable_workflows
from tests.conftest import TEST_TOTP_SECRET, mfa_login
from tests.factories import a_session, a_trend, trend_index

pytestmark = pytest.mark.django_db


def admin_client(user) -> Client:
    client = Client()
    user_activate_totp(user=user, secret=TEST_TOTP_SECRET)
    mfa_login(client, user.email, TEST_TOTP_SECRET)
    return client


@pytest.fixture
def editors(make_user):
    return (
        make_user(Role.MEDEWERKER, Role.KERNTEAM, first_name="Auteur"),
        make_user(Role.MEDEWERKER, Role.KERNTEAM, first_name="Tweede"),
    )


def trend_form(title: str, **extra) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "nieuwe-trend",
            "summary": "Drugs in opslagboxen.",
            "theme": "drugs",
            "audience": "",
            "review_by": (timezone.localdate() + timedelta(days=180)).isoformat(),
            "body": streamfield([("text", rich_text("<p>Wat we zien.</p>"))]),
            "signals": streamfield([("signal", "Contant vooruit betaald")]),
            "sources": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def submit_new_trend(client: Client, title: str) -> TrendPage:
    index = trend_index()
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("trends", "trendpage", index.pk)),
        trend_form(title, **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return TrendPage.objects.get(title=title)


def approve(client: Client, trend: TrendPage):
    state = WorkflowState.objects.get(
        base_content_type__isnull=False, object_id=str(trend.pk), status="in_progress"
    )
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(trend.pk, "approve", state.current_task_state_id),
        ),
        {"comment": ""},
    )


def test_a_fresh_database_has_the_four_eyes_workflow():
    workflow = four_eyes_workflow()
    assert workflow is not None and workflow.active
    task = workflow.tasks.get().specific
    assert [group.name for group in task.groups.all()] == [Role.KERNTEAM.group_name]


def test_the_author_alone_cannot_publish_and_a_second_member_can(editors):
    author, second = editors
    author_client = admin_client(author)
    trend = submit_new_trend(author_client, "Drugs in opslagboxen")
    assert not trend.live and trend.workflow_in_progress

    # The author cannot approve their own trend ...
    assert trend.current_workflow_task.get_actions(trend, author) == []
    approve(author_client, trend)
    trend.refresh_from_db()
    assert not trend.live

    response = approve(admin_client(second), trend)
    assert response.status_code in (200, 302)
    trend.refresh_from_db()
    assert trend.live
    assert Revision.objects.filter(object_id=str(trend.pk)).count() >= 1


def test_nobody_can_publish_a_trend_directly_not_even_a_superuser(make_user):
    trend = a_trend(live=False)
    superuser = make_user(Role.MEDEWERKER, is_superuser=True)
    assert not trend.permissions_for_user(superuser).can_publish()
    with pytest.raises(PublishPagePermissionError):
        trend.get_latest_revision().publish(user=superuser)
    trend.refresh_from_db()
    assert not trend.live


def test_an_editor_who_changed_the_trend_cannot_approve_it(editors):
    author, second = editors
    trend = a_trend(live=False)
    four_eyes_workflow().start(trend, author)
    trend.summary = "Door het tweede kernteamlid aangevuld."
    trend.save_revision(user=second)  # the second member edits while it is in review
    trend.refresh_from_db()
    assert trend.current_workflow_task.get_actions(trend, second) == []


def test_scheduled_publishing_waits_for_the_go_live_date(editors):
    author, second = editors
    trend = a_trend(live=False)
    trend.go_live_at = timezone.now() + timedelta(days=2)
    trend.save_revision(user=author)
    four_eyes_workflow().start(trend, author)
    approve(admin_client(second), trend)
    trend.refresh_from_db()
    assert not trend.live
    revision = trend.get_latest_revision()
    assert revision.approved_go_live_at is not None

    # Two days later (moved back in time here): the scheduler publishes it.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")
    trend.refresh_from_db()
    assert trend.live


def test_review_reminders_are_sent_once_per_overdue_trend(
    make_user, django_capture_on_commit_callbacks
):
    kernteam = [make_user(Role.MEDEWERKER, Role.KERNTEAM) for _ in range(2)]
    make_user(Role.MEDEWERKER)  # not in the kernteam: never gets the reminder
    stale = a_trend(title="Oude trend over autohandel", review_in_days=-3)
    also_stale = a_trend(title="Oude trend over opslagboxen", review_in_days=-1)
    a_trend(title="Verse trend", review_in_days=30)
    a_trend(title="Concept over iets", live=False, review_in_days=-10)
    today = timezone.localdate()

    def send(day):
        with django_capture_on_commit_callbacks(execute=True):
            return review_reminders_send(today=day)

    assert send(today) == 2
    # One message per kernteam member, nobody sees the others' addresses.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(u.email for u in kernteam)
    assert all(len(message.to) == 1 for message in mail.outbox)
    message = mail.outbox[0]
    assert stale.title in message.body and also_stale.title in message.body
    assert "Verse trend" not in message.body and "Concept" not in message.body

    assert send(today) == 0
    assert send(today + timedelta(days=1)) == 0
    assert len(mail.outbox) == 2

    # Updated with a new review date that passes as well: one new reminder for that date.
    TrendPage.objects.filter(pk=stale.pk).update(review_by=today + timedelta(days=5))
    assert send(today + timedelta(days=6)) == 1
    assert len(mail.outbox) == 4 and stale.title in mail.outbox[3].body
    assert ReviewReminder.objects.filter(trend=stale).count() == 2


def test_the_admin_dashboard_lists_overdue_trends_for_the_kernteam(make_user, mfa_client_for):
    a_trend(title="Oude trend over autohandel", review_in_days=-3)
    a_trend(title="Verse trend", review_in_days=30)
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Oude trend over autohandel" in html and "Verse trend" not in html


def test_the_reminder_command_reports_what_it_did(make_user, django_capture_on_commit_callbacks):
    make_user(Role.MEDEWERKER, Role.KERNTEAM)
    a_trend(review_in_days=-3)

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_trend_review_reminders", stdout=out)
    assert "1 trend(s)" in out.getvalue() and len(mail.outbox) == 1


def test_creating_a_trend_with_publish_leaves_a_draft(editors):
    author, _second = editors
    client = admin_client(author)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("trends", "trendpage", trend_index().pk)),
        trend_form("Direct live?", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    trend = TrendPage.objects.get(title="Direct live?")
    assert not trend.live and trend.first_published_at is None


def test_a_draft_saved_after_submitting_is_not_published_by_the_approval(editors):
    author, second = editors
    author_client = admin_client(author)
    trend = submit_new_trend(author_client, "Gecontroleerde titel")
    trend.refresh_from_db()
    trend.title = "Ongecontroleerde titel"
    trend.save_revision(user=author)  # saved after the review started

    approve(admin_client(second), trend)
    trend.refresh_from_db()
    assert not trend.live and trend.workflow_in_progress


def test_a_reviewer_cannot_publish_their_own_edits_by_approving(editors):
    author, second = editors
    trend = submit_new_trend(admin_client(author), "Door de auteur geschreven")
    reviewer = admin_client(second)
    state = WorkflowState.objects.get(object_id=str(trend.pk), status="in_progress")
    reviewer.post(
        reverse("wagtailadmin_pages:edit", args=(trend.pk,)),
        trend_form(
            "Door de reviewer aangepast",
            **{"action-workflow-action": "1", "workflow-action-name": "approve"},
        ),
    )
    trend.refresh_from_db()
    assert not trend.live
    assert trend.get_latest_revision().user == second  # the edit is kept, as a draft
    state.refresh_from_db()
    assert state.status == "in_progress"


def test_someone_who_wrote_part_of_the_trend_cannot_approve_it(editors):
    author, second = editors
    trend = a_trend(live=False)
    trend.summary = "Eerste versie van de auteur."
    trend.save_revision(user=author)  # the author writes ...
    trend.summary = "Door een collega bijgewerkt."
    trend.save_revision(user=second)  # ... a colleague edits and submits it
    four_eyes_workflow().start(trend, second)
    trend.refresh_from_db()
    assert trend.current_workflow_task.get_actions(trend, author) == []
    approve(admin_client(author), trend)
    trend.refresh_from_db()
    assert not trend.live


def test_publish_in_the_editor_only_saves_a_draft(editors):
    author, _second = editors
    trend = a_trend(live=False, title="Nog niet gecontroleerd")
    client = admin_client(author)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(trend.pk,)),
        trend_form("Nog niet gecontroleerd", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    trend.refresh_from_db()
    assert not trend.live and trend.get_latest_revision().user == author


def test_the_other_kernteam_members_hear_that_a_trend_awaits_review(
    editors, django_capture_on_commit_callbacks
):

    author, second = editors
    with django_capture_on_commit_callbacks(execute=True):
        submit_new_trend(admin_client(author), "Trend ter controle")
    recipients = {address for message in mail.outbox for address in message.to}
    assert second.email in recipients and author.email not in recipients


def test_versions_of_a_trend_can_be_compared(editors, mfa_client_for):
    author, second = editors
    trend = a_trend(live=False, title="Eerste versie")
    first = trend.save_revision(user=author)
    trend.title = "Tweede versie"
    latest = trend.save_revision(user=author)
    client = mfa_client_for(second)
    response = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=(trend.pk, first.pk, latest.pk))
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Eerste" in html and "Tweede" in html  # a word-level diff of the title


def editor_form(client: Client, page, **changes) -> dict:
    """What Wagtail's page editor posts for the page as it stands: the inputs of the rendered
    edit form (exactly as the server renders them) plus, for a trend, the stream fields that
    the editor's JavaScript adds, with their block ids. ``changes`` overrides fields."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form").dict()
    latest = page.get_latest_revision_as_object()
    if isinstance(latest, TrendPage):
        for name in ("body", "signals", "sources"):
            data = {key: value for key, value in data.items() if not key.startswith(f"{name}-")}
            stream = getattr(latest, name)
            data[f"{name}-count"] = str(len(stream))
            for index, block in enumerate(stream):
                prefix = f"{name}-{index}"
                data.update(
                    {
                        f"{prefix}-type": block.block_type,
                        f"{prefix}-id": block.id,
                        f"{prefix}-order": str(index),
                        f"{prefix}-deleted": "",
                    }
                )
                if name == "body":
                    data[f"{prefix}-value"] = rich_text(block.value.source)
                elif name == "signals":
                    data[f"{prefix}-value"] = block.value
                else:
                    for field, value in block.value.items():
                        data[f"{prefix}-value-{field}"] = value or ""
    data.update(changes)
    return data


APPROVE_IN_EDITOR = {"action-workflow-action": "1", "workflow-action-name": "approve"}


def action_names(trend: TrendPage, user) -> list[str]:
    trend = TrendPage.objects.get(pk=trend.pk)
    return [name for name, _label, _modal in trend.current_workflow_task.get_actions(trend, user)]


def test_a_second_member_approves_from_the_page_editor(editors):
    author, second = editors
    trend = submit_new_trend(admin_client(author), "Goedgekeurd in de editor")
    reviewer = admin_client(second)
    edit_url = reverse("wagtailadmin_pages:edit", args=(trend.pk,))
    response = reviewer.post(edit_url, editor_form(reviewer, trend, **APPROVE_IN_EDITOR))
    assert response.status_code == 302, response.content.decode()[:2000]
    trend.refresh_from_db()
    assert trend.live and not trend.workflow_in_progress
    # Approving saved nothing in the reviewer's name: they did not write it.
    assert not Revision.objects.filter(object_id=str(trend.pk), user=second).exists()
    assert (
        reviewer.get(reverse("wagtailadmin_pages:workflow_history", args=(trend.pk,))).status_code
        == 200
    )


def test_saving_without_changes_does_not_make_an_author(editors):
    author, second = editors
    trend = submit_new_trend(admin_client(author), "Alleen bewaard")
    reviewer = admin_client(second)
    edit_url = reverse("wagtailadmin_pages:edit", args=(trend.pk,))
    assert reviewer.post(edit_url, editor_form(reviewer, trend)).status_code == 302
    assert "approve" in action_names(trend, second)
    # Changing the content does make them an author: four eyes still means two people.
    changed = editor_form(reviewer, trend, summary="Door de reviewer herschreven.")
    assert reviewer.post(edit_url, changed).status_code == 302
    assert action_names(trend, second) == []


def test_a_second_member_approves_from_the_dashboard_after_saving_unchanged(editors):
    author, second = editors
    trend = submit_new_trend(admin_client(author), "Goedgekeurd vanaf het dashboard")
    reviewer = admin_client(second)
    edit_url = reverse("wagtailadmin_pages:edit", args=(trend.pk,))
    reviewer.post(edit_url, editor_form(reviewer, trend))  # opened and saved, nothing changed
    dashboard = reviewer.get(reverse("wagtailadmin_home")).content.decode()
    assert "Goedgekeurd vanaf het dashboard" in dashboard
    state = WorkflowState.objects.get(object_id=str(trend.pk), status="in_progress")
    action_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(trend.pk, "approve", state.current_task_state_id),
    )
    assert action_url in dashboard.replace("&amp;", "&")
    assert reviewer.get(action_url).status_code == 200  # the dialog
    assert reviewer.post(action_url, {"comment": ""}).status_code in (200, 302)
    trend.refresh_from_db()
    assert trend.live


def test_the_author_still_cannot_approve_from_the_editor(editors):
    author, _second = editors
    author_client = admin_client(author)
    trend = submit_new_trend(author_client, "Zelf goedkeuren?")
    assert action_names(trend, author) == []
    author_client.post(
        reverse("wagtailadmin_pages:edit", args=(trend.pk,)),
        editor_form(author_client, trend, **APPROVE_IN_EDITOR),
    )
    trend.refresh_from_db()
    assert not trend.live


def test_no_page_is_stuck_in_a_workflow_nobody_can_approve(make_user):
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert list(Workflow.objects.filter(active=True).values_list("name", flat=True)) == [
        "Vier ogen: trends"
    ]
    assert not WorkflowPage.objects.exists()
    assert retire_unapprovable_workflows() == []  # after migrate it has nothing left to do

    # Trends keep their own workflow without anything bound to the tree ...
    trend = a_trend(live=False)
    assert trend.has_workflow and trend.get_workflow() == four_eyes_workflow()
    assert trend_index().has_workflow  # Wagtail's create view asks the parent
    # ... and a session has none: whoever may publish it, publishes it.
    session = a_session(title="Bewustwordingssessie najaar")
    assert session.get_workflow() is None and not session.has_workflow
    client = admin_client(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    data = editor_form(client, session, title="Bewustwordingssessie najaar (nieuwe zaal)")
    data["action-publish"] = "1"
    response = client.post(reverse("wagtailadmin_pages:edit", args=(session.pk,)), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    session = SessionPage.objects.get(pk=session.pk)
    assert session.live and session.title == "Bewustwordingssessie najaar (nieuwe zaal)"
    assert not session.has_unpublished_changes
