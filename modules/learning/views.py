"""Views that are not Wagtail pages: lesson completion and certificates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.middleware import used_mfa_this_session
from modules.learning.certificates import certificate_render_pdf
from modules.learning.models import LessonPage
from modules.learning.rules import normalise_certificate_code
from modules.learning.selectors import (
    certificate_by_code,
    may_download_certificate,
    module_outline,
)
from modules.learning.services import lesson_complete


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


def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: anyone holding a certificate's code can check it. Shows validity, module, date
    and the holder's initials, nothing more; an unknown code says so (status 404)."""
    if len(code) > 40:
        raise Http404
    normalised = normalise_certificate_code(code)
    if normalised != code:
        return HttpResponseRedirect(reverse("certificate_verify", args=[normalised]))
    view = certificate_by_code(code=code, today=timezone.localdate())
    return render(
        request,
        "modules/certificate_verify.html",
        {"certificate": view, "code": code},
        status=200 if view else 404,
    )


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
    verify_url = request.build_absolute_uri(reverse("certificate_verify", args=[view.code]))
    pdf = certificate_render_pdf(certificate=view, verify_url=verify_url)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificaat-{view.code}.pdf"'
    return response
