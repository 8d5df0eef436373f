"""Views that are not Wagtail pages: lesson completion, dilemma choices and certificates."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from accounts.middleware import used_mfa_this_session
from modules.learning.certificates import certificate_context, certificate_render_pdf
from modules.learning.dilemmas import Dilemma, dilemma_choose, page_dilemma
from modules.learning.models import LessonPage
from modules.learning.rules import normalise_certificate_code
from modules.learning.selectors import (
    certificate_by_code,
    may_download_certificate,
    module_outline,
)
from modules.learning.services import lesson_complete
from modules.pages import page_is_open_to


@login_required
@require_POST
def lesson_complete_view(request: HttpRequest, lesson_id: int) -> HttpResponse:
    """ "Afronden en verder": record the lesson as done, then go to the next step.

    A lesson outside the user's audience is answered with 404, as if it did not exist.
    """
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    if lesson is None:
        raise Http404
    module = lesson.get_parent().specific
    if not module.is_open_to(request.user):
        raise Http404
    result = lesson_complete(user=request.user, lesson=lesson)
    outline = module_outline(user=request.user, module=module)
    if result.module_completed:
        messages.success(request, _("Well done: you have completed this module."))
        return HttpResponseRedirect(module.url)
    following = outline.step_after(lesson)
    if following is not None:
        return HttpResponseRedirect(following.lesson.url)
    next_open = outline.next_step
    if next_open is not None:
        return HttpResponseRedirect(next_open.lesson.url)
    if module.final_quiz_id is not None:
        messages.info(request, _("You have finished every lesson. Now take the final quiz."))
        return HttpResponseRedirect(f"{module.url}#eindtoets")
    return HttpResponseRedirect(module.url)


class DilemmaChoiceForm(forms.Form):
    """The learner's pick in one dilemma: one of that dilemma's own choice ids."""

    choice = forms.ChoiceField()

    def __init__(self, *args, dilemma: Dilemma, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].choices = [(option.id, option.text) for option in dilemma.options]


@login_required
@require_POST
def dilemma_choose_view(request: HttpRequest, page_id: int, block_id: str) -> HttpResponse:
    """ "Kies dit antwoord" in a dilemma of a lesson or trend: store the first choice, then
    back to the dilemma on the page (post/redirect/get), which now shows the explanations.

    A page that is not live or not open to the user (the page gate's own rule), or a block
    that is not a dilemma of its live content, is a 404, as if it did not exist. A choice
    that is not one of the dilemma's is a 400 with a Dutch explanation; nothing is saved.
    """
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404
    page = page.specific
    if not page_is_open_to(user=request.user, page=page):
        raise Http404
    dilemma = page_dilemma(page=page, block_id=block_id)
    if dilemma is None:
        raise Http404
    form = DilemmaChoiceForm(request.POST, dilemma=dilemma)
    if not form.is_valid():
        return HttpResponseBadRequest(
            _("Choose one of the answers of the dilemma. Go back to the page and try again.")
        )
    _choice, created = dilemma_choose(
        user=request.user, page=page, dilemma=dilemma, choice_id=form.cleaned_data["choice"]
    )
    if created:
        messages.success(request, _("Your choice is saved. Read the explanation below it."))
    else:
        messages.info(
            request, _("You had already chosen in this dilemma; your first choice counts.")
        )
    return HttpResponseRedirect(f"{page.get_url(request)}#dilemma-{block_id}")


def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: anyone holding a certificate's code can check it. Shows validity (until when,
    when to renew), module, date, the holder's initials and the page's own address as a QR
    code, nothing more; an unknown code says so (status 404) and shows nobody's data."""
    if len(code) > 40:
        raise Http404
    normalised = normalise_certificate_code(code)
    if normalised != code:
        return HttpResponseRedirect(reverse("certificate_verify", args=[normalised]))
    view = certificate_by_code(code=code, today=timezone.localdate())
    if view is None:
        return render(request, "modules/certificate_verify.html", {"code": code}, status=404)
    context = certificate_context(certificate=view, qr_scale=4)
    return render(request, "modules/certificate_verify.html", {**context, "code": code})


@login_required
def certificate_pdf(request: HttpRequest, code: str) -> HttpResponse:
    """The certificate as a PDF, for its holder and for reporting roles in scope (else 404)."""
    view = certificate_by_code(code=code, today=timezone.localdate())
    if view is None or not may_download_certificate(user=request.user, certificate=view):
        raise Http404
    # Someone else's certificate is report data: kernteam and beheer need MFA in this session.
    someone_else = view.holder.pk != request.user.pk
    if someone_else and request.user.requires_mfa and not used_mfa_this_session(request):
        raise Http404
    pdf = certificate_render_pdf(certificate=view)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificaat-{view.code}.pdf"'
    return response
