"""The hand-made admin screens are Wagtail viewsets (core.viewsets.PermissionViewSet): their
URLs and URL names are the ones links and tests use, and each menu item is shown only to the
users with the screen's permission, who are also the only ones let in."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.roles import Role

pytestmark = pytest.mark.django_db

SCREENS = {
    # url name: (its path, a role that may use it, a role that may not)
    "staff_import": ("/admin/personeel-importeren/", Role.BEHEER, Role.KERNTEAM),
    "yearly_overview": ("/admin/weerbaarheid-in-cijfers/", Role.KERNTEAM, Role.BEHEER),
    "audit_log": ("/admin/rapportages/auditlog/", Role.BEHEER, Role.LEIDINGGEVENDE),
    "completion_report_people": ("/admin/rapportages/per-persoon/", Role.KERNTEAM, Role.GRIFFIE),
}


def test_the_urls_keep_their_names_and_paths():
    assert {name: reverse(name) for name in SCREENS} == {
        name: path for name, (path, _, _) in SCREENS.items()
    }
    assert reverse("staff_import_preview", args=[7]) == "/admin/personeel-importeren/7/"
    assert reverse("audit_log_results") == "/admin/rapportages/auditlog/resultaten/"


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_the_menu_shows_a_screen_only_to_who_may_use_it(name, make_user, mfa_client_for):
    path, allowed, refused = SCREENS[name]
    client = mfa_client_for(make_user(Role.MEDEWERKER, allowed))
    assert client.get(path).status_code == 200
    assert f'"{path}"' in client.get("/admin/").content.decode()

    client.logout()
    client = mfa_client_for(make_user(Role.MEDEWERKER, refused))
    assert f'"{path}"' not in client.get("/admin/").content.decode()
    assert client.get(path).status_code in (302, 403)  # Wagtail sends some refusals home
