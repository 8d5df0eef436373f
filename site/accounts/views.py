"""Account pages of our own, in front of allauth's where allauth offers more than we allow."""

from __future__ import annotations

from allauth.decorators import rate_limit
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from accounts.managers import normalize_email_address
from accounts.selectors import user_email_is_verified
from accounts.services import user_request_email_verification


@method_decorator(rate_limit(action="manage_email"), name="dispatch")
class EmailFromHRView(LoginRequiredMixin, TemplateView):
    """``/accounts/email/``: the address HR gave, read-only, and a way to verify it.

    Accounts come from HR (the staff import) or beheer, and SSO, reminders and reports rely on
    that address, so nobody adds, removes or swaps their own (allauth's page allows all three).
    What stays is resending the verification email: allauth refuses to set up TOTP while an
    address is unverified, and the link in that email (``/accounts/confirm-email/<key>/``) is
    allauth's own confirmation page.
    """

    template_name = "account/email.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["email"] = user.email
        context["verified"] = user_email_is_verified(user=user)
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        posted = normalize_email_address(request.POST.get("email", user.email))
        if "action_send" in request.POST and posted == user.email:
            user_request_email_verification(request=request, user=user)
        else:
            messages.error(
                request,
                _(
                    "Your email address comes from HR and cannot be changed here. Is it "
                    "wrong? Ask beheer/HR to correct it."
                ),
            )
        return HttpResponseRedirect(reverse("account_email"))
