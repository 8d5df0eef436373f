"""The final quiz of a module, for the learner: start or resume, answer, submit, result, and
ask for a new round after the last failed attempt.

Plain HTML forms that work without JavaScript. The attempt views load the attempt through
:func:`modules.learning.final_quiz.own_attempt`, so someone else's attempt answers 404; the
result page shows only the learner's own attempt, even after they left the module's audience
(starting again goes through the gate), and only as much of it as the quiz's review level for
that moment allows (:func:`quizzes.presenters.review_level`). Starting and asking for a new
round go through the module's gate and the attempt policy of
:mod:`modules.learning.final_quiz`. The quiz engine (:mod:`quizzes`) scores; these views add the
module around it.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from modules.learning.final_quiz import (
    QuizNotAvailable,
    final_quiz_start,
    final_quiz_submit,
    own_attempt,
    quiz_availability,
)
from modules.learning.models import EnrolmentStatus, ModulePage
from modules.learning.retakes import RetakeRefused, retake_request_create
from modules.learning.selectors import pages_open_to
from quizzes.choices import ReviewLevel
from quizzes.models import FeedbackTiming
from quizzes.presenters import (
    attempt_page_items,
    level_at_least,
    reread_page_ids,
    result_items,
    review_level,
    theme_results,
)
from quizzes.selectors import attempt_items
from quizzes.services import attempt_answer_question, attempt_save_answers, is_small_number

# A whole quiz's answers fit in a few kilobytes; anything far larger is not a real submission.
MAX_SUBMISSION_BYTES = 32 * 1024


def _module_with_quiz(request: HttpRequest, module_id: int) -> ModulePage:
    module = ModulePage.objects.live().filter(pk=module_id).select_related("final_quiz").first()
    if module is None or module.final_quiz is None:
        raise Http404
    if not module.is_open_to(request.user):
        raise Http404
    return module


@login_required
@require_POST
def quiz_start(request: HttpRequest, module_id: int) -> HttpResponse:
    """Start the module's final quiz, or resume the attempt already open."""
    module = _module_with_quiz(request, module_id)
    try:
        attempt = final_quiz_start(user=request.user, module=module)
    except QuizNotAvailable as refusal:
        messages.warning(request, refusal.reason)
        return HttpResponseRedirect(f"{module.url}#eindtoets")
    return HttpResponseRedirect(reverse("attempt", args=[attempt.public_id]))


@login_required
@require_http_methods(["GET", "POST"])
def attempt_view(request: HttpRequest, public_id) -> HttpResponse:
    attempt = own_attempt(user=request.user, public_id=public_id)
    if not attempt.is_open:
        return HttpResponseRedirect(reverse("attempt_result", args=[attempt.public_id]))
    module = attempt.enrolment.module
    # The module may have been unpublished, or the learner moved out of its audience, since the
    # attempt started: then the attempt can no longer be continued or handed in.
    if not module.live or not module.is_open_to(request.user):
        raise Http404
    one_by_one = attempt.quiz.feedback_timing == FeedbackTiming.AFTER_EACH_QUESTION
    errors = None
    status = 200
    if request.method == "POST":
        # Read before request.POST: also catches chunked requests without a Content-Length.
        if len(request.body) > MAX_SUBMISSION_BYTES:
            return HttpResponse(
                _("Your submission is too large. Reload the page and try again."), status=413
            )
        action = request.POST.get("action", "submit")
        if action == "save":
            result = attempt_save_answers(user=request.user, attempt=attempt, data=request.POST)
            if not result.attempt.is_open:  # handed in from another tab meanwhile
                return HttpResponseRedirect(reverse("attempt_result", args=[attempt.public_id]))
            if not result.errors:
                messages.success(request, _("Your answers are saved. You can continue later."))
                return HttpResponseRedirect(f"{module.url}#eindtoets")
        elif action == "answer" and one_by_one:
            position = request.POST.get("position", "")
            if not is_small_number(position):
                return HttpResponse(_("This question is not in this quiz."), status=400)
            result = attempt_answer_question(
                user=request.user, attempt=attempt, position=int(position), data=request.POST
            )
            if not result.attempt.is_open:
                return HttpResponseRedirect(reverse("attempt_result", args=[attempt.public_id]))
            if not result.errors:
                url = reverse("attempt", args=[attempt.public_id])
                return HttpResponseRedirect(f"{url}#feedback")
        else:
            result = final_quiz_submit(user=request.user, attempt=attempt, data=request.POST)
            if not result.errors:
                return HttpResponseRedirect(reverse("attempt_result", args=[attempt.public_id]))
        errors = result.errors
        status = 400
        items = result.items
        posted = request.POST
    else:
        items = attempt_items(attempt=attempt)
        posted = None
    page = attempt_page_items(
        items=items, posted=posted, errors=errors, one_by_one=one_by_one, quiz=attempt.quiz
    )
    return render(
        request,
        "quizzes/attempt.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "module": module,
            "page": page,
            "errors": errors,
            "one_by_one": one_by_one,
        },
        status=status,
    )


