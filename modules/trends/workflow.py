"""Four-eyes publishing of trends with Wagtail's workflows.

* :class:`~modules.trends.models.TrendPage` denies direct publishing to everybody, so a trend
  goes live only when its workflow finishes;
* the workflow has one task, :class:`~modules.trends.models.FourEyesApprovalTask`: a kernteam
  member other than the author approves (scheduled publishing works as usual: an approved
  revision with a "go live" date in the future waits for ``publish_scheduled``);
* :func:`modules.trends.finish.publish_after_approval` is ``WAGTAIL_FINISH_WORKFLOW_ACTION``:
  the approval itself is the permission to publish.

The task and workflow are created after ``migrate`` (:func:`ensure_four_eyes_workflow`), so a
fresh database has them without anyone setting them up by hand.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Workflow, WorkflowTask

from accounts.roles import Role

WORKFLOW_NAME = "Vier ogen: trends"
TASK_NAME = "Tweede kernteamlid keurt goed"


def four_eyes_workflow() -> Workflow | None:
    """The active workflow with an active four-eyes task (one query)."""
    from modules.trends.models import FourEyesApprovalTask

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
    from modules.trends.models import FourEyesApprovalTask

    kernteam, _ = Group.objects.get_or_create(name=Role.KERNTEAM.group_name)
    task = FourEyesApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = FourEyesApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([kernteam])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def ensure_four_eyes_workflow_after_migrate(sender, **kwargs) -> None:
    """post_migrate handler (connected in TrendsConfig.ready)."""
    ensure_four_eyes_workflow()
