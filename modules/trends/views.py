"""The kernteam's review screen for a trend in the four-eyes workflow.

Wagtail has the parts but not the screen: its revision compare shows what changed, and its
workflow action URL approves or rejects with a comment, but only from a JavaScript modal in the
editor or the dashboard's dropdown. :class:`TrendReviewView` is Wagtail's page compare view
(same permission check, same diff) of the submitted revision against the live trend (for a new
trend, against an empty one, so the whole content shows), with one plain form whose buttons
post the comment to Wagtail's ``workflow_action`` URL: approve or send back work without
JavaScript, and Wagtail records the action and comment in the workflow history.

Who may review is :meth:`~modules.trends.models.FourEyesApprovalTask.may_review` (the task's
own actions): somebody who may not edit trends gets 403; an author of the trend, or a
superuser outside the kernteam, is sent to the dashboard with a Dutch message saying why.
Wired in :mod:`modules.trends.wagtail_hooks` (``register_admin_urls``, so the admin's login,
MFA and access checks come first); linked from the dashboard panel "Trends to review" and the
review-request email (:mod:`modules.trends.tasks`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.views.pages.revisions import RevisionsCompareView
from wagtail.models import TaskState, WorkflowState

from modules.trends.models import FourEyesApprovalTask, TrendPage

NEW = "new"  # the "revision" a new trend is compared against: an empty trend
BUTTON_LABELS = {"approve": _("Approve and publish"), "reject": _("Send back to the author")}


def review_url(trend_id: int) -> str:
    return reverse("trends_review", args=(trend_id,))


class TrendReviewView(RevisionsCompareView):
    """The submitted revision against the live trend, and the reviewer's approve or reject."""

    template_name = "trends/admin/trend_review.html"
    page_title = _("Review")

    def setup(self, request, page_id, *args, **kwargs):
        trend = get_object_or_404(TrendPage, pk=page_id)
        self.task_state = (
            TaskState.objects.filter(
                workflow_state__base_content_type=trend.get_base_content_type(),
                workflow_state__object_id=str(trend.pk),
                workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
                status=TaskState.STATUS_IN_PROGRESS,
            )
            .select_related("revision__user", "workflow_state__requested_by")
            .first()
        )
        revision_b = self.task_state.revision_id if self.task_state else "latest"
        super().setup(request, trend.pk, "live" if trend.live else NEW, revision_b)

    def dispatch(self, request, *args, **kwargs):
        # The compare view's own check ran in setup (get_object): somebody who may not edit
        # trends gets 403 before learning whether one awaits review.
        if self.task_state is None:
            self._say_what_happened()
            return redirect("wagtailadmin_pages:workflow_history", self.object.pk)
        self.task = self.task_state.task.specific
        if not isinstance(self.task, FourEyesApprovalTask):
            raise PermissionDenied
        if not self.task.may_review(self.object, request.user):
            return self._refuse()
        return super().dispatch(request, *args, **kwargs)

    def _refuse(self):
        """Say why this person may not review (they wrote it, or they are not in the kernteam)
        instead of Wagtail's general "no permission", and send them to the dashboard."""
        title = self.object.get_admin_display_title()
        if self.task.is_approver(self.request.user):
            text = gettext(
                "You wrote, changed or submitted the trend '%(title)s', so you cannot approve "
                "it yourself. Another member of the core team must review it."
            )
        else:
            text = gettext(
                "Only members of the core team on subversive crime review trends. Ask one of "
                "them to review the trend '%(title)s'."
            )
        messages.error(self.request, text % {"title": title})
        return redirect("wagtailadmin_home")

    def _say_what_happened(self) -> None:
        """A stale link (the email, a second tab, or right after the action itself): say how
        the last review ended instead of showing an empty form."""
        state = (
            WorkflowState.objects.for_instance(self.object)
            .exclude(status=WorkflowState.STATUS_IN_PROGRESS)
            .order_by("-created_at", "-pk")
            .first()
        )
        title = self.object.get_admin_display_title()
        if state is not None and state.status == WorkflowState.STATUS_APPROVED:
            text = gettext("The trend '%(title)s' was approved.")
        elif state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            text = gettext("The trend '%(title)s' was sent back to its author.")
        else:
            text = gettext("The trend '%(title)s' is not waiting for review.")
        messages.info(self.request, text % {"title": title})

    def _get_revision_and_heading(self, revision_id):
        if revision_id == NEW:
            empty = TrendPage(title="", summary="", review_by=None)
            return empty, gettext("New trend")
        return super()._get_revision_and_heading(revision_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        trend = self.object
        # One button per action the task offers; ours say what happens (Wagtail's "Request
        # changes" reads oddly in Dutch), any other action keeps the task's own label.
        labels: dict[str, str] = {}
        for name, label, _modal in self.task.get_actions(trend, self.request.user):
            labels.setdefault(name, BUTTON_LABELS.get(name, label))
        changed = self.task.changed_since_submitted(trend, self.task_state)
        if changed:
            labels.pop("approve", None)  # the task would refuse it: nobody saw the new words
        next_url = review_url(trend.pk)
        context.update(
            {
                "trend": trend,
                "task_state": self.task_state,
                "is_new": not trend.live,
                "changed_since_submitted": changed,
                "form": self.task.get_form_for_action("approve")(),
                "actions": [
                    {
                        "name": name,
                        "label": label,
                        "url": reverse(
                            "wagtailadmin_pages:workflow_action",
                            args=(trend.pk, name, self.task_state.pk),
                        )
                        + "?"
                        + urlencode({"next": next_url}),
                    }
                    for name, label in labels.items()
                ],
                "history_url": reverse("wagtailadmin_pages:workflow_history", args=(trend.pk,)),
            }
        )
        return context
