"""The learner pages' caches (core.routing, core.stamped, modules.learning.learner_cache) never
show the state before a write: the very next request shows the change.

Every test first loads the page (so its parts are in the cache), writes, and loads again.
Runs on SQLite with the local-memory cache and in CI on PostgreSQL with Redis.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from accounts.services import audience_create, user_set_roles
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create
from tests.factories import QuestionFactory, QuizFactory, module_with_lessons
from tests.factories.accounts import role_group
from tests.factories.quizzes import pass_final_quiz

pytestmark = pytest.mark.django_db


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response


def test_a_completed_lesson_shows_on_the_next_request(learner):
    _user, client = learner
    module = module_with_lessons(lessons=2)
    first, second = module_lessons(module=module)
    assert _get(client, module.url).context["outline"].lessons_done == 0
    assert not _get(client, first.url).context["step"].done

    assert client.post(reverse("lesson_complete", args=[first.pk])).status_code == 302

    assert _get(client, first.url).context["step"].done
    assert _get(client, module.url).context["outline"].lessons_done == 1
    assert "1 van 2" in _get(client, second.url).content.decode()


def test_a_passed_quiz_shows_on_the_next_request(learner):
    user, client = learner
    quiz = QuizFactory(questions=[QuestionFactory() for _ in range(3)])
    module = module_with_lessons(lessons=1, final_quiz=quiz)
    assert not _get(client, module.url).context["quiz"].passed

    pass_final_quiz(user, module)

    availability = _get(client, module.url).context["quiz"]
    assert availability.passed and availability.attempts_used == 1


def test_a_new_assignment_shows_on_the_next_request(learner, make_user):
    _user, client = learner
    others = audience_create(name="Alleen raadsleden", roles=[Role.RAADSLID])
    module = module_with_lessons(lessons=1, title="Nieuwe verplichte module", audience=others)
    assert client.get(module.url).status_code == 404  # not in its audience
    assert "Nieuwe verplichte module" not in _get(client, reverse("my_learning")).content.decode()

    staff = audience_create(name="Iedereen", roles=[Role.MEDEWERKER])
    assignment_create(module=module, audience=staff, due_days_after_start=30)

    assert "Nieuwe verplichte module" in _get(client, reverse("my_learning")).content.decode()
    assert client.get(module.url).status_code == 200  # assigned: open outside its audience


def test_a_role_change_shows_on_the_next_request(learner):
    user, client = learner
    council = audience_create(name="Raad", roles=[Role.RAADSLID])
    module = module_with_lessons(lessons=1, audience=council)
    lesson = module_lessons(module=module)[0]
    assert client.get(lesson.url).status_code == 404
    assert not _get(client, reverse("my_learning")).context["show_admin_link"]

    user_set_roles(user=user, roles=[Role.MEDEWERKER, Role.RAADSLID, Role.KERNTEAM])

    assert client.get(lesson.url).status_code == 200
    assert _get(client, reverse("my_learning")).context["show_admin_link"]

    user_set_roles(user=user, roles=[Role.MEDEWERKER])
    assert client.get(lesson.url).status_code == 404
    assert not _get(client, reverse("my_learning")).context["show_admin_link"]


def test_a_role_given_from_the_groups_side_shows_on_the_next_request(learner):
    user, client = learner
    council = audience_create(name="Raad", roles=[Role.RAADSLID])
    module = module_with_lessons(lessons=1, audience=council)
    assert client.get(module.url).status_code == 404
    role_group(Role.RAADSLID).user_set.add(user)
    assert client.get(module.url).status_code == 200


def test_a_published_lesson_text_shows_on_the_next_request(learner):
    _user, client = learner
    module = module_with_lessons(lessons=1)
    lesson = module_lessons(module=module)[0]
    assert "Nieuwe zin over opslagboxen" not in _get(client, lesson.url).content.decode()

    lesson.body = [("text", "<p>Nieuwe zin over opslagboxen.</p>")]
    lesson.save_revision().publish()

    assert "Nieuwe zin over opslagboxen" in _get(client, lesson.url).content.decode()


def test_a_draft_does_not_show_but_its_preview_does(learner, kernteam_user, mfa_client_for):
    _user, client = learner
    module = module_with_lessons(lessons=1)
    lesson = module_lessons(module=module)[0]
    _get(client, lesson.url)
    lesson.body = [("text", "<p>Alleen in het concept.</p>")]
    lesson.save_revision()

    assert "Alleen in het concept" not in _get(client, lesson.url).content.decode()
    editor = mfa_client_for(kernteam_user)
    preview = editor.get(reverse("wagtailadmin_pages:view_draft", args=[lesson.pk]))
    assert "Alleen in het concept" in preview.content.decode()


def test_an_unpublished_module_closes_its_lessons_on_the_next_request(learner):
    _user, client = learner
    module = module_with_lessons(lessons=1)
    lesson = module_lessons(module=module)[0]
    _get(client, lesson.url)

    module.unpublish()

    assert client.get(lesson.url).status_code == 404
    assert client.get(module.url).status_code == 404


def test_a_moved_module_answers_at_its_new_address_only(learner):
    _user, client = learner
    module = module_with_lessons(lessons=1)
    old_url = module.url
    _get(client, old_url)

    module.slug = "nieuwe-plek"
    module.save_revision().publish()
    module.refresh_from_db()

    assert client.get(old_url).status_code == 404
    assert _get(client, module.url).context["page"].slug == "nieuwe-plek"


def test_a_deactivated_person_gets_nothing_from_the_cache(learner):
    user, client = learner
    module = module_with_lessons(lessons=1)
    _get(client, module.url)
    user.is_active = False
    user.save()
    response = client.get(module.url)
    assert response.status_code == 302  # logged out: an inactive user has no session user


def test_one_persons_cached_state_never_reaches_another(learner, make_user):
    _user, client = learner
    module = module_with_lessons(lessons=2)
    first = module_lessons(module=module)[0]
    client.post(reverse("lesson_complete", args=[first.pk]))
    assert _get(client, module.url).context["outline"].lessons_done == 1

    other = make_user()
    client.force_login(other)
    assert _get(client, module.url).context["outline"].lessons_done == 0
    assert _get(client, first.url).context["step"].done is False


def test_lessons_and_modules_take_at_most_ten_queries(
    learner, django_assert_max_num_queries, make_user
):
    _user, client = learner
    for size in (2, 20):
        quiz = QuizFactory(questions=[QuestionFactory() for _ in range(3)])
        module = module_with_lessons(lessons=size, final_quiz=quiz)
        lessons = module_lessons(module=module)
        for _ in range(size):
            make_user()  # more people
        for lesson in lessons[: size // 2]:
            client.post(reverse("lesson_complete", args=[lesson.pk]))
        for url in (lessons[1].url, module.url, reverse("my_learning")):
            _get(client, url)  # the first request of each fills the caches
        with django_assert_max_num_queries(10):
            _get(client, lessons[1].url)
        with django_assert_max_num_queries(10):
            _get(client, module.url)
        with django_assert_max_num_queries(10):
            _get(client, reverse("my_learning"))


def test_what_someone_did_does_not_make_who_they_are_be_read_again(
    learner, django_assert_max_num_queries
):
    """At the peak every request follows a write of the same person (a lesson done, an
    attempt started): their roles, audiences and admin link stay cached across it."""
    _user, client = learner
    staff = audience_create(name="Medewerkers", roles=[Role.MEDEWERKER])
    module = module_with_lessons(lessons=2, audience=staff)
    first, second = module_lessons(module=module)
    _get(client, second.url)
    client.post(reverse("lesson_complete", args=[first.pk]))
    with CaptureQueriesContext(connection) as queries:
        _get(client, second.url)
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "accounts_audience" not in sql and "auth_group" not in sql
    assert "auth_permission" not in sql
    assert "modules_lessoncompletion" in sql  # what they did is read again
