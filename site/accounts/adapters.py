"""allauth adapters: no self-signup; accounts and their addresses come from HR (staff import
or the admin); roles that need MFA keep their second factor.

With SSO a first login is matched to the existing account by its (verified) email address; a
person without an account is not let in.
"""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def can_delete_email(self, email_address) -> bool:
        """The address comes from HR (staff import or beheer), never removed by its owner.

        ``accounts.views.EmailFromHRView`` already stands in front of allauth's email page;
        this keeps allauth's own flow refusing too.
        """
        return False

    def get_reauthentication_methods(self, user) -> list[dict]:
        """Roles that need MFA confirm sensitive changes with their second factor only.

        allauth lets anyone with a password reauthenticate with it, which would let a stolen
        password alone switch off TOTP or make new recovery codes. Without the password method
        allauth's password form redirects to the code form, and the reauthentication that
        ``@reauthentication_required`` asks for is a TOTP or recovery code. A user of those
        roles who has no second factor yet still confirms with the password, to set one up.
        """
        methods = super().get_reauthentication_methods(user)
        second_factor = [m for m in methods if m["id"].startswith("mfa_reauthenticate")]
        if second_factor and user.is_authenticated and user.requires_mfa:
            return second_factor
        return methods


class MFAAdapter(DefaultMFAAdapter):
    """A second factor that stays: roles that need MFA cannot switch it off themselves.

    Losing a device goes through beheer, who resets two-step verification with an audit entry
    (``accounts.services.user_reset_mfa``); the person then sets it up again.
    """

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": _(
            "Your role requires two-step verification. Lost your phone? Ask beheer to reset "
            "your verification."
        ),
        # Addresses come from HR; point to the page that verifies the one HR gave.
        "unverified_email": _(
            "Confirm your email address first (under Email address), then set up two-step "
            "verification."
        ),
    }

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        return not authenticator.user.requires_mfa
