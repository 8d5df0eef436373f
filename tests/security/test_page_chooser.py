"""The admin's page chooser, explorer and page API show only pages the editor may see.

Leidinggevende, beheer and griffie reach the admin but have no page permissions; before this
fix the page chooser listed the titles of drafts and of audience-restricted modules and lessons
to them (finding 8 of issue 12). The kernteam edits the whole tree and still sees everything.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.roles import Role
from tests.factories import AudienceFactory, LessonPageFactory, module_with_lessons

pytestmark = pytest.mark.django_db

SECRETS = ("Geheim concept", "Alleen voor VTH", "Les alleen VTH")


@pytest.fixture
def tree():
    public = module_with_lessons(lessons=1, title="Openbare module")
    index = public.get_parent()
    draft = module_with_lessons(lessons=0, parent=index, title="Geheim concept", live=False)
    restricted = module_with_lessons(
        lessons=0, parent=index, title="Alleen voor VTH", audience=AudienceFactory(name="VTH")
    )
    LessonPageFactory(parent=restricted, title="Les alleen VTH")
    council = module_with_lessons(
        lessons=1,
        parent=index,
        title="Raadsmodule",
        audience=AudienceFactory(name="Raadsleden", roles=[Role.RAADSLID]),
    )
    return {
        "index": index,
        "public": public,
        "draft": draft,
        "restricted": restricted,
        "council": council,
    }


def urls(tree) -> list[str]:
    index, restricted = tree["index"].pk, tree["restricted"].pk
    api = reverse("wagtailadmin_api:pages:listing")
    urls = [
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page_child", args=[index]),
        reverse("wagtailadmin_choose_page_child", args=[restricted]),
        reverse("wagtailadmin_choose_page_child", args=[index]) + "?page_type=modules.modulepage",
        f"{api}?child_of={index}&for_explorer=1",
        f"{api}?child_of={restricted}&for_explorer=1",
        f"{api}?descendant_of={index}",
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[index]),
        reverse("wagtailadmin_explore", args=[restricted]),
    ]
    for word in ("Geheim", "VTH", "alleen", "module"):
        urls.append(reverse("wagtailadmin_choose_page_search") + f"?q={word}")
        urls.append(f"{api}?search={word}")
    return urls


@pytest.mark.parametrize("role", [Role.LEIDINGGEVENDE, Role.BEHEER, Role.GRIFFIE])
def test_roles_without_page_permissions_see_no_draft_or_restricted_title(
    role, tree, make_user, mfa_client_for
):
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    for url in urls(tree):
        html = client.get(url).content.decode()
        for secret in SECRETS:
            assert secret not in html, (role, url, secret)
        if role != Role.GRIFFIE:
            assert "Raadsmodule" not in html, (role, url)


def test_the_griffie_can_still_choose_a_council_module_to_recommend(
    tree, make_user, mfa_client_for
):
    client = mfa_client_for(make_user(Role.GRIFFIE))
    browse = reverse("wagtailadmin_choose_page_child", args=[tree["index"].pk])
    html = client.get(browse + "?page_type=modules.modulepage").content.decode()
    assert "Raadsmodule" in html and "Openbare module" in html
    search = reverse("wagtailadmin_choose_page_search")
    html = client.get(search + "?q=Raadsmodule&page_type=modules.modulepage").content.decode()
    assert "Raadsmodule" in html


def test_the_kernteam_still_sees_the_whole_tree(tree, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    browse = client.get(
        reverse("wagtailadmin_choose_page_child", args=[tree["index"].pk])
    ).content.decode()
    assert all(title in browse for title in ("Geheim concept", "Alleen voor VTH", "Raadsmodule"))
    lessons = client.get(
        reverse("wagtailadmin_choose_page_child", args=[tree["restricted"].pk])
    ).content.decode()
    assert "Les alleen VTH" in lessons
    search = client.get(reverse("wagtailadmin_choose_page_search") + "?q=Geheim").content
    assert "Geheim concept" in search.decode()
    api = reverse("wagtailadmin_api:pages:listing")
    listing = client.get(f"{api}?child_of={tree['index'].pk}&for_explorer=1").json()
    titles = {item["title"] for item in listing["items"]}
    assert {"Geheim concept", "Alleen voor VTH", "Openbare module"} <= titles
