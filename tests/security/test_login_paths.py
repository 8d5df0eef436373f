"""One way in: every login goes through allauth, with its MFA stage and rate limits.

Wagtail ships its own login views (the admin's ``/admin/login/`` and the front-end
``/_util/login/`` for private pages) and Django ships more (password reset, password change).
None of them knows about allauth's MFA stage or rate limits, so each one is a side door that
logs in with a password only. These tests walk the whole URL resolver: one lists every view that
could authenticate and compares it with an allowlist (a new one makes it fail), another posts a
kernteam member's password to every URL and checks that none of them logs in.
"""

from __future__ import annotations

import inspect
import itertools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from allauth.account.internal import flows as allauth_flows
from django.contrib import auth as django_auth
from django.contrib.auth import views as auth_views
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RegexPattern, RoutePattern
from wagtail.admin.views import account as wagtail_account_views
from wagtail.models import PageViewRestriction

from accounts.roles import Role
from accounts.services import user_activate_totp
from home.models import ContentPage
from home.services import site_install_home_page
from tests.conftest import TEST_TOTP_SECRET
from tests.factories.accounts import TEST_PASSWORD

pytestmark = pytest.mark.django_db

# ---------------------------------------------------------------------------------------------
# Walking the resolver
# ---------------------------------------------------------------------------------------------
CONVERTER_SAMPLES = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "path": "x/",
    "uuid": "00000000-0000-4000-8000-000000000001",
}
# Tried, in every combination, for the capture groups of regex patterns ("" and "/x" for an
# optional group such as django-scim2's ``(?:/(?P<uuid>[^/]+))?``).
REGEX_GROUP_SAMPLES = ("x", "1", "x/", "x-x", "/x", "")
_ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<parameter>[^>]+)>")


@dataclass(frozen=True)
class Endpoint:
    route: str  # the patterns joined, as written in the URLconfs
    path: str  # a concrete URL for it, converters filled with samples
    pattern: URLPattern

    @property
    def view(self):
        return getattr(self.pattern.callback, "view_class", None) or inspect.unwrap(
            self.pattern.callback
        )

    @property
    def view_path(self) -> str:
        return f"{self.view.__module__}.{self.view.__qualname__}"


def _sample_route(pattern: RoutePattern) -> str:
    def fill(match: re.Match) -> str:
        converter = match.group("converter") or "str"
        assert converter in CONVERTER_SAMPLES, f"no sample for converter {converter!r}: add one"
        return CONVERTER_SAMPLES[converter]

    return _ROUTE_PARAMETER.sub(fill, str(pattern))


