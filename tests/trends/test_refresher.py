"""A refresher: a short module (only a quiz of two to five questions) attached to a trend and
made mandatory for an audience; it shows up in My learning and the reports like any module."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accounts.roles import Role
from accounts.selectors import report_scope
from modules.learning.final_quiz import QuizNotAvailable, final_quiz_start
from modules.learning.models import Enrolment
from modules.learning.rules import TaskStatus
from modules.learning.selectors import learning_tasks
from modules.learning.services import assignment_create
from modules.reporting.reports import person_tasks
from modules.trends.models import TrendPage
from modules.trends.services import trend_create
from tests.factories import (
    AudienceFactory,
    QuestionFactory,
    QuizFactory,
    a_trend,
    module_with_lessons,
    trend_index,
)
from tests.factories.quizzes import pass_final_quiz

pytestmark = pytest.mark.django_db


def refresher_module(questions: int):
    quiz = QuizFactory(questions=[QuestionFactory() for _ in range(questions)])
    return module_with_lessons(lessons=0, title="Opfrisser: opslagboxen", final_quiz=quiz)


def editor_form(trend, refresher, user):
    """The page editor's form for ``trend`` (Wagtail's own form class for the page type, with
    ``TrendPageForm`` as its base) with ``refresher`` chosen."""
    form_class = TrendPage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": trend.title,
            "slug": trend.slug,
            "summary": trend.summary,
            "theme": trend.theme,
            "audience": "",
            "review_by": trend.review_by.isoformat(),
            "body": streamfield([("text", rich_text("<p>Wat we zien.</p>"))]),
            "signals": streamfield([]),
            "sources": streamfield([]),
            "refresher": refresher.pk,
            "comments": inline_formset([]),
        }
    )
    return form_class(data, instance=trend, parent_page=trend.get_parent(), for_user=user)


@pytest.fixture
def editor(make_user):
    return make_user(Role.MEDEWERKER, Role.KERNTEAM)


@pytest.mark.parametrize("questions", [1, 6])
def test_a_refresher_has_two_to_five_questions(questions, editor):
    trend = a_trend(live=False)
    form = editor_form(trend, refresher_module(questions), editor)
    assert not form.is_valid()
    assert f"deze heeft er {questions}" in str(form.errors["refresher"])


def test_a_refresher_without_a_quiz_is_refused(editor):
    trend = a_trend(live=False)
    form = editor_form(trend, module_with_lessons(lessons=0), editor)
    assert not form.is_valid()
    assert "refresher" in form.errors


def test_a_trend_is_not_created_with_a_refresher_that_is_not_one():
    with pytest.raises(ValidationError) as error:
        trend_create(
            index=trend_index(),
            content={
                "title": "Te lange opfrisser",
                "slug": "te-lange-opfrisser",
                "theme": "drugs",
                "summary": "Samenvatting.",
                "body": [("text", "<p>Tekst.</p>")],
            },
            review_by=timezone.localdate() + timedelta(days=90),
            refresher=refresher_module(6),
        )
    assert "refresher" in error.value.message_dict
    assert not TrendPage.objects.filter(slug="te-lange-opfrisser").exists()


def test_a_mandatory_refresher_shows_up_like_a_module_and_completes_with_the_quiz(
    make_user, client
):
    today = timezone.localdate()
    staff = AudienceFactory(roles=[Role.MEDEWERKER])
    refresher = refresher_module(3)
    trend = a_trend(title="Drugs in opslagboxen")
    trend.refresher = refresher
    trend.save_revision().publish(skip_permission_checks=True)
    assignment_create(module=refresher, audience=staff, due_date=today + timedelta(days=14))
    person = make_user(Role.MEDEWERKER, last_name="Opfris")

    (task,) = [t for t in learning_tasks(user=person, today=today) if t.mandatory]
    assert task.module == refresher and task.status == TaskStatus.NOT_STARTED
    rows = [r for r in person_tasks(scope=report_scope(user=make_user(Role.KERNTEAM)), today=today)]
    assert [(r.name, r.module, r.status) for r in rows if r.user_id == person.pk] == [
        (person.get_full_name(), "Opfrisser: opslagboxen", "niet gestart")
    ]

    client.force_login(person)
    html = client.get(trend.url).content.decode()
    assert "Test je kennis" in html and refresher.url in html
    module_page = client.get(refresher.url)
    assert module_page.context["quiz"].can_start

    pass_final_quiz(person, refresher)
    (task,) = [t for t in learning_tasks(user=person, today=today) if t.mandatory]
    assert task.status == TaskStatus.COMPLETED and task.progress == 100
    html = client.get(reverse("my_learning")).content.decode()
    assert "Opfrisser: opslagboxen" in html


def test_the_refresher_is_late_after_its_due_date(make_user):
    today = timezone.localdate()
    refresher = refresher_module(2)
    assignment_create(module=refresher, due_date=today - timedelta(days=1))
    person = make_user(Role.MEDEWERKER)
    (task,) = [t for t in learning_tasks(user=person, today=today) if t.mandatory]
    assert task.status == TaskStatus.OVERDUE


def test_an_empty_refresher_quiz_starts_nothing(make_user):

    empty = module_with_lessons(lessons=0, final_quiz=QuizFactory())
    person = make_user(Role.MEDEWERKER)
    with pytest.raises(QuizNotAvailable):
        final_quiz_start(user=person, module=empty)
    assert not Enrolment.objects.filter(user=person).exists()


def test_a_refresher_is_a_module_without_lessons(editor):
    trend = a_trend(live=False)
    with_lessons = module_with_lessons(
        lessons=1, final_quiz=QuizFactory(questions=[QuestionFactory(), QuestionFactory()])
    )
    form = editor_form(trend, with_lessons, editor)
    assert not form.is_valid()
    assert "zonder lessen" in str(form.errors["refresher"])
    form = editor_form(trend, refresher_module(2), editor)
    assert form.is_valid(), form.errors


def test_the_trend_links_its_refresher_only_for_people_who_may_open_it(make_user, client):
    council = make_user(Role.RAADSLID)
    staff = AudienceFactory(roles=[Role.MEDEWERKER])
    refresher = refresher_module(2)
    refresher.audience = staff
    refresher.save_revision().publish()
    trend = a_trend()  # for everybody, the council included
    trend.refresher = refresher
    trend.save_revision().publish(skip_permission_checks=True)
    client.force_login(make_user(Role.MEDEWERKER))
    assert refresher.url in client.get(trend.url).content.decode()
    client.force_login(council)
    html = client.get(trend.url).content.decode()
    assert refresher.url not in html and "Test je kennis" not in html


def test_an_assigned_refresher_can_be_found_in_search(make_user, client):
    staff_only = AudienceFactory(roles=[Role.KERNTEAM])
    refresher = refresher_module(2)
    refresher.audience = staff_only  # not in the person's audience, but assigned to them
    refresher.save_revision().publish()
    assignment_create(module=refresher, due_date=timezone.localdate() + timedelta(days=7))
    person = make_user(Role.MEDEWERKER)
    client.force_login(person)
    results = client.get(reverse("search"), {"q": "Opfrisser"}).context["search"].results
    assert [result.page.pk for result in results] == [refresher.pk]


def pass_the_quiz(person, module) -> None:
    pass_final_quiz(person, module)


def test_a_yearly_refresher_starts_a_new_round_once_the_last_one_expired(make_user):

    today = timezone.localdate()
    refresher = refresher_module(2)
    assignment_create(module=refresher, due_date=today + timedelta(days=7), renew_every_months=12)
    person = make_user(Role.MEDEWERKER)
    pass_the_quiz(person, refresher)
    first = Enrolment.objects.get(user=person)
    assert first.status == "completed" and first.expires_on is not None

    Enrolment.objects.filter(pk=first.pk).update(expires_on=today - timedelta(days=1))
    (task,) = [t for t in learning_tasks(user=person, today=today) if t.mandatory]
    assert task.status == TaskStatus.EXPIRED
    pass_the_quiz(person, refresher)
    rounds = list(Enrolment.objects.filter(user=person).order_by("cycle"))
    assert [(r.cycle, r.status) for r in rounds] == [(1, "completed"), (2, "completed")]
    (task,) = [t for t in learning_tasks(user=person, today=today) if t.mandatory]
    assert task.status == TaskStatus.COMPLETED
