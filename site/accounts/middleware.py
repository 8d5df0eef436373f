"""Guards the admin and the reports: admin rights, then MFA set up and used in this session."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Wagtail's admin login is redirected to allauth in config.urls; let that redirect through.
_OPEN_PATHS = ("/admin/login/",)


def used_mfa_this_session(request: HttpRequest) -> bool:
    """True when allauth recorded a second-factor authentication in this session."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def _redirect(view_name: str, next_url: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{reverse(view_name)}?{urlencode({'next': next_url})}")


class AdminAccessMiddleware:
    """For paths in ``WEERBAAR_MFA_PROTECTED_PATHS`` (the Wagtail admin and the reports):

    - anonymous visitors pass through, so Wagtail sends them to the login page;
    - a logged-in user without admin rights gets 403 (not a login loop);
    - a user who must use MFA and has none is sent to set up TOTP;
    - a user with TOTP who did not use it in this session is asked for a code first.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self._check(request)
        return response if response is not None else self.get_response(request)

    def _check(self, request: HttpRequest) -> HttpResponse | None:
        path = request.path
        if not path.startswith(settings.WEERBAAR_MFA_PROTECTED_PATHS):
            return None
        if path.startswith(_OPEN_PATHS):
            return None
        user = request.user
        if not user.is_authenticated:
            return None
        if path.startswith("/admin/") and not user.has_perm("wagtailadmin.access_admin"):
            raise PermissionDenied(_("You do not have access to the management environment."))
        if not (user.requires_mfa or user.has_perm("wagtailadmin.access_admin")):
            return None
        if used_mfa_this_session(request):
            return None
        next_url = request.get_full_path()
        if not has_totp(user):
            messages.info(
                request,
                _(
                    "Set up two-step verification first. You need it to use the "
                    "management environment and the reports."
                ),
            )
            return _redirect("mfa_activate_totp", next_url)
        messages.info(request, _("Confirm that it is you with a code from your authenticator app."))
        return _redirect("mfa_reauthenticate", next_url)