def _top_level_groups(regex: str) -> list[tuple[int, int]]:
    """Spans of the outermost ``(...)`` groups (with a ``?`` after one), skipping escapes and
    character classes."""
    spans, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(regex):
        char = regex[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            if depth == 0:
                start = index
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                optional = regex[index + 1 : index + 2] == "?"
                spans.append((start, index + 2 if optional else index + 1))
        index += 1
    return spans


def _sample_regex(pattern: RegexPattern) -> str:
    regex = str(pattern)
    spans = _top_level_groups(regex)
    for combination in itertools.product(REGEX_GROUP_SAMPLES, repeat=len(spans)):
        candidate = regex
        for (start, end), sample in reversed(list(zip(spans, combination, strict=True))):
            candidate = candidate[:start] + sample + candidate[end:]
        candidate = candidate.removeprefix("^").removesuffix("$")
        candidate = candidate.replace(".*", "x").replace(".+", "x").replace("\\", "")
        if re.fullmatch(regex, candidate):
            return candidate
    raise AssertionError(f"no sample URL for the regex pattern {regex!r}: extend the samples")


def _sample(pattern) -> str:
    if isinstance(pattern, RoutePattern):
        return _sample_route(pattern)
    if isinstance(pattern, RegexPattern):
        return _sample_regex(pattern)
    raise AssertionError(f"unknown pattern type {type(pattern).__name__}")


def _walk(entries, route: str = "", path: str = "") -> Iterator[Endpoint]:
    for entry in entries:
        entry_route, entry_path = route + str(entry.pattern), path + _sample(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, entry_route, entry_path)
        elif isinstance(entry, URLPattern):
            yield Endpoint(route=entry_route, path="/" + entry_path, pattern=entry)


def all_endpoints() -> list[Endpoint]:
    """Every URL pattern of config.urls, the Wagtail admin's and allauth's included."""
    return list(_walk(get_resolver().url_patterns))


def is_reachable(endpoint: Endpoint) -> bool:
    """False when an earlier pattern answers this URL (the pattern is shadowed)."""
    return resolve(endpoint.path).func is endpoint.pattern.callback


def reachable_endpoints() -> list[Endpoint]:
    return [endpoint for endpoint in all_endpoints() if is_reachable(endpoint)]


# ---------------------------------------------------------------------------------------------
# What counts as a view that can authenticate
# ---------------------------------------------------------------------------------------------
AUTHENTICATING_BASES = (
    auth_views.LoginView,
    auth_views.PasswordResetConfirmView,
    auth_views.PasswordChangeView,
    wagtail_account_views.LoginView,
    wagtail_account_views.AccountView,  # Wagtail's own email and password panels
)
# A view whose module (or the module of one of its classes) holds one of these can log in.
LOGIN_CALLABLES = (
    django_auth.login,
    django_auth.authenticate,
    django_auth.update_session_auth_hash,
    allauth_flows,
    allauth_flows.login,
    allauth_flows.login.perform_login,
)
KEYWORDS = (
    "login",
    "auth",
    "password",
    "reauth",
    "2fa",
    "mfa",
    "totp",
    "recovery",
    "oidc",
    "social",
    "3rdparty",
    "signup",
    "sso",
)
_TOKENS = re.compile(r"[^a-z0-9]+")


def _modules_of(view) -> set[str]:
    classes = inspect.getmro(view) if inspect.isclass(view) else ()
    return {getattr(view, "__module__", "")} | {cls.__module__ for cls in classes}


def _module_can_log_in(module_name: str) -> bool:
    module = sys.modules.get(module_name)
    if module is None:
        return False
    values = list(vars(module).values())
    return any(value is candidate for value in values for candidate in LOGIN_CALLABLES)


def can_authenticate(endpoint: Endpoint) -> bool:
    view = endpoint.view
    if inspect.isclass(view) and issubclass(view, AUTHENTICATING_BASES):
        return True
    modules = _modules_of(view)
    if any(module.startswith("allauth.") for module in modules):
        return True
    if any(_module_can_log_in(module) for module in modules):
        return True
    text = f"{endpoint.route} {endpoint.pattern.name or ''}".lower()
    return any(token.startswith(KEYWORDS) for token in _TOKENS.split(text))


# The allauth flows: the only way to log in, each with allauth's stages (MFA) and rate limits.
ALLAUTH = {
    "accounts/login/": "allauth.account.views.LoginView",
    "accounts/logout/": "allauth.account.views.LogoutView",
    "accounts/inactive/": "allauth.account.views.AccountInactiveView",
    "accounts/signup/": "allauth.account.views.SignupView",  # closed: AccountAdapter
    "accounts/reauthenticate/": "allauth.account.views.ReauthenticateView",
    "accounts/confirm-email/": "allauth.account.views.email_verification_sent",
    "accounts/password/change/": "allauth.account.views.PasswordChangeView",
    "accounts/password/set/": "allauth.account.views.PasswordSetView",
    "accounts/password/reset/": "allauth.account.views.PasswordResetView",
    "accounts/login/code/confirm/": "allauth.account.views.ConfirmLoginCodeView",
    "accounts/^confirm-email/(?P<key>[-:\\w]+)/$": "allauth.account.views.ConfirmEmailView",
    "accounts/password/reset/key/done/": "allauth.account.views.PasswordResetFromKeyDoneView",
    "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": (
        "allauth.account.views.PasswordResetFromKeyView"
    ),
    "accounts/password/reset/done/": "allauth.account.views.PasswordResetDoneView",
    "accounts/2fa/": "allauth.mfa.base.views.IndexView",
    "accounts/2fa/authenticate/": "allauth.mfa.base.views.AuthenticateView",
    "accounts/2fa/reauthenticate/": "allauth.mfa.base.views.ReauthenticateView",
    "accounts/2fa/totp/activate/": "allauth.mfa.totp.views.ActivateTOTPView",
    "accounts/2fa/totp/deactivate/": "allauth.mfa.totp.views.DeactivateTOTPView",
    "accounts/2fa/recovery-codes/": "allauth.mfa.recovery_codes.views.ViewRecoveryCodesView",
    "accounts/2fa/recovery-codes/generate/": (
        "allauth.mfa.recovery_codes.views.GenerateRecoveryCodesView"
    ),
    "accounts/2fa/recovery-codes/download/": (
        "allauth.mfa.recovery_codes.views.DownloadRecoveryCodesView"
    ),
    "accounts/3rdparty/login/cancelled/": "allauth.socialaccount.views.LoginCancelledView",
    "accounts/3rdparty/login/error/": "allauth.socialaccount.views.LoginErrorView",
    "accounts/3rdparty/signup/": "allauth.socialaccount.views.SignupView",  # closed
    "accounts/3rdparty/": "allauth.socialaccount.views.ConnectionsView",
    "accounts/social/login/cancelled/": "django.views.generic.base.RedirectView",
    "accounts/social/login/error/": "django.views.generic.base.RedirectView",
    "accounts/social/signup/": "django.views.generic.base.RedirectView",
    "accounts/social/connections/": "django.views.generic.base.RedirectView",
    "accounts/oidc/^(?P<provider_id>[^/]+)/login/": (
        "allauth.socialaccount.providers.openid_connect.views.login"
    ),
    "accounts/oidc/^(?P<provider_id>[^/]+)/login/callback/": (
        "allauth.socialaccount.providers.openid_connect.views.callback"
    ),
}
# Looked at one by one: these match the search above but cannot log anyone in.
REVIEWED_NOT_A_LOGIN = {
    # Wagtail's and Django's login forms, sent to allauth's (config.urls).
    "admin/login/": "django.views.generic.base.RedirectView",
    "_util/login/": "django.views.generic.base.RedirectView",
    "admin/logout/": "wagtail.admin.views.account.LogoutView",
    # Name, language and notifications only: WAGTAIL_EMAIL_MANAGEMENT_ENABLED and
    # WAGTAIL_PASSWORD_MANAGEMENT_ENABLED are off.
    "admin/account/": "wagtail.admin.views.account.AccountView",
    # 404 while WAGTAIL_PASSWORD_RESET_ENABLED is off (test below).
    "admin/password_reset/": "wagtail.admin.views.account.PasswordResetView",
    "admin/password_reset/done/": "wagtail.admin.views.account.PasswordResetDoneView",
    "admin/password_reset/confirm/<uidb64>/<token>/": (
        "wagtail.admin.views.account.PasswordResetConfirmView"
    ),
    "admin/password_reset/complete/": "wagtail.admin.views.account.PasswordResetCompleteView",
    # Shared page or collection passwords mark a restriction as passed in the session; they
    # never log in a user, and new ones cannot be made (WAGTAIL_PRIVATE_PAGE_OPTIONS).
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": (
        "wagtail.views.authenticate_with_password"
    ),
    "documenten/authenticate_with_password/<int:restriction_id>/": (
        "wagtail.documents.views.serve.authenticate_with_password"
    ),
    # People management: beheer sets passwords of the accounts it may manage (see
    # accounts.policies); Wagtail only keeps the editor's own session after such a change
    # (update_session_auth_hash). Nobody is logged in as someone else.
    "admin/users/": "accounts.viewsets.IndexView",
    "admin/users/results/": "accounts.viewsets.IndexView",
    "admin/users/new/": "accounts.viewsets.CreateView",
    "admin/users/edit/<int:pk>/": "accounts.viewsets.EditView",
    "admin/users/delete/<int:pk>/": "accounts.viewsets.DeleteView",
    # Beheer resets someone else's two-step verification (audit entry); it logs nobody in.
    "admin/users/reset-mfa/<int:pk>/": "accounts.viewsets.MfaResetView",
    "admin/users/history/<int:pk>/": "wagtail.users.views.users.HistoryView",
    "admin/users/history-results/<int:pk>/": "wagtail.users.views.users.HistoryView",
}


