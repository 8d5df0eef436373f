"""The page editor's Checks panel measures our pages in Dutch: words, reading time, readability.

Wagtail (7.2+) computes these content metrics in the editor's browser, from the preview: the
Wagtail userbar inside the preview iframe reads the text of ``<main>`` and the language of
``<html lang>`` (Dutch reading speed, Dutch word and sentence splitting; the readability score
is the LIX formula). Wagtail has no setting for it, but without ``{% wagtailuserbar %}`` in the
preview the panel stays empty. These tests prove each part is in place, through the real admin
(superuser logged in with MFA) and the real preview request with its middleware.
"""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory

from accounts.roles import Role
from tests.factories import module_with_lessons

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson():
    return module_with_lessons(lessons=1).get_children().first().specific


@pytest.fixture
def editor_client(make_user, mfa_client_for) -> Client:
    return mfa_client_for(make_user(Role.MEDEWERKER, is_superuser=True))


def preview_in_panel(page, client: Client) -> str:
    """The preview as the editor's preview panel loads it (the iframe that the checks read)."""
    original = RequestFactory().get("/")
    original.META["HTTP_COOKIE"] = f"sessionid={client.cookies['sessionid'].value}"
    response = page.make_preview_request(original, "", {"in_preview_panel": True})
    assert response.status_code == 200
    return response.content.decode()


def test_the_lesson_editor_has_the_checks_panel_with_a_readability_score(lesson, editor_client):
    html = editor_client.get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    assert 'data-side-panel="checks"' in html
    for metric in ("word-count", "reading-time", "readability-score"):
        assert f"data-content-{metric}" in html
    assert 'id="checker-axe-configuration"' in html


def test_the_preview_carries_the_content_checker_and_says_it_is_dutch(lesson, editor_client):
    html = preview_in_panel(lesson, editor_client)
    assert html.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert "<main " in html  # what the checker reads: main, [role="main"]
    assert "<wagtail-userbar></wagtail-userbar>" in html
    assert 'id="checker-axe-configuration"' in html
    assert "wagtailadmin/js/userbar.js" in html


def test_learners_and_the_live_site_never_get_the_userbar(lesson, editor_client, learner):
    _, learner_client = learner
    assert "wagtail-userbar" not in learner_client.get(lesson.url).content.decode()
    # Not for editors on the live site either, and not for a preview without an admin login.
    assert "wagtail-userbar" not in editor_client.get(lesson.url).content.decode()
    assert "wagtail-userbar" not in preview_in_panel(lesson, learner_client)
