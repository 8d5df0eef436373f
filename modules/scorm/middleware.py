"""The content origin's host answers package files and static files, nothing else; and a
site page that plays a package may frame that origin, no other page.

The content origin runs the same Django project (one deployment), so without this a partner's
script there could fetch the site's login or admin pages on that host (no cookies, but still
more surface than needed). Sits just inside ``core.middleware.ContentSecurityPolicyMiddleware``
so that the ``frame-src`` addition is on the response before the policy is written, and
before sessions and CSRF, which do not run for a refused request.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponseNotFound

from modules.scorm.content_origin import content_origin, is_content_host

CONTENT_PREFIX = "/scorm/inhoud/"
#: Set on the request by ``{% scorm_player %}`` when the page frames the content origin.
FRAMES_CONTENT_ATTR = "_scorm_frames_content"


class ContentOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if is_content_host(request) and not request.path_info.startswith(
            (CONTENT_PREFIX, settings.STATIC_URL)
        ):
            return HttpResponseNotFound()
        response = self.get_response(request)
        if getattr(request, FRAMES_CONTENT_ATTR, False) and content_origin():
            update = dict(getattr(response, "_csp_update", None) or {})
            update["frame-src"] = [*update.get("frame-src", []), content_origin()]
            response._csp_update = update
        return response
