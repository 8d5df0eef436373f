"""The learner's state, cached under version stamps (``core.stamped``).

Every learner page asks the same questions: which modules are assigned to me, how far am I in
this module, may I start its final quiz, what did I choose in this lesson's dilemmas. The
answers change only when the person's own rows change (progress, rounds, attempts, choices,
roles: their stamp moves) or when the content or an assignment changes (the site stamp
moves), so they are computed once per version and then read from the cache. The rules
themselves stay in ``selectors``, ``final_quiz`` and ``dilemmas``; this module only caches.

Anything that depends on the date is keyed by today's date; a quiz availability that depends
on the clock (a waiting time after a failed attempt) is not cached at all.
"""

from __future__ import annotations

from django.utils import timezone
from wagtail.models import Page

from accounts.models import User
from core.stamped import stamped_read
from modules.learning.dilemmas import dilemma_choices_on_page
from modules.learning.final_quiz import QuizAvailability, quiz_availability
from modules.learning.models import Assignment, ModulePage
from modules.learning.selectors import ModuleOutline, module_outline


def assigned_module_ids(*, user: User) -> frozenset[int]:
    """The modules assigned to the person (``Assignment.objects.applying_to``)."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    return stamped_read(
        "assigned",
        lambda: frozenset(Assignment.objects.applying_to(user).values_list("module_id", flat=True)),
        user_id=user.pk,
        identity=True,
    )


def cached_module_outline(*, user: User, module: ModulePage) -> ModuleOutline:
    """:func:`~modules.learning.selectors.module_outline`, once per version and day."""
    if not user.is_authenticated:
        return module_outline(user=user, module=module)
    return stamped_read(
        "outline",
        lambda: module_outline(user=user, module=module),
        user_id=user.pk,
        parts=(module.pk, timezone.localdate()),
    )


def cached_quiz_availability(*, user: User, module: ModulePage) -> QuizAvailability:
    """:func:`~modules.learning.final_quiz.quiz_availability`, once per version and day,
    unless the answer waits for a moment (then it is computed every time)."""
    return stamped_read(
        "quiz",
        lambda: quiz_availability(user=user, module=module),
        user_id=user.pk,
        parts=(module.pk, timezone.localdate()),
        keep=lambda availability: availability.next_attempt_at is None,
    )


def cached_dilemma_choices(*, user: User, page: Page, preview: bool) -> dict[str, str] | None:
    """:func:`~modules.learning.dilemmas.dilemma_choices_on_page`; previews are never cached."""
    if preview or page.pk is None or not user.is_authenticated:
        return dilemma_choices_on_page(user=user, page=page, preview=preview)
    return stamped_read(
        "dilemmas",
        lambda: dilemma_choices_on_page(user=user, page=page, preview=preview),
        user_id=user.pk,
        parts=(page.pk,),
    )
