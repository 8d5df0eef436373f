"""The reflection page's view: it reads and writes only the visitor's own reflection.

Called by :meth:`ReflectionPage.serve_open`, after the page's gate let the visitor in."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from modules.council.models import Reflection, ReflectionAnswer, ReflectionPage
from modules.council.selectors import own_reflection
from modules.council.services import reflection_save


def reflection(request: HttpRequest, page: ReflectionPage) -> HttpResponse:
    """GET shows the statements with the visitor's answers and, for answered ones, the tip;
    POST saves (or, with ``verwijderen``, deletes) the visitor's own answers."""
    user = request.user
    errors: list[str] = []
    error_target = "stelling-1"
    if request.method == "POST":
        if request.POST.get("verwijderen") and request.POST.get("bevestig") == "ja":
            Reflection.objects.filter(user=user, page=page).delete()
            messages.success(request, _("Your answers have been deleted."))
            return HttpResponseRedirect(page.url)
        if request.POST.get("verwijderen"):
            errors = [_("Tick the box to confirm that you want to delete your answers.")]
            error_target = "bevestig-verwijderen"
    if request.method == "POST" and not errors:
        answers = {
            block.id: request.POST.get(f"stelling-{block.id}", "") for block in page.statements
        }
        try:
            reflection_save(
                user=user, page=page, answers=answers, notes=request.POST.get("notities", "")
            )
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _("Your answers have been saved. Only you can see them."))
            return HttpResponseRedirect(page.url + "#tips")
    saved = own_reflection(user=user, page=page)
    answers = saved.answers if saved else {}
    labels = dict(ReflectionAnswer.choices)
    statements = [
        {
            "id": block.id,
            "statement": block.value["statement"],
            "tip": block.value["tip"],
            "answer": answers.get(block.id, ""),
            "answer_label": labels.get(answers.get(block.id, ""), ""),
        }
        for block in page.statements
    ]
    return TemplateResponse(
        request,
        "council/reflection_page.html",
        {
            "page": page,
            "self": page,
            "statements": statements,
            "choices": ReflectionAnswer.choices,
            "reflection": saved,
            "errors": errors,
            "error_target": error_target,
        },
        status=400 if errors else 200,
    )
