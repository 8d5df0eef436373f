"""``{% scorm_player package %}``: the SCORM block's player for the learner reading the lesson.

The block (``modules.blocks.ScormBlock``) sits below this app in the layers, so its template
loads this library by name instead of the block importing the app.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from modules.scorm.content_origin import content_origin, grant_token, request_origin
from modules.scorm.middleware import FRAMES_CONTENT_ATTR
from modules.scorm.models import ScormPackage
from modules.scorm.selectors import attempt_in_round, resume_state

register = template.Library()


@register.simple_tag(takes_context=True)
def scorm_player(context, package: ScormPackage | None, block_id: str = "") -> str:
    request = context.get("request")
    page = context.get("page")
    user = getattr(request, "user", None)
    reason = ""
    if package is None:
        reason = "missing"
    elif not content_origin():
        reason = "not_configured"
    elif (
        request is None
        or getattr(request, "is_preview", False)
        or page is None
        or not user.is_authenticated
    ):
        reason = "preview"
    if reason:
        return render_to_string(
            "scorm/player_unavailable.html", {"reason": reason, "package": package}
        )
    token = grant_token(
        user_id=user.pk,
        package_id=package.pk,
        lesson_id=page.pk,
        parent_origin=request_origin(request),
    )
    wrapper = reverse("scorm_content_wrapper", args=[token])
    # The page's policy may now frame the content origin (ContentOriginMiddleware).
    setattr(request, FRAMES_CONTENT_ATTR, True)
    # Last round's state is not seeded: a renewal plays the package from the start.
    attempt = attempt_in_round(user=user, package=package, lesson=page, today=timezone.localdate())
    return render_to_string(
        "scorm/player.html",
        {
            "package": package,
            "wrapper_url": f"{content_origin()}{wrapper}",
            "content_origin": content_origin(),
            "track_url": reverse("scorm_track", args=[page.pk, package.pk]),
            "state": resume_state(user=user, package=package, attempt=attempt),
            "state_id": f"scorm-state-{block_id or package.pk}",
            "completed": attempt is not None and attempt.completed_at is not None,
        },
        request=request,
    )
