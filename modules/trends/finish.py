"""``WAGTAIL_FINISH_WORKFLOW_ACTION``: what happens when a workflow is approved.

Wagtail imports this while it loads its own models, so everything is imported inside the
function.
"""

from __future__ import annotations


def publish_after_approval(workflow_state, user=None) -> None:
    """Publish the approved revision. For a trend the approval is the permission (nobody may
    publish a trend directly, see TrendPage) and what is published is the reviewed revision;
    everything else keeps Wagtail's default."""
    # Inside: wagtail.models imports this module (WAGTAIL_FINISH_WORKFLOW_ACTION) while it loads,
    # and trends.models imports wagtail.models: a real cycle.
    from wagtail.models import Page
    from wagtail.workflows import publish_workflow_state

    from modules.trends.models import TrendPage

    obj = workflow_state.content_object
    if isinstance(obj, Page) and issubclass(obj.specific_class or Page, TrendPage):
        # Exactly the revision the second person reviewed, never a later draft.
        workflow_state.current_task_state.revision.publish(user=user, skip_permission_checks=True)
        return
    publish_workflow_state(workflow_state, user=user)
