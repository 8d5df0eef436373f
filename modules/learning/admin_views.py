"""The kernteam's screen for requests for a new round of final-quiz attempts.

Wagtail has no screen for deciding a request, so this is one small view in Wagtail's admin
layout, mounted by :class:`RetakeRequestsViewSet` (a :class:`core.viewsets.PermissionViewSet`,
registered here; :mod:`modules.learning.wagtail_hooks` imports this module so Wagtail loads
it). Both the list and the decision need :data:`modules.learning.retakes.RETAKE_PERMISSION`
(the kernteam's); anybody else, a leidinggevende with admin access included, gets a plain 403.
The decision is a POST through a Django form; the writes are
:func:`modules.learning.retakes.retake_request_decide`.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.admin_views import forbidden
from core.viewsets import PermissionViewSet
from modules.learning.retakes import (
    RETAKE_PERMISSION,
    RetakeRefused,
    decided_retake_requests,
    pending_retake_requests,
    retake_request_decide,
)


class RetakeDecisionForm(forms.Form):
    GRANT, DECLINE = "toekennen", "afwijzen"

    besluit = forms.ChoiceField(
        choices=[(GRANT, GRANT), (DECLINE, DECLINE)],
        error_messages={
            "required": gettext_lazy("Choose to grant or to decline the request."),
            "invalid_choice": gettext_lazy("Choose to grant or to decline the request."),
        },
    )

    @property
    def grant(self) -> bool:
        return self.cleaned_data["besluit"] == self.GRANT


class RetakeRequestsView(WagtailAdminTemplateMixin, TemplateView):
    """The waiting requests (oldest first) with a grant and a decline button each, and the
    latest decisions. Shows the learner's name, department and module, never a score."""

    template_name = "modules/admin/retake_requests.html"
    page_title = gettext_lazy("Requests for a new round")
    header_icon = "redirect"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(RETAKE_PERMISSION):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pending"] = list(pending_retake_requests())
        context["decided"] = decided_retake_requests()
        return context


def retake_request_decide_view(request, request_id: int) -> HttpResponse:
    """POST only: grant or decline one request, then back to the list."""
    if not request.user.has_perm(RETAKE_PERMISSION):
        return forbidden(request)
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "POST"})
    form = RetakeDecisionForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors["besluit"][0], status=400)
    try:
        decided = retake_request_decide(
            request_id=request_id, decider=request.user, grant=form.grant, http_request=request
        )
    except RetakeRefused as refusal:
        messages.error(request, str(refusal))
    else:
        name = decided.enrolment.user.get_full_name() or decided.enrolment.user.email
        if form.grant:
            messages.success(request, _("%(name)s has a new round.") % {"name": name})
        else:
            messages.success(
                request, _("The request of %(name)s has been declined.") % {"name": name}
            )
    return HttpResponseRedirect(reverse("retake_requests"))


class RetakeRequestsViewSet(PermissionViewSet):
    """ "Aanvragen nieuwe ronde" in the main menu, for users who may decide them (kernteam)."""

    name = "aanvragen-nieuwe-ronde"
    permission = RETAKE_PERMISSION
    add_to_admin_menu = True
    menu_label = gettext_lazy("Requests for a new round")
    icon = "redirect"
    menu_order = 260

    def get_urlpatterns(self):
        return [
            path("", RetakeRequestsView.as_view(), name="retake_requests"),
            path(
                "<int:request_id>/beslissen/",
                retake_request_decide_view,
                name="retake_request_decide",
            ),
        ]


@hooks.register("register_admin_viewset")
def retake_requests_viewset():
    return RetakeRequestsViewSet()
