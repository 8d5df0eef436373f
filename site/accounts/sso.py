"""Single sign-on with Microsoft Entra ID: who may log in, and which account they get.

An Entra identity is linked to a Weerbaar account by its immutable object id (``oid``; allauth
stores it as the social account's uid, the ``uid_field`` app setting) within the one tenant of
``ENTRA_TENANT_ID``. The ``email`` claim proves nothing by itself (django-allauth issue #3675:
guests and editable mail attributes), so allauth's own email matching is off and
:meth:`SocialAccountAdapter.pre_social_login` decides instead:

* a login from another tenant, or of a guest account, is refused;
* an identity linked before logs into its own account, whatever its email says now;
* a first login is linked to the account HR made only when the address is in one of the
  municipality's own domains (``WEERBAAR_SSO_EMAIL_DOMAINS``), that account is active, and it
  is not linked to another Entra identity yet;
* nobody else gets in (no self-signup), and no account's email is ever taken from the claims:
  HR owns it.

Each refusal is a Dutch page (allauth's ``ImmediateHttpResponse``). A login that passes still
goes through allauth's login stages, so a person with TOTP is asked for their code.
"""

from __future__ import annotations

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialAccount, SocialLogin
from allauth.socialaccount.providers.base import AuthProcess
from django.conf import settings
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from accounts.models import User

GUEST_MARKER = "#ext#"  # in a guest's user principal name: jan_example.com#EXT#@tenant...
NAME_CLAIMS = ("upn", "preferred_username", "unique_name")


def id_token_claims(sociallogin: SocialLogin) -> dict:
    """The claims of the ID token allauth verified (the userinfo endpoint has no tid or oid,
    so the app setting ``fetch_userinfo`` is off)."""
    data = sociallogin.account.extra_data or {}
    return data.get("id_token") or {}


def _same_tenant(claims: dict) -> bool:
    tenant = (settings.ENTRA_TENANT_ID or "").strip().lower()
    return bool(tenant) and str(claims.get("tid", "")).strip().lower() == tenant


def _is_guest(claims: dict) -> bool:
    """Guests (B2B, personal Microsoft accounts) show as ``#EXT#`` in their name, as an
    ``idp`` claim naming another issuer, or as the optional claim ``acct`` = 1."""
    if any(GUEST_MARKER in str(claims.get(name, "")).lower() for name in NAME_CLAIMS):
        return True
    tenant = str(claims.get("tid", "")).lower()
    idp = str(claims.get("idp", "")).strip().lower()
    if idp and idp not in {
        f"https://sts.windows.net/{tenant}/",
        f"https://login.microsoftonline.com/{tenant}/v2.0",
    }:
        return True
    return str(claims.get("acct", "0")).strip() == "1"


def _own_domain(email: str) -> bool:
    domains = {domain.strip().lower() for domain in settings.WEERBAAR_SSO_EMAIL_DOMAINS}
    local, _at, domain = email.strip().lower().rpartition("@")
    return bool(local) and domain in domains


def already_linked() -> str:
    return _(
        "Your Weerbaar account is already linked to another Microsoft account. Ask beheer (HR) "
        "to check your account."
    )


def _refuse(request: HttpRequest, message: str) -> ImmediateHttpResponse:
    response = TemplateResponse(
        request, "accounts/sso_refused.html", {"message": message}, status=403
    )
    return ImmediateHttpResponse(response)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin) -> bool:
        return False  # accounts come from HR; pre_social_login refuses before it gets here

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        claims = id_token_claims(sociallogin)
        if not (claims.get("oid") and _same_tenant(claims)):
            raise _refuse(
                request,
                _(
                    "This Microsoft account does not belong to the municipality's own "
                    "organisation. Log in with your municipal account."
                ),
            )
        if _is_guest(claims):
            raise _refuse(
                request,
                _(
                    "Guest accounts cannot log in to Weerbaar. Log in with your own municipal "
                    "account."
                ),
            )
        if sociallogin.is_existing:  # linked before, by oid: their own account, email unchanged
            return
        if sociallogin.state.get("process") == AuthProcess.CONNECT:
            # A logged-in person links an identity from "Verbonden accounts": one Entra
            # identity per account, and only the identity HR's address belongs to. Otherwise
            # a borrowed session could link the intruder's own Microsoft account and keep a
            # way back in.
            if SocialAccount.objects.filter(
                user_id=request.user.pk, provider=sociallogin.account.provider
            ).exists():
                raise _refuse(request, already_linked())
            if self._first_login_account(claims) != request.user:
                raise _refuse(
                    request,
                    _(
                        "This Microsoft account is not the one of your Weerbaar account: its "
                        "email address is different. Log in with your own municipal account."
                    ),
                )
            return
        user = self._first_login_account(claims)
        if user is None:
            raise _refuse(
                request,
                _(
                    "There is no Weerbaar account for this Microsoft account. Accounts come "
                    "from HR: ask beheer (HR) to check your account."
                ),
            )
        linked = SocialAccount.objects.filter(user=user, provider=sociallogin.account.provider)
        if linked.exists():
            raise _refuse(request, already_linked())
        # Link now: the login then continues as any linked login (MFA stage included). The
        # account's own fields are left as HR gave them.
        sociallogin.connect(request, user)

    @staticmethod
    def _first_login_account(claims: dict) -> User | None:
        """The active account HR made for this address, when it is one of our own domains."""
        email = str(claims.get("email") or "").strip()
        if not email or not _own_domain(email):
            return None
        return User.objects.filter(email__iexact=email, is_active=True).first()
