"""Four-eyes publishing of trends with Wagtail's workflows.

* :class:`~modules.trends.models.TrendPage` denies direct publishing to everybody, so a trend
  goes live only when its workflow finishes;
* the workflow has one task, :class:`~modules.trends.models.FourEyesApprovalTask`: a kernteam
  member other than the author approves (scheduled publishing works as usual: an approved
  revision with a "go live" date in the future waits for ``publish_scheduled``);
* :func:`modules.trends.finish.publish_after_approval` is ``WAGTAIL_FINISH_WORKFLOW_ACTION``:
  the approval itself is the permission to publish.

The task and workflow are created after ``migrate`` (:func:`ensure_four_eyes_workflow`), so a
fresh database has them without anyone setting them up by hand. Other pages need no second
pair of eyes: whoever may publish them publishes them. Wagtail's own first migrations put a
"Moderators approval" workflow on the root page whose task only the "Moderators" group may
approve, and that group is replaced by our roles (:func:`accounts.permissions.sync_role_groups`):
anything submitted to it would wait forever. :func:`retire_unapprovable_workflows` removes such
workflows after ``migrate`` as well.

When a trend is submitted, :func:`notify_task_submitted` queues our own review request
(:func:`modules.trends.tasks.send_review_request`: translated, to those who may approve, with a
link to the review screen) in place of Wagtail's generic "submitted for approval" email.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.admin.signal_handlers import task_submission_email_notifier
from wagtail.models import Task, TaskState, Workflow, WorkflowState, WorkflowTask
from wagtail.signals import task_submitted

from accounts.roles import Role
from modules.trends.models import FourEyesApprovalTask
from modules.trends.tasks import send_review_request

WORKFLOW_NAME = "Vier ogen: trends"
TASK_NAME = "Tweede kernteamlid keurt goed"


def four_eyes_workflow() -> Workflow | None:
    """The active workflow with an active four-eyes task (one query)."""

    return (
        Workflow.objects.filter(
            active=True,
            workflow_tasks__task__in=FourEyesApprovalTask.objects.filter(active=True).values("pk"),
        )
        .order_by("pk")
        .first()
    )


@transaction.atomic
def ensure_four_eyes_workflow() -> Workflow:
    """Create the task (approved by the kernteam group) and the workflow, once."""

    kernteam, _ = Group.objects.get_or_create(name=Role.KERNTEAM.group_name)
    task = FourEyesApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = FourEyesApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([kernteam])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def _approvable(task: Task) -> bool:
    """Somebody can approve the task: a group task names at least one of our role groups
    (people get permissions only through roles). Other task types are trusted to know their
    own approvers."""
    specific = task.specific
    if not hasattr(specific, "groups"):  # GroupApprovalTask and its kin, ours included
        return True
    role_groups = [role.group_name for role in Role]
    return specific.groups.filter(name__in=role_groups).exists()


@transaction.atomic
def retire_unapprovable_workflows() -> list[str]:
    """Remove every active workflow with a task nobody can approve (Wagtail's default
    "Moderators approval" on a fresh database), so no page is bound to one. A workflow that was
    never used is deleted with its tasks; one with history is deactivated instead (Wagtail
    then cancels what was waiting in it and unbinds its pages), its tasks too. Safe to run
    again: it returns the names it removed, none the second time."""
    retired = []
    for workflow in Workflow.objects.filter(active=True).exclude(name=WORKFLOW_NAME):
        tasks = list(workflow.tasks.filter(active=True))
        if all(_approvable(task) for task in tasks):
            continue
        retired.append(workflow.name)
        others = WorkflowTask.objects.filter(workflow__active=True).exclude(workflow=workflow)
        orphaned = [task for task in tasks if not others.filter(task=task).exists()]
        if WorkflowState.objects.filter(workflow=workflow).exists():
            workflow.deactivate()
            for task in orphaned:
                task.deactivate()
        else:
            workflow.delete()
            for task in orphaned:
                task.delete()
    return retired


def ensure_four_eyes_workflow_after_migrate(sender, **kwargs) -> None:
    """post_migrate handler (connected in TrendsConfig.ready)."""
    ensure_four_eyes_workflow()
    retire_unapprovable_workflows()


# Wagtail connects its group-approval "submitted" email under this id in wagtail.admin's ready(),
# which runs after ours (modules.trends comes first in INSTALLED_APPS). A receiver already
# connected under the same id and sender makes that later connect a no-op, so ours replaces it.
WAGTAIL_SUBMITTED_EMAIL_UID = "group_approval_task_submitted_email_notification"


def notify_task_submitted(sender, instance: TaskState, user=None, **kwargs) -> None:
    """``task_submitted``: a four-eyes task queues our review request once the submission
    commits; every other task gets Wagtail's own email, as before."""
    if isinstance(instance.task.specific, FourEyesApprovalTask):
        task_state_id = instance.pk
        transaction.on_commit(lambda: send_review_request.enqueue(task_state_id))
        return
    task_submission_email_notifier(instance=instance, user=user, **kwargs)


def connect_task_submitted() -> None:
    """Called from TrendsConfig.ready, before wagtail.admin connects its notifier (and, should
    the order ever change, after: then the disconnect removes Wagtail's)."""
    task_submitted.disconnect(sender=TaskState, dispatch_uid=WAGTAIL_SUBMITTED_EMAIL_UID)
    task_submitted.connect(
        notify_task_submitted, sender=TaskState, dispatch_uid=WAGTAIL_SUBMITTED_EMAIL_UID
    )
