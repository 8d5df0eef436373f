"""Every kind of write moves the version stamps the caches are keyed by (core.changes)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils import timezone

from accounts.roles import Role
from accounts.services import audience_create, user_set_roles
from core.changes import people_changed_signal, stamps_for
from modules.awareness.services import attendance_requirement_set, registration_create
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from tests.factories import UserFactory, module_with_lessons
from tests.factories.awareness import a_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    user = UserFactory()
    user_set_roles(user=user, roles=[Role.MEDEWERKER])
    return user


def _moves(user, write) -> tuple[bool, bool]:
    """(site stamp moved, one of the person's stamps moved) by ``write()``."""
    site_before, *user_before = stamps_for(user.pk)
    write()
    site_after, *user_after = stamps_for(user.pk)
    return site_before != site_after, user_before != user_after


def _who_moves(user, write) -> bool:
    """Whether ``write()`` moved the person's "who" stamp (roles, audiences, account)."""
    before = stamps_for(user.pk)[1]
    write()
    return stamps_for(user.pk)[1] != before


def test_a_lesson_completion_moves_only_that_persons_stamp(person):
    other = UserFactory()
    module = module_with_lessons(lessons=2)
    lesson = module_lessons(module=module)[0]
    other_before = stamps_for(other.pk)
    who_before = stamps_for(person.pk)[1]
    site_moved, person_moved = _moves(person, lambda: lesson_complete(user=person, lesson=lesson))
    assert person_moved and not site_moved
    assert stamps_for(person.pk)[1] == who_before  # what they did, not who they are
    assert stamps_for(other.pk) == other_before


def test_a_role_change_moves_the_persons_who_stamp(person):
    assert _who_moves(person, lambda: user_set_roles(user=person, roles=[Role.RAADSLID]))


def test_a_department_change_moves_the_persons_who_stamp(person):
    def move():
        person.department = None
        person.first_name = "Ander"
        person.save()

    assert _who_moves(person, move)


def test_a_place_in_a_session_moves_the_persons_stamp(person):
    session = a_session()
    assert _moves(
        person, lambda: registration_create(user=person, session=session, now=timezone.now())
    )[1]


@pytest.mark.parametrize(
    "write",
    ["publish", "unpublish", "assignment", "audience", "requirement"],
)
def test_writes_that_concern_anybody_move_the_site_stamp(person, write):
    module = module_with_lessons(lessons=1)
    audience = audience_create(name="Iedereen", roles=[Role.MEDEWERKER])
    writes = {
        "publish": lambda: module.save_revision().publish(),
        "unpublish": lambda: module.unpublish(),
        "assignment": lambda: assignment_create(
            module=module, audience=audience, due_days_after_start=30
        ),
        "audience": lambda: audience.departments.add(person.department),
        "requirement": lambda: attendance_requirement_set(is_active=True, audience=audience),
    }
    site_moved, _ = _moves(person, writes[write])
    assert site_moved


def test_the_signal_names_the_people_or_nobody(person):
    seen = []

    def listen(sender, user_ids, reason, **kwargs):
        seen.append((user_ids, reason))

    people_changed_signal.connect(listen)
    try:
        user_set_roles(user=person, roles=[Role.MEDEWERKER, Role.LEIDINGGEVENDE])
        audience_create(name="Leidinggevenden", roles=[Role.LEIDINGGEVENDE])
    finally:
        people_changed_signal.disconnect(listen)
    assert (frozenset({person.pk}), "roles") in seen
    assert (None, "audience") in seen


def test_a_lost_stamp_is_made_anew_and_differs(person):
    before = stamps_for(person.pk)
    cache.clear()
    assert stamps_for(person.pk) != before