def test_every_view_that_can_authenticate_is_on_the_allowlist():
    found = {e.route: e.view_path for e in reachable_endpoints() if can_authenticate(e)}
    expected = ALLAUTH | REVIEWED_NOT_A_LOGIN
    new = {route: view for route, view in found.items() if expected.get(route) != view}
    gone = sorted(set(expected) - set(found))
    assert not new, f"views that may authenticate, not reviewed: {new}"
    assert not gone, f"allowlisted but no longer there (update the allowlist): {gone}"


def test_the_search_finds_the_known_side_doors():
    """The enumeration would have caught the doors of issue 12 (and ignores plain pages)."""
    by_route = {endpoint.route: endpoint for endpoint in all_endpoints()}
    for route in ("_util/login/", "admin/login/", "admin/password_reset/confirm/<uidb64>/<token>/"):
        assert can_authenticate(by_route[route]), route
    assert not can_authenticate(by_route["mijn-leeromgeving/"])
    assert not can_authenticate(by_route["healthz"])


def test_wagtails_and_djangos_login_views_are_not_reachable():
    """Wagtail's own LoginView classes are still in its URLconfs, but shadowed by ours."""
    for endpoint in all_endpoints():
        view = endpoint.view
        if inspect.isclass(view) and issubclass(view, auth_views.LoginView):
            assert not is_reachable(endpoint), endpoint.route


def test_wagtails_admin_password_reset_answers_404(client):
    for path in (
        "/admin/password_reset/",
        "/admin/password_reset/done/",
        "/admin/password_reset/confirm/x/x-x/",
        "/admin/password_reset/complete/",
    ):
        assert client.get(path).status_code == 404, path
        assert client.post(path, {"email": "x@weerbaar.test"}).status_code == 404, path


