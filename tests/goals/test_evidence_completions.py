"""The evidence pack's completions per module and department: counted by the completion
reports' selectors, nothing that names a person, groups of one to four hidden and so are the
complements that would give them back (people and completions alike)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from modules.goals.evidence import (
    GroupCount,
    ShownCount,
    build_pack,
    read_pack,
    read_table,
    suppress_groups,
)
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from modules.reporting.evidence import COMPLETIONS
from modules.reporting.receivers import flush_pending
from tests.factories import AudienceFactory, DepartmentFactory, module_with_lessons

HIDDEN = ShownCount(None, None)


def test_a_small_group_and_the_complement_of_its_people_are_hidden():
    whole, groups = suppress_groups(
        whole=GroupCount(13, 6), groups={"A": GroupCount(10, 5), "B": GroupCount(3, 1)}
    )
    assert whole == ShownCount(13, 6)
    # B is small; A shown would give B back (13 - 10), so A is hidden too.
    assert groups == {"A": HIDDEN, "B": HIDDEN}


def test_the_complement_of_hidden_completions_is_hidden_too():
    whole, groups = suppress_groups(
        whole=GroupCount(26, 11),
        groups={"A": GroupCount(10, 5), "B": GroupCount(10, 5), "C": GroupCount(6, 1)},
    )
    assert whole == ShownCount(26, 11)
    # C's one completion is hidden; with A and B both shown, 11 - 5 - 5 gives it back, so
    # the smallest (A, by name) hides its completions as well. Nobody's group is small.
    assert groups == {
        "A": ShownCount(10, None),
        "B": ShownCount(10, 5),
        "C": ShownCount(6, None),
    }


def test_hidden_groups_that_all_completed_are_not_given_back_by_the_rest():
    whole, groups = suppress_groups(
        whole=GroupCount(19, 14),
        groups={"A": GroupCount(6, 6), "B": GroupCount(10, 5), "C": GroupCount(3, 3)},
    )
    assert whole == ShownCount(19, 14)
    # C is small and A hides with it (19 - 10 - 6 gives C's people back). Together they
    # completed 9 of 9: B's 5 next to the whole's 14 would say so, so B's completions go.
    assert groups == {"A": HIDDEN, "B": ShownCount(10, None), "C": HIDDEN}
    # When the whole completed all, nothing more is hidden for it: the whole says so itself.
    whole, groups = suppress_groups(
        whole=GroupCount(19, 19),
        groups={"A": GroupCount(6, 6), "B": GroupCount(10, 10), "C": GroupCount(3, 3)},
    )
    assert groups == {"A": HIDDEN, "B": ShownCount(10, 10), "C": HIDDEN}


def test_a_small_whole_hides_everything_and_an_empty_group_hides_nothing():
    whole, groups = suppress_groups(whole=GroupCount(4, 2), groups={"A": GroupCount(4, 2)})
    assert whole == HIDDEN and groups == {"A": HIDDEN}
    whole, groups = suppress_groups(
        whole=GroupCount(12, 6), groups={"A": GroupCount(12, 6), "Leeg": GroupCount(0, 0)}
    )
    assert groups == {"A": ShownCount(12, 6), "Leeg": ShownCount(0, 0)}
    # Nobody or everybody completed: zero names nobody, and is shown.
    whole, groups = suppress_groups(
        whole=GroupCount(12, 0), groups={"A": GroupCount(6, 0), "B": GroupCount(6, 6)}
    )
    assert groups == {"A": ShownCount(6, 0), "B": ShownCount(6, 6)}


@pytest.mark.django_db
def test_the_pack_hides_small_departments_and_their_complements(make_user):
    today = timezone.localdate()
    module = module_with_lessons(lessons=1, title="Fraude herkennen")
    assignment_create(
        module=module,
        audience=AudienceFactory(roles=[Role.MEDEWERKER]),
        due_date=today + timedelta(days=20),
    )
    (lesson,) = module_lessons(module=module)
    people = []
    for name, count, completed in (("Groot", 8, 6), ("Midden", 6, 3), ("Klein", 3, 1)):
        department = DepartmentFactory(name=name)
        for i in range(count):
            user = make_user(department=department, last_name=f"Persoon{name}{i}")
            people.append(user)
            if i < completed:
                lesson_complete(user=user, lesson=lesson)
    council_member = make_user(Role.RAADSLID, department=DepartmentFactory(name="Raad"))
    flush_pending()
    content = read_pack(build_pack(exported_by="Test (kernteam)"))[COMPLETIONS]
    rows = {
        (row["niveau"], row["afdeling"]): row
        for row in read_table(content)
        if row["module"] == "Fraude herkennen"
    }
    assert {key: (r["toegewezen"], r["afgerond"], r["verborgen"]) for key, r in rows.items()} == {
        ("organisatie", ""): ("17", "10", "nee"),
        # Groot: two did not complete, so its completions are hidden.
        ("afdeling", "Groot"): ("8", "", "alleen afgerond"),
        # Midden hides with Klein: 17 - 8 would give Klein's three back.
        ("afdeling", "Midden"): ("", "", "ja"),
        ("afdeling", "Klein"): ("", "", "ja"),
    }
    assert rows[("organisatie", "")]["percentage_afgerond"] == "59"
    text = content.decode("utf-8-sig")
    for user in [*people, council_member]:
        assert user.last_name not in text and user.email not in text
    assert "Raad" not in text  # raadsleden are not counted
