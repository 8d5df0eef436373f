"""The admin screens of this issue render for the roles that use them, and only for them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.roles import Role
from modules.council.models import CouncilRecommendation
from tests.factories import (
    AudienceFactory,
    a_trend,
    module_with_lessons,
    reflection_page,
    trend_index,
)

pytestmark = pytest.mark.django_db


def test_the_kernteam_edits_a_trend_but_can_only_submit_it_for_review(make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    add = client.get(
        reverse("wagtailadmin_pages:add", args=("trends", "trendpage", trend_index().pk))
    )
    assert add.status_code == 200
    html = add.content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html

    trend = a_trend()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(trend.pk,))).content.decode()
    assert 'name="action-publish"' not in edit and 'name="action-submit"' in edit
    assert "Vier ogen: trends" in edit  # the workflow the trend goes through


def test_griffie_manages_recommendations_and_sees_the_participation_report(
    make_user, mfa_client_for
):
    module = module_with_lessons(lessons=1, title="De raad en ondermijning")
    client = mfa_client_for(make_user(Role.GRIFFIE))
    add_url = reverse("wagtailsnippets_council_councilrecommendation:add")
    response = client.post(add_url, {"module": module.pk, "note": "Voor de begroting."})
    assert response.status_code == 302
    assert CouncilRecommendation.objects.get().module_id == module.pk
    assert client.get(reverse("council_participation_report")).status_code == 200
    # Nothing else: the griffie does not see completion reports or edit pages.
    assert client.get(reverse("completion_report_people")).status_code == 302
    assert client.get(reverse("wagtailadmin_pages:edit", args=(module.pk,))).status_code == 302


def test_staff_cannot_recommend_modules_to_the_council(make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    response = client.get(reverse("wagtailsnippets_council_councilrecommendation:list"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_reviewers_preview_draft_trends_and_reflections_in_the_admin(make_user, mfa_client_for):

    trend = a_trend(live=False, title="Concept: nieuwe trend")
    council = AudienceFactory(roles=[Role.RAADSLID])
    reflection = reflection_page(audience=council)
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=(trend.pk,)))
    assert preview.status_code == 200 and "Concept: nieuwe trend" in preview.content.decode()
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=(reflection.pk,)))
    assert preview.status_code == 200 and "Stelling 1." in preview.content.decode()
