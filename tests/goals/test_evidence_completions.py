"""The evidence pack's completions per module and department: counted from the completion
reports' summary, nothing that names a person, with the rules of the indicators' figures
(groups of one to four, the complements that would give them back) and compared with every
earlier pack, so two packs side by side give no few people's completion back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from modules.goals.evidence import build_pack, read_pack, read_table
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from modules.reporting.evidence import COMPLETIONS
from modules.reporting.models import PublishedCompletion
from modules.reporting.receivers import flush_pending
from tests.factories import AudienceFactory, DepartmentFactory, module_with_lessons


def completions(module_title: str, *, now=None) -> dict:
    content = read_pack(build_pack(exported_by="Test (kernteam)", now=now))[COMPLETIONS]
    return {
        (row["niveau"], row["afdeling"]): (row["toegewezen"], row["afgerond"], row["verborgen"])
        for row in read_table(content)
        if row["module"] == module_title
    }


@pytest.fixture
def fraude(make_user):
    """ "Fraude herkennen" for every medewerker: Groot 12 people (6 completed), Midden 10 (5)
    and Klein 3 (1)."""
    module = module_with_lessons(lessons=1, title="Fraude herkennen")
    assignment_create(
        module=module,
        audience=AudienceFactory(roles=[Role.MEDEWERKER]),
        due_date=timezone.localdate() + timedelta(days=20),
    )
    (lesson,) = module_lessons(module=module)
    people, departments = [], {}
    for name, count, completed in (("Groot", 12, 6), ("Midden", 10, 5), ("Klein", 3, 1)):
        department = departments[name] = DepartmentFactory(name=name)
        for i in range(count):
            user = make_user(department=department, last_name=f"Persoon{name}{i}")
            people.append(user)
            if i < completed:
                lesson_complete(user=user, lesson=lesson)
    flush_pending()
    return {"lesson": lesson, "people": people, "departments": departments}


@pytest.mark.django_db
def test_the_pack_hides_small_departments_and_their_complements(fraude, make_user):
    council_member = make_user(Role.RAADSLID, department=DepartmentFactory(name="Raad"))
    flush_pending()
    content = read_pack(build_pack(exported_by="Test (kernteam)"))[COMPLETIONS]
    rows = {
        (row["niveau"], row["afdeling"]): row
        for row in read_table(content)
        if row["module"] == "Fraude herkennen"
    }
    assert {key: (r["toegewezen"], r["afgerond"], r["verborgen"]) for key, r in rows.items()} == {
        ("organisatie", ""): ("25", "12", "nee"),
        ("afdeling", "Groot"): ("12", "6", "nee"),
        # Midden hides with Klein: 25 - 12 would give Klein's three back.
        ("afdeling", "Midden"): ("", "", "ja"),
        ("afdeling", "Klein"): ("", "", "ja"),
    }
    assert rows[("organisatie", "")]["percentage_afgerond"] == "48"
    text = content.decode("utf-8-sig")
    for user in [*fraude["people"], council_member]:
        assert user.last_name not in text and user.email not in text
    assert "Raad" not in text  # raadsleden are not counted


@pytest.mark.django_db
def test_two_packs_side_by_side_do_not_give_a_newcomer_back(fraude, make_user):
    """A pack, then one starter in Groot who completes, then a second pack: Groot 12 with 6,
    then 13 with 7, would say the newcomer completed, and so would the organisation. Both are
    hidden in the second pack until five or more people differ from the first, and five or
    more of them completed and did not."""
    first = completions("Fraude herkennen")
    assert first[("afdeling", "Groot")] == ("12", "6", "nee")
    groot = fraude["departments"]["Groot"]
    lesson_complete(user=make_user(department=groot), lesson=fraude["lesson"])
    flush_pending()
    second = completions("Fraude herkennen")
    assert second[("afdeling", "Groot")] == ("", "", "ja")
    assert second[("organisatie", "")] == ("", "", "ja")
    assert PublishedCompletion.objects.filter(members__isnull=False).exists()
    # The same data again gives the same file (nothing moved since the second pack's
    # comparison: still one person from the first).
    assert completions("Fraude herkennen") == second
    # Nine more, four of whom complete: ten since the first pack, five completed and five
    # not, so the difference of the two packs names nobody either.
    for index in range(9):
        user = make_user(department=groot)
        if index < 4:
            lesson_complete(user=user, lesson=fraude["lesson"])
    flush_pending()
    third = completions("Fraude herkennen")
    assert third[("afdeling", "Groot")] == ("22", "11", "nee")
    assert third[("organisatie", "")] == ("35", "17", "nee")
