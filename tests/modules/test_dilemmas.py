"""Dilemmas ask first: over HTTP, a learner sees the question without explanations, chooses
with a plain form, then sees the feedback; the first choice is stored once, in lessons and
trends; the view refuses whoever may not open the page and every bad choice."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from accounts.roles import Role
from modules.learning.dilemmas import dilemma_choose, page_dilemmas
from modules.learning.models import DilemmaChoice, LessonPage
from modules.trends.models import TrendPage
from portal.mydata import my_data, self_study_delete
from tests.factories import (
    AudienceFactory,
    DepartmentFactory,
    LessonPageFactory,
    a_trend,
    module_with_lessons,
)

pytestmark = pytest.mark.django_db

GIFT = {
    "title": "Kaartjes van een aanvrager",
    "situation": "Een aanvrager biedt je na afloop twee kaartjes voor een concert aan.",
    "question": "Wat doe je met de kaartjes?",
    "choices": [
        {"choice": "Ik neem ze aan.", "explanation": "Uitleg A: zo ontstaat binding."},
        {"choice": "Ik weiger vriendelijk.", "explanation": "Uitleg B: goed, vertel het ook."},
        {"choice": "Ik geef ze aan een collega.", "explanation": "Uitleg C: ook dan bind je."},
    ],
}
EXPLANATIONS = ["Uitleg A", "Uitleg B", "Uitleg C"]


def second_dilemma(number: int) -> dict:
    return {
        "title": f"Een tweede dilemma {number}",
        "situation": "Een collega vraagt om inloggegevens.",
        "question": "Wat zeg je?",
        "choices": [
            {"choice": "Ja", "explanation": f"Uitleg ja {number}."},
            {"choice": "Nee", "explanation": f"Uitleg nee {number}."},
        ],
    }


def a_lesson_with_a_dilemma(*, extra_dilemmas: int = 0, **module_kwargs) -> LessonPage:
    module = module_with_lessons(lessons=0, **module_kwargs)
    lesson = LessonPageFactory(
        parent=module,
        title="Les met een dilemma",
        body=[
            ("text", RichText("<p>Lees eerst dit.</p>")),
            ("dilemma", GIFT),
            *[("dilemma", second_dilemma(n)) for n in range(extra_dilemmas)],
        ],
    )
    return LessonPage.objects.get(pk=lesson.pk)  # the ids as stored


def choose_url(page, block_id: str) -> str:
    return reverse("dilemma_choose", args=[page.pk, block_id])


def test_a_learner_sees_the_question_as_a_form_without_explanations(client, medewerker):
    lesson = a_lesson_with_a_dilemma()
    dilemma = page_dilemmas(page=lesson)[0]
    client.force_login(medewerker)
    html = client.get(lesson.url).content.decode()
    assert f'<form method="post" action="{choose_url(lesson, dilemma.block_id)}"' in html
    assert "<fieldset" in html and "<legend" in html and "Wat doe je met de kaartjes?" in html
    for number, option in enumerate(dilemma.options, start=1):
        input_id = f"dilemma-{dilemma.block_id}-{number}"
        assert f'type="radio" name="choice" id="{input_id}" value="{option.id}"' in html
        assert f'<label for="{input_id}">{option.text}</label>' in html
    assert "Kies dit antwoord" in html
    assert not any(explanation in html for explanation in EXPLANATIONS)
    assert "<details" not in html


def test_choosing_stores_the_choice_and_shows_its_feedback_then_the_others(client, make_user):
    department = DepartmentFactory(name="Vergunningen")
    user = make_user(department=department)
    lesson = a_lesson_with_a_dilemma()
    dilemma = page_dilemmas(page=lesson)[0]
    picked = dilemma.options[1]
    client.force_login(user)

    response = client.post(choose_url(lesson, dilemma.block_id), {"choice": picked.id})
    assert response.status_code == 302
    assert response["Location"] == f"{lesson.url}#dilemma-{dilemma.block_id}"
    stored = DilemmaChoice.objects.get()
    assert (stored.user, stored.page_id, stored.block_id, stored.choice_id) == (
        user,
        lesson.pk,
        dilemma.block_id,
        picked.id,
    )
    assert stored.dilemma_title == GIFT["title"]
    assert stored.choice_text == "Ik weiger vriendelijk."
    assert stored.department == department and stored.is_council_member is False

    html = client.get(response["Location"]).content.decode()
    assert f'id="dilemma-{dilemma.block_id}"' in html  # the redirect's anchor
    assert "Je keuze is bewaard." in html
    assert "Jouw keuze:</strong> Ik weiger vriendelijk." in html
    # Its own feedback first, then the others'; the form is gone.
    assert html.index("Uitleg B") < html.index("De andere antwoorden") < html.index("Uitleg A")
    assert "Uitleg C" in html
    assert 'type="radio"' not in html and "Kies dit antwoord" not in html


def test_the_first_choice_counts(client, medewerker):
    lesson = a_lesson_with_a_dilemma()
    dilemma = page_dilemmas(page=lesson)[0]
    client.force_login(medewerker)
    client.post(choose_url(lesson, dilemma.block_id), {"choice": dilemma.options[0].id})
    response = client.post(
        choose_url(lesson, dilemma.block_id), {"choice": dilemma.options[2].id}, follow=True
    )
    assert "Je eerste keuze telt." in response.content.decode()
    assert list(DilemmaChoice.objects.values_list("choice_id", flat=True)) == [
        dilemma.options[0].id
    ]
    # The service says so too, and stores nothing new.
    choice, created = dilemma_choose(
        user=medewerker, page=lesson, dilemma=dilemma, choice_id=dilemma.options[1].id
    )
    assert not created and choice.choice_id == dilemma.options[0].id
    assert DilemmaChoice.objects.count() == 1


def test_each_dilemma_on_a_page_is_answered_on_its_own(client, medewerker):
    lesson = a_lesson_with_a_dilemma(extra_dilemmas=1)
    first, second = page_dilemmas(page=lesson)
    client.force_login(medewerker)
    client.post(choose_url(lesson, second.block_id), {"choice": second.options[1].id})
    html = client.get(lesson.url).content.decode()
    assert "Uitleg nee 0." in html and "Uitleg ja 0." in html  # the second is answered
    assert not any(explanation in html for explanation in EXPLANATIONS)  # the first asks
    assert f'action="{choose_url(lesson, first.block_id)}"' in html


def test_a_council_members_choice_is_marked_as_theirs(client, make_user):
    member = make_user(Role.RAADSLID, department=None)
    lesson = a_lesson_with_a_dilemma()
    dilemma = page_dilemmas(page=lesson)[0]
    client.force_login(member)
    client.post(choose_url(lesson, dilemma.block_id), {"choice": dilemma.options[0].id})
    stored = DilemmaChoice.objects.get()
    assert stored.is_council_member is True and stored.department is None


def test_a_trend_asks_first_too(client, medewerker):
    trend = a_trend(title="Trend met een dilemma")
    trend.body = [("text", RichText("<p>Wat we zien.</p>")), ("dilemma", GIFT)]
    trend.save()
    trend = TrendPage.objects.get(pk=trend.pk)
    dilemma = page_dilemmas(page=trend)[0]
    client.force_login(medewerker)
    html = client.get(trend.url).content.decode()
    assert "Kies dit antwoord" in html and "Uitleg A" not in html

    response = client.post(choose_url(trend, dilemma.block_id), {"choice": dilemma.options[2].id})
    assert response["Location"] == f"{trend.url}#dilemma-{dilemma.block_id}"
    html = client.get(trend.url).content.decode()
    assert "Jouw keuze:</strong> Ik geef ze aan een collega." in html
    assert all(explanation in html for explanation in EXPLANATIONS)
    assert DilemmaChoice.objects.get().page_id == trend.pk


def test_editors_preview_shows_every_explanation(make_user, mfa_client_for):
    lesson = a_lesson_with_a_dilemma()
    editor = make_user(Role.MEDEWERKER, Role.KERNTEAM)
    dilemma = page_dilemmas(page=lesson)[0]
    dilemma_choose(user=editor, page=lesson, dilemma=dilemma, choice_id=dilemma.options[0].id)
    client = mfa_client_for(editor)
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=(lesson.pk,)))
    assert preview.status_code == 200
    html = preview.content.decode()
    assert all(explanation in html for explanation in EXPLANATIONS)
    assert "Kies dit antwoord" not in html and "Jouw keuze" not in html


def test_anonymous_visitors_are_sent_to_login_and_nothing_is_stored(client):
    lesson = a_lesson_with_a_dilemma()
    dilemma = page_dilemmas(page=lesson)[0]
    response = client.post(choose_url(lesson, dilemma.block_id), {"choice": dilemma.options[0].id})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not DilemmaChoice.objects.exists()


def test_a_page_one_may_not_open_is_a_404_and_stores_nothing(client, make_user):
    council = AudienceFactory(roles=[Role.RAADSLID])
    closed = a_lesson_with_a_dilemma(audience=council)
    unpublished = a_lesson_with_a_dilemma()
    unpublished.unpublish()
    under_draft = a_lesson_with_a_dilemma()
    under_draft.get_parent().specific.unpublish()  # the module is withdrawn, the lesson live
    client.force_login(make_user())
    for page in (closed, unpublished, under_draft):
        dilemma = page_dilemmas(page=page)[0]
        response = client.post(
            choose_url(page, dilemma.block_id), {"choice": dilemma.options[0].id}
        )
        assert response.status_code == 404, page
    assert client.post(reverse("dilemma_choose", args=[999999, "abc"]), {}).status_code == 404
    assert not DilemmaChoice.objects.exists()


def test_a_block_that_is_not_a_dilemma_of_the_live_page_is_a_404(client, medewerker):
    lesson = a_lesson_with_a_dilemma()
    dilemma = page_dilemmas(page=lesson)[0]
    text_block_id = lesson.body[0].id
    other = a_lesson_with_a_dilemma()
    client.force_login(medewerker)
    for page, block_id in (
        (lesson, text_block_id),
        (lesson, "onbekend"),
        (other, dilemma.block_id),
    ):
        response = client.post(choose_url(page, block_id), {"choice": dilemma.options[0].id})
        assert response.status_code == 404
    assert client.get(choose_url(lesson, dilemma.block_id)).status_code == 405  # POST only
    assert not DilemmaChoice.objects.exists()


def test_a_bad_choice_is_a_dutch_400_and_stores_nothing(client, medewerker):
    lesson = a_lesson_with_a_dilemma(extra_dilemmas=1)
    first, second = page_dilemmas(page=lesson)
    client.force_login(medewerker)
    for data in (
        {},
        {"choice": ""},
        {"choice": "geen-keuze"},
        {"choice": second.options[0].id},  # a choice of the other dilemma
        {"choice": "x" * 5000},
    ):
        response = client.post(choose_url(lesson, first.block_id), data)
        assert response.status_code == 400, data
        assert "Kies een van de antwoorden bij het dilemma." in response.content.decode()
    assert not DilemmaChoice.objects.exists()


def test_the_choices_are_in_my_data_and_a_council_member_deletes_them(client, make_user):
    member = make_user(Role.RAADSLID)
    staff = make_user()
    lesson = a_lesson_with_a_dilemma()
    dilemma = page_dilemmas(page=lesson)[0]
    for user in (member, staff):
        dilemma_choose(user=user, page=lesson, dilemma=dilemma, choice_id=dilemma.options[1].id)

    rows = my_data(user=member)["keuzes_in_dilemmas"]
    assert len(rows) == 1
    assert rows[0]["pagina"] == "Les met een dilemma"
    assert rows[0]["dilemma"] == GIFT["title"]
    assert rows[0]["mijn_keuze"] == "Ik weiger vriendelijk."
    assert rows[0]["gekozen_op"]
    client.force_login(member)
    page = client.get(reverse("my_data")).content.decode()
    assert "Keuzes in dilemma&#x27;s" in page or "Keuzes in dilemma's" in page

    deleted = self_study_delete(user=member)
    assert deleted["dilemma_choices"] == 1
    assert list(DilemmaChoice.objects.values_list("user", flat=True)) == [staff.pk]  # only theirs


@pytest.mark.parametrize("dilemmas", [1, 4])
def test_a_lesson_with_dilemmas_runs_a_constant_number_of_queries(
    client, medewerker, django_assert_max_num_queries, dilemmas
):
    lesson = a_lesson_with_a_dilemma(extra_dilemmas=dilemmas)
    found = page_dilemmas(page=lesson)
    for dilemma in found[: len(found) // 2]:
        dilemma_choose(
            user=medewerker, page=lesson, dilemma=dilemma, choice_id=dilemma.options[0].id
        )
    client.force_login(medewerker)
    client.get(lesson.url)  # the first request also saves the session
    with django_assert_max_num_queries(24):  # one more than a lesson: the reader's choices
        assert client.get(lesson.url).status_code == 200
    with django_assert_max_num_queries(19):
        response = client.post(
            choose_url(lesson, found[-1].block_id), {"choice": found[-1].options[0].id}
        )
        assert response.status_code == 302
