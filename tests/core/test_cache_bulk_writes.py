"""Bulk writes (no model signals) still move the version stamps: the staff import's accounts,
roles, departments and managers, and a place given from the waitlist.

Each test warms the cache, makes a real write through the project's own service, and checks
that the next read answers from after the write (found by the review of issue 16).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from accounts.selectors import audience_ids_of, report_scope
from accounts.services import audience_create
from accounts.staff_import import apply_import, read_rows
from modules.awareness.models import Registration, RegistrationStatus
from modules.awareness.services import registration_cancel, registration_create
from modules.learning.models import Certificate
from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from quizzes.models import Option
from quizzes.regrade import regrade_apply
from quizzes.services import question_record_edit
from tests.factories import (
    DepartmentFactory,
    QuestionFactory,
    QuizFactory,
    a_session,
    module_with_lessons,
)
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.quizzes import pass_final_quiz

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 25)
HEADER = (
    "personeelsnummer;voornaam;achternaam;e-mail;afdeling;leidinggevende;startdatum;einddatum;rol"
)


def rows_of(*lines: str) -> list[dict]:
    content = ("\n".join([HEADER, *lines]) + "\n").encode("utf-8")
    return read_rows(content=content, filename="hr.csv")


def run(service, **kwargs):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return service(**kwargs)


@pytest.fixture
def departments():
    return {
        "PZ": DepartmentFactory(name="Publiekszaken", code="PZ"),
        "VTH": DepartmentFactory(name="Vergunningen", code="VTH"),
    }


BASE = [
    "1001;Lars;Jansen;l.jansen@dordrecht.nl;PZ;;01-03-2018;;leidinggevende",
    "1002;Noor;Bakker;n.bakker@dordrecht.nl;PZ;1001;2026-11-01;;medewerker",
]


def test_a_demotion_by_the_staff_import_reaches_the_cached_roles(departments):
    """The nightly import takes 'leidinggevende' away (a DELETE on the through table),
    and User.roles, report_scope and requires_mfa answer from after the import."""
    run(apply_import, rows=rows_of(*BASE), today=TODAY)
    lars = User.objects.get(personnel_number="1001")
    assert Role.LEIDINGGEVENDE in lars.roles  # warms the cached roles
    assert report_scope(user=lars).department_ids  # a manager's report scope

    demoted = [
        "1001;Lars;Jansen;l.jansen@dordrecht.nl;PZ;;01-03-2018;;medewerker",
        "1002;Noor;Bakker;n.bakker@dordrecht.nl;PZ;;2026-11-01;;medewerker",
    ]
    run(apply_import, rows=rows_of(*demoted), today=TODAY)

    fresh = User.objects.get(pk=lars.pk)  # the next request's user object
    assert not fresh.groups.filter(name=Role.LEIDINGGEVENDE.group_name).exists()  # database
    assert Role.LEIDINGGEVENDE not in fresh.roles, "cached roles still say leidinggevende"


def test_a_promotion_by_the_staff_import_reaches_the_cached_roles(departments):
    """The other direction: a new leidinggevende from the file needs MFA at once."""
    run(apply_import, rows=rows_of(*BASE), today=TODAY)
    noor = User.objects.get(personnel_number="1002")
    assert not noor.requires_mfa  # warms the cached roles
    promoted = [
        BASE[0],
        "1002;Noor;Bakker;n.bakker@dordrecht.nl;PZ;1001;2026-11-01;;leidinggevende",
    ]
    run(apply_import, rows=rows_of(*promoted), today=TODAY)
    fresh = User.objects.get(pk=noor.pk)
    assert fresh.groups.filter(name=Role.LEIDINGGEVENDE.group_name).exists()
    assert fresh.requires_mfa, "cached roles: the new manager needs no MFA"


def test_a_department_move_by_the_staff_import_reaches_the_cached_audiences(departments):
    """A department change from the file (bulk_update) reaches the cached audiences: the
    person no longer opens the old department's module and opens the new one's."""
    run(apply_import, rows=rows_of(*BASE), today=TODAY)
    noor = User.objects.get(personnel_number="1002")
    only_pz = audience_create(name="Alleen PZ", departments=[departments["PZ"]])
    only_vth = audience_create(name="Alleen VTH", departments=[departments["VTH"]])
    pz_module = module_with_lessons(lessons=1, title="PZ-module", audience=only_pz)
    vth_module = module_with_lessons(lessons=1, title="VTH-module", audience=only_vth)
    client = Client()
    client.force_login(noor)
    assert client.get(pz_module.url).status_code == 200
    assert client.get(vth_module.url).status_code == 404

    moved = [BASE[0], "1002;Noor;Bakker;n.bakker@dordrecht.nl;VTH;1001;2026-11-01;;medewerker"]
    run(apply_import, rows=rows_of(*moved), today=TODAY)
    assert User.objects.get(pk=noor.pk).department.code == "VTH"

    assert audience_ids_of(user=User.objects.get(pk=noor.pk)) == {only_vth.pk}
    assert client.get(pz_module.url).status_code == 404
    assert client.get(vth_module.url).status_code == 200


def test_a_place_from_the_waitlist_shows_in_mijn_leeromgeving(make_user):
    """registration_cancel moves the next person up with a bulk_update; their
    "Mijn leeromgeving" says they have a place on the next request."""
    session = a_session(capacity=1, starts_at=timezone.now() + timedelta(days=7))
    first, second = make_user(), make_user()
    run(registration_create, user=first, session=session, now=timezone.now())
    run(registration_create, user=second, session=session, now=timezone.now())
    client = Client()
    client.force_login(second)

    def statuses():
        response = client.get(reverse("my_learning"))
        assert response.status_code == 200
        return [
            place.status
            for section in response.context["sections_below"]
            if section.template.startswith("awareness/")
            for place in section.objects
        ]

    assert statuses() == [RegistrationStatus.WAITLISTED]
    run(registration_cancel, user=first, session=session, now=timezone.now())
    # The freed place is offered to them (to confirm), held as theirs.
    assert Registration.objects.get(user=second).status == RegistrationStatus.OFFERED
    assert statuses() == [RegistrationStatus.OFFERED]


def test_a_demoted_manager_no_longer_downloads_a_former_teams_certificate(
    departments, mfa_client_for
):
    """After the import took 'leidinggevende' away, the certificate PDF (personal data,
    outside /admin/) of someone in their old department no longer downloads."""

    run(apply_import, rows=rows_of(*BASE), today=TODAY)
    lars = User.objects.get(personnel_number="1001")
    lars.set_password(TEST_PASSWORD)
    lars.save()
    noor = User.objects.get(personnel_number="1002")
    module = module_with_lessons(lessons=1)
    lesson_complete(user=noor, lesson=module_lessons(module=module)[0])
    certificate = Certificate.objects.get(enrolment__user=noor)
    client = mfa_client_for(lars)
    url = reverse("certificate_pdf", args=[certificate.code])
    assert client.get(url).status_code == 200  # a manager of PZ (warms the cached roles)

    demoted = [
        "1001;Lars;Jansen;l.jansen@dordrecht.nl;PZ;;01-03-2018;;medewerker",
        "1002;Noor;Bakker;n.bakker@dordrecht.nl;PZ;;2026-11-01;;medewerker",
    ]
    run(apply_import, rows=rows_of(*demoted), today=TODAY)
    assert not User.objects.get(pk=lars.pk).groups.filter(name="Leidinggevende").exists()
    assert client.get(url).status_code == 404, "a demoted manager still gets the certificate"


def test_a_regrade_shows_on_the_learners_next_request(make_user, kernteam_user):
    """A regrade writes attempts in bulk: the learner's module page shows the new result."""
    question = QuestionFactory(options=[("Goed", True), ("Fout 1", False), ("Fout 2", False)])
    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=[question]))
    learner = make_user()
    pass_final_quiz(learner, module)
    client = Client()
    client.force_login(learner)
    assert client.get(module.url).context["quiz"].passed  # warms the cached availability

    Option.objects.filter(question=question, text="Goed").update(is_correct=False)
    Option.objects.filter(question=question, text="Fout 1").update(is_correct=True)
    assert question_record_edit(question=question).version == 2
    regrade_apply(question, 1, kernteam_user)

    assert client.get(module.url).context["quiz"].passed is False