# ---------------------------------------------------------------------------------------------
# Trying every door with a real password
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def kernteam_with_totp(make_user):
    user = make_user(Role.MEDEWERKER, Role.KERNTEAM)
    user_activate_totp(user=user, secret=TEST_TOTP_SECRET)
    return user


def credentials(user) -> dict[str, str]:
    return {
        "login": user.email,
        "username": user.email,
        "email": user.email,
        "password": TEST_PASSWORD,
    }


def assert_not_logged_in(client: Client, where: str) -> None:
    assert "_auth_user_id" not in client.session, f"{where} logged the user in"
    response = client.get("/admin/")
    assert response.status_code == 302, f"/admin/ reachable after {where}"
    assert response["Location"].startswith(reverse("account_login")), where


def test_no_url_logs_in_with_a_password_alone(kernteam_with_totp):
    endpoints = reachable_endpoints()
    assert len(endpoints) > 100  # the admin's URLs are in the walk
    for endpoint in endpoints:
        client = Client(raise_request_exception=False)
        response = client.post(endpoint.path, credentials(kernteam_with_totp))
        if endpoint.route == "accounts/login/":
            # allauth checks the password, then stops at the MFA stage.
            assert response.status_code == 302
            assert response["Location"] == reverse("mfa_authenticate")
        assert_not_logged_in(client, f"POST {endpoint.path} ({endpoint.route})")


@pytest.mark.parametrize("path", ["/_util/login/", "/admin/login/", "/django-admin/"])
def test_djangos_and_wagtails_login_forms_do_not_authenticate(client, kernteam_with_totp, path):
    response = client.post(f"{path}?next=/admin/", credentials(kernteam_with_totp))
    assert_not_logged_in(client, path)
    if path != "/django-admin/":  # django.contrib.admin has no URLs at all: 404
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('account_login')}?next=/admin/"
    else:
        assert response.status_code == 404


def test_a_user_without_mfa_is_not_logged_in_by_wagtails_front_end_login(client, medewerker):
    """Not only MFA users: /_util/login/ logs nobody in (allauth's rate limits apply to all)."""
    client.post("/_util/login/", credentials(medewerker))
    assert "_auth_user_id" not in client.session


def test_fifteen_passwords_on_the_private_page_login_are_no_password_checks(client, medewerker):
    """Wagtail's /_util/login/ had no rate limit: it no longer checks passwords at all."""
    for attempt in range(15):
        response = client.post(
            "/_util/login/?next=/geheim/",
            {"username": medewerker.email, "password": f"fout-{attempt}"},
        )
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('account_login')}?next=/geheim/"
    client.post("/_util/login/", credentials(medewerker))
    assert "_auth_user_id" not in client.session
    medewerker.refresh_from_db()
    assert medewerker.last_login is None


# ---------------------------------------------------------------------------------------------
# Private pages
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def private_page(db):
    home = site_install_home_page(title="Weerbaar", intro="")
    page = home.add_child(
        instance=ContentPage(title="Alleen voor collega's", slug="intern", body="<p>Intern.</p>")
    )
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def test_a_private_page_sends_anonymous_visitors_to_allauths_login(client, private_page):
    response = client.get(private_page.url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={private_page.url}"


def test_a_private_page_opens_after_the_allauth_login(client, private_page, medewerker):
    client.post(reverse("account_login"), {"login": medewerker.email, "password": TEST_PASSWORD})
    assert client.get(private_page.url).status_code == 200


def test_a_shared_page_password_made_before_never_logs_in_a_user(client, private_page, medewerker):
    """Restrictions with a shared password made before they were switched off still work as
    Wagtail's: they open the page for this session only, with nobody logged in."""
    restriction = PageViewRestriction.objects.create(
        page=private_page, restriction_type=PageViewRestriction.PASSWORD, password="gedeeld-123"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, private_page.pk])
    response = client.post(
        url,
        credentials(medewerker) | {"password": "gedeeld-123", "return_url": private_page.url},
    )
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    medewerker.refresh_from_db()
    assert medewerker.last_login is None


def test_shared_page_passwords_cannot_be_chosen_in_the_admin():
    """A shared password is a login beside allauth; Weerbaar restricts pages by audience."""
    from wagtail.admin.forms.pages import PageViewRestrictionForm

    form = PageViewRestrictionForm(
        private_page_options=[PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD]
    )
    choices = [value for value, _label in form.fields["restriction_type"].choices]
    assert PageViewRestriction.PASSWORD not in choices
    assert "password" not in form.fields
