"""Site-wide response headers: the Content-Security-Policy and ``no-store`` on personal pages.

Both are wired in ``MIDDLEWARE`` (``config.settings.base``); the policy itself is the setting
``CONTENT_SECURITY_POLICY``. Each exists once here, so no view can forget it.
"""

from __future__ import annotations

from csp.constants import HEADER, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control

from core.csp import current_request

ADMIN_PATH = "/admin/"


def _same_origin_framing(response: HttpResponseBase) -> bool:
    return response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with two per-response adjustments the setting cannot express.

    - ``frame-ancestors``: ``'none'`` everywhere, except on responses the view itself allowed
      in a same-origin frame (``X-Frame-Options: SAMEORIGIN``, which Wagtail sets on its
      preview views for the editor's preview panel). So the two headers always agree.
    - The Wagtail admin needs inline styles: its templates and widgets write ``style="…"``
      attributes (sidebar, choosers, our SVG charts) and its bundled libraries (vendor.js,
      seen in the browser test) insert ``<style>`` elements, which no nonce can reach. So
      ``style-src`` gets ``'unsafe-inline'`` under ``/admin/`` only: CSS cannot run script,
      scripts keep the strict nonce policy, and the learner site keeps ``style-src 'self'``.

    Must sit outside ``XFrameOptionsMiddleware`` (earlier in ``MIDDLEWARE``) so that header is
    set when the policy is built.
    """

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request._csp_request_token = current_request.set(request)

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if _same_origin_framing(response) and HEADER in response:
            # Wagtail renders a preview through the middleware chain a second time (a dummy
            # request), so the page's policy is set before its preview view allows the
            # frame; only frame-ancestors changes, the inner nonce stays.
            response[HEADER] = response[HEADER].replace(
                f"frame-ancestors {NONE}", f"frame-ancestors {SELF}"
            )
        try:
            return super().process_response(request, response)
        finally:
            token = getattr(request, "_csp_request_token", None)
            if token is not None:
                current_request.reset(token)
                del request._csp_request_token

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        replace = dict(parts.replace or {})
        update = dict(parts.update or {})
        if _same_origin_framing(response):
            replace.setdefault("frame-ancestors", [SELF])
        if request.path_info.startswith(ADMIN_PATH):
            update.setdefault("style-src", [UNSAFE_INLINE])
        parts.replace = replace or None
        parts.update = update or None
        return parts


class PrivateNoStoreMiddleware:
    """Every response to a logged-in person is ``Cache-Control: private, no-store``.

    Pages for a logged-in person show their own progress, answers, certificates or data; no
    browser cache or proxy may keep them (a shared computer, a back button after logout).
    A view that set ``no-store`` itself (``never_cache``, the check-in code) keeps its header.
    Anonymous responses (the public home page, the certificate check) are left alone, and
    static files never get here (WhiteNoise answers before this middleware). Needs
    ``AuthenticationMiddleware`` before it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        if "no-store" not in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True, no_store=True)
        return response
