"""No avatars from gravatar.com: it would get a hash of every staff member's email address
with each admin page view (finding 8 of issue 12)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_the_gravatar_provider_is_off():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


def test_no_admin_page_mentions_gravatar(make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailadmin_account"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "gravatar" not in response.content.decode().lower(), url
