"""The kernteam's screens for regrading a question's attempts after its key was fixed.

Reached from the question's edit view ("Regrade attempts" in the save menu, shown only to
those with ``quizzes.regrade_attempt``). Three steps, one URL per question:

* GET without a version: the versions of the question that attempts were submitted with;
* GET ``?versie=N``: the preview (how many attempts hold that version, how many would change,
  how many go from failed to passed and from passed to failed); nothing is written;
* POST ``versie=N``: the regrade (:func:`modules.learning.regrade.final_quiz_regrade`), then
  the result, which lists the attempts that went from passed to failed.

Every step needs the permission; anybody else (a leidinggevende with admin access included)
gets a plain 403. Registered through :mod:`modules.learning.wagtail_hooks`, which imports
this module.
"""

from __future__ import annotations

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.action_menu import ActionMenuItem

from accounts.admin_views import forbidden
from modules.learning.regrade import final_quiz_regrade, now_failed_people
from quizzes.models import Question
from quizzes.regrade import (
    REGRADE_PERMISSION,
    RegradeRefused,
    regradable_versions,
    regrade_preview,
)


class QuestionRegradeView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "modules/admin/question_regrade.html"
    page_title = gettext_lazy("Regrade attempts")
    header_icon = "redirect"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REGRADE_PERMISSION):
            return forbidden(request)
        self.question = get_object_or_404(Question, pk=kwargs["question_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.question.text

    def _version(self, data) -> int | None:
        raw = data.get("versie")
        if raw in (None, ""):
            return None
        try:
            return int(raw)
        except ValueError as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            question=self.question,
            edit_url=reverse("wagtailsnippets_quizzes_question:edit", args=[self.question.pk]),
            regrade_url=reverse("question_regrade", args=[self.question.pk]),
        )
        return context

    def get(self, request, *args, **kwargs):
        version = self._version(request.GET)
        if version is None:
            return self.render_to_response(
                self.get_context_data(versions=regradable_versions(self.question))
            )
        try:
            preview = regrade_preview(self.question, version)
        except RegradeRefused as refusal:
            return self.render_to_response(self.get_context_data(error=str(refusal)), status=404)
        staff, council = now_failed_people(preview)
        return self.render_to_response(
            self.get_context_data(
                version=version,
                preview=preview,
                now_failed_staff=staff,
                now_failed_council=council,
            )
        )

    def post(self, request, *args, **kwargs):
        version = self._version(request.POST)
        if version is None:
            return HttpResponse(_("Choose a version to regrade."), status=400)
        try:
            done = final_quiz_regrade(
                question=self.question, version=version, by=request.user, request=request
            )
        except PermissionDenied:
            return forbidden(request)
        except RegradeRefused as refusal:
            return self.render_to_response(
                self.get_context_data(version=version, error=str(refusal)), status=400
            )
        return self.render_to_response(self.get_context_data(version=version, done=done))


class RegradeMenuItem(ActionMenuItem):
    """ "Regrade attempts" in a question's save menu, for those who may regrade."""

    name = "action-regrade"
    label = gettext_lazy("Regrade attempts")
    icon_name = "redirect"
    order = 900

    def is_shown(self, context):
        return context.get("view") == "edit" and context["request"].user.has_perm(
            REGRADE_PERMISSION
        )

    def get_url(self, parent_context):
        return reverse("question_regrade", args=[quote(parent_context["instance"].pk)])


@hooks.register("register_snippet_action_menu_item")
def regrade_menu_item(model):
    return RegradeMenuItem() if model is Question else None


@hooks.register("register_admin_urls")
def regrade_urls():
    return [
        path(
            "herbeoordelen/vraag/<int:question_id>/",
            QuestionRegradeView.as_view(),
            name="question_regrade",
        )
    ]