@login_required
def attempt_result(request: HttpRequest, public_id) -> HttpResponse:
    """The result of the learner's own attempt: the score and the themes always, the answers
    as far as the review level of this moment allows, the lessons to reread (only those the
    learner may open) and what may come next."""
    attempt = own_attempt(user=request.user, public_id=public_id)
    if attempt.is_open:
        return HttpResponseRedirect(reverse("attempt", args=[attempt.public_id]))
    module = attempt.enrolment.module
    availability = quiz_availability(user=request.user, module=module)
    enrolment = availability.enrolment
    is_latest = availability.last_attempt is not None and availability.last_attempt.pk == attempt.pk
    if enrolment is not None and enrolment.pk == attempt.enrolment_id:
        # "After the last attempt" opens only that attempt: the earlier failed ones of the
        # round stay at the after-fail level, so failing on purpose opens one draw, not all.
        level = review_level(
            attempt=attempt,
            attempts_left=availability.attempts_left if is_latest else None,
            round_passed=availability.passed,
        )
    else:
        # An earlier round: reviewed as a failed attempt with attempts left (or as passed),
        # so a round that ended never opens the answers for the next one.
        level = review_level(attempt=attempt, attempts_left=None)
    items = attempt_items(attempt=attempt)
    if is_latest:
        reread = list(availability.reread_pages)
        themes = list(availability.theme_results) or theme_results(items=items)
    else:
        reread = pages_open_to(user=request.user, page_ids=reread_page_ids(items=items))
        themes = theme_results(items=items)
    return render(
        request,
        "quizzes/result.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "module": module,
            "items": result_items(items=items, level=level),
            "level": level,
            "answers_shown": level_at_least(level, ReviewLevel.FULL),
            "themes": themes,
            "reread_pages": reread,
            "availability": availability,
            "module_completed": enrolment is not None
            and enrolment.status == EnrolmentStatus.COMPLETED,
        },
    )


class RetakeRequestForm(forms.Form):
    """ "Nieuwe ronde aanvragen": the button sends ``ja``; anything else is no request."""

    YES = "ja"

    aanvragen = forms.ChoiceField(
        choices=[(YES, YES)],
        widget=forms.HiddenInput,
        error_messages={
            "required": gettext_lazy("Use the button to ask for a new round."),
            "invalid_choice": gettext_lazy("Use the button to ask for a new round."),
        },
    )


@login_required
@require_POST
def retake_request(request: HttpRequest, module_id: int) -> HttpResponse:
    """Ask the kernteam for a new round of attempts (after the last failed one). The service
    checks that every attempt is used and that the learner is not a raadslid; asking twice
    changes nothing."""
    module = _module_with_quiz(request, module_id)
    form = RetakeRequestForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors["aanvragen"][0], status=400)
    try:
        outcome = retake_request_create(user=request.user, module=module)
    except RetakeRefused as refusal:
        messages.warning(request, str(refusal))
    else:
        if outcome.created:
            messages.success(
                request,
                _(
                    "Your request has been sent. The kernteam ondermijning decides; you will "
                    "get an email."
                ),
            )
        else:
            messages.info(request, _("You have already asked for a new round."))
    return HttpResponseRedirect(f"{module.url}#eindtoets")
