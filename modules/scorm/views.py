"""The package files and runtime wrapper (content origin) and the tracking endpoint (site).

Content-origin views answer only on ``SCORM_CONTENT_ORIGIN``'s host and only with a valid
token (:mod:`modules.scorm.content_origin`); they set their own Content-Security-Policy, which
allows the package's scripts but no connection outside that origin and framing only by the
site page that was given the token. The tracking endpoint answers only on the site, only to
the logged-in learner the lesson is open to, with the CSRF token.
"""

from __future__ import annotations

import json
import mimetypes

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_POST

from accounts.models import User
from modules.learning.models import LessonPage
from modules.learning.services import NotInModule
from modules.scorm.content_origin import ContentGrant, is_content_host, read_token
from modules.scorm.forms import TrackForm
from modules.scorm.models import ScormPackage
from modules.scorm.package_files import safe_member_name
from modules.scorm.selectors import lesson_plays_package
from modules.scorm.services import NotLaunched, attempt_record, launch_record

# Larger than any allowed report: 64 000 characters of suspend data as JSON may take six bytes
# each (a control character escaped as \u0000; a non-ASCII one takes two to four in UTF-8),
# plus the other fields.
MAX_TRACK_BODY = 512_000
RUNTIME_FILES = {"1.2": "scorm/vendor/scorm12.min.js", "2004": "scorm/vendor/scorm2004.min.js"}


def _content_policy(grant: ContentGrant) -> str:
    """Scripts of the package may run (it is their origin), but talk to nothing else."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "media-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors 'self' {grant.parent_origin}",
        ]
    )


def _grant(request: HttpRequest, token: str) -> tuple[ContentGrant, ScormPackage]:
    if not is_content_host(request):
        raise Http404
    grant = read_token(token)
    if grant is None or not User.objects.filter(pk=grant.user_id, is_active=True).exists():
        raise Http404
    package = get_object_or_404(ScormPackage, pk=grant.package_id)
    return grant, package


def _launched_lesson(grant: ContentGrant) -> tuple[User, LessonPage]:
    """The learner and the live lesson of a grant, when the lesson (still) plays the package and
    is open to them; else 404."""
    user = User.objects.get(pk=grant.user_id)
    lesson = LessonPage.objects.live().filter(pk=grant.lesson_id).first()
    if (
        lesson is None
        or not lesson.is_open_to(user)
        or not lesson_plays_package(lesson=lesson, package_id=grant.package_id)
    ):
        raise Http404
    return user, lesson


def _content_headers(response: HttpResponse, grant: ContentGrant) -> HttpResponse:
    response["Content-Security-Policy"] = _content_policy(grant)
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, max-age=3600"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


@require_GET
@xframe_options_exempt
def content_wrapper(request: HttpRequest, token: str) -> HttpResponse:
    """The page the lesson frames: the SCORM runtime, then the package's start file in a frame.

    The runtime is seeded by the lesson page (postMessage) before the content starts, so the
    content's first GetValue already sees its suspend data. Serving it records the launch
    that tracking asks for (:func:`modules.scorm.services.launch_record`).
    """
    grant, package = _grant(request, token)
    user, lesson = _launched_lesson(grant)
    launch_record(user=user, lesson=lesson, package=package)
    response = TemplateResponse(
        request,
        "scorm/wrapper.html",
        {
            "package": package,
            "runtime": RUNTIME_FILES[package.version],
            "parent_origin": grant.parent_origin,
        },
    )
    response.render()
    return _content_headers(response, grant)


@require_GET
@xframe_options_exempt
def content_file(request: HttpRequest, token: str, path: str) -> HttpResponse:
    grant, package = _grant(request, token)
    try:
        name = safe_member_name(path)
    except ValidationError as e:
        raise Http404 from e
    try:
        handle = default_storage.open(package.file_path(name), "rb")
    except (FileNotFoundError, IsADirectoryError, OSError) as e:
        raise Http404 from e
    content_type, _encoding = mimetypes.guess_type(name)
    response = FileResponse(handle, content_type=content_type or "application/octet-stream")
    return _content_headers(response, grant)


@require_POST
def track(request: HttpRequest, lesson_id: int, package_id: int) -> JsonResponse:
    """Keep what the content committed for the logged-in learner; completes the lesson once done."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "login"}, status=403)
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    if lesson is None or not lesson.is_open_to(request.user):
        raise Http404
    if not lesson_plays_package(lesson=lesson, package_id=package_id):
        raise Http404
    package = get_object_or_404(ScormPackage, pk=package_id)
    if len(request.body) > MAX_TRACK_BODY:
        return JsonResponse({"error": "too_large"}, status=413)
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return HttpResponseBadRequest()
    if not isinstance(data, dict):
        return HttpResponseBadRequest()
    form = TrackForm(data={k: "" if v is None else str(v) for k, v in data.items()})
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    try:
        result = attempt_record(
            user=request.user, lesson=lesson, package=package, report=form.report()
        )
    except NotInModule as e:
        raise Http404 from e
    except NotLaunched:
        # Opened before a new round began (or never opened): the page has to load it again.
        return JsonResponse({"error": "not_launched"}, status=409)
    return JsonResponse(
        {
            "completed": result.attempt.completed_at is not None,
            "newly_completed": result.lesson_newly_completed,
            "final_quiz": result.final_quiz_result,
            "module_completed": result.module_completed,
        }
    )
