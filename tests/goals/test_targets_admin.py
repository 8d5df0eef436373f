"""The targets screen: only the kernteam (and superusers) may see, create and change targets;
a manager, HR and a raadslid are refused at every URL and see no menu item. The service
refuses an overlapping period or an empty rationale in Dutch and saves nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from modules.goals.indicators import ONBOARDING, SESSION_ATTENDED
from modules.goals.models import Indicator, Target
from modules.goals.services import snapshot_month, target_save
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    return Indicator.objects.get(key=ONBOARDING)


@pytest.fixture
def owner(make_user):
    return make_user(Role.MEDEWERKER, first_name="Olga", last_name="Eigenaar")


def post_data(indicator, owner, **overrides) -> dict:
    """What the form posts; ``owner_pk`` overrides the owner's id."""
    owner_pk = overrides.pop("owner_pk", None)
    data = {
        "indicator": indicator.pk,
        "first_month": "2026-01",
        "last_month": "2026-12",
        "target_value": "95",
        "owner": owner.pk,
        "rationale": "Afspraak uit het plan van aanpak ondermijning 2026.",
    }
    data.update(overrides)
    if owner_pk is not None:
        data["owner"] = owner_pk
    return data


def test_the_kernteam_creates_and_changes_a_target(kernteam_user, mfa_client_for, indicator, owner):
    client = mfa_client_for(kernteam_user)
    assert client.get(reverse("goal_targets:index")).status_code == 200
    assert client.get(reverse("goal_targets:add")).status_code == 200
    response = client.post(reverse("goal_targets:add"), post_data(indicator, owner))
    assert response.status_code == 302, response.content.decode()[:3000]
    target = Target.objects.get()
    assert (target.first_month, target.last_month) == (date(2026, 1, 1), date(2026, 12, 1))
    assert target.target_value == Decimal("95")
    assert (target.owner, target.set_by) == (owner, kernteam_user)
    assert target.set_by_label == str(kernteam_user)
    response = client.post(
        reverse("goal_targets:edit", args=[target.pk]),
        post_data(indicator, owner, target_value="90"),
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.target_value == Decimal("90")
    html = client.get(reverse("goal_targets:index")).content.decode()
    assert "Onboarding binnen 30 dagen afgerond" in html


def test_an_overlapping_period_is_refused_in_dutch_and_nothing_saved(
    kernteam_user, mfa_client_for, indicator, owner
):
    target_save(
        target=None,
        indicator=indicator,
        first_month=date(2026, 1, 1),
        last_month=date(2026, 12, 1),
        target_value=Decimal(95),
        owner=owner,
        rationale="Jaardoel.",
        set_by=kernteam_user,
    )
    client = mfa_client_for(kernteam_user)
    response = client.post(
        reverse("goal_targets:add"),
        post_data(indicator, owner, first_month="2026-06", last_month="2027-05"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "heeft al een doel voor 01-2026 - 12-2026" in html
    assert Target.objects.count() == 1
    # The same period for another indicator is fine.
    other = Indicator.objects.get(key=SESSION_ATTENDED)
    response = client.post(reverse("goal_targets:add"), post_data(other, owner))
    assert response.status_code == 302
    assert Target.objects.count() == 2


def test_bad_input_gets_a_dutch_error(kernteam_user, mfa_client_for, indicator, owner, make_user):
    client = mfa_client_for(kernteam_user)
    council_member = make_user(Role.RAADSLID)
    cases = [
        ({"first_month": "januari"}, "Vul een maand in als jjjj-mm"),
        (
            {"first_month": "2026-06", "last_month": "2026-01"},
            "De laatste maand ligt voor de eerste",
        ),
        ({"target_value": "120"}, "100"),
        ({"rationale": "   "}, "Dit is een verplicht veld"),
        ({"owner_pk": council_member.pk}, "Selecteer een geldige keuze"),
    ]
    for overrides, message in cases:
        response = client.post(
            reverse("goal_targets:add"), post_data(indicator, owner, **overrides)
        )
        assert response.status_code == 200, overrides
        assert message in response.content.decode(), overrides
    assert not Target.objects.exists()


def test_nobody_deletes_a_target(kernteam_user, mfa_client_for, indicator, owner):
    target = target_save(
        target=None,
        indicator=indicator,
        first_month=date(2026, 1, 1),
        last_month=date(2026, 12, 1),
        target_value=Decimal(95),
        owner=owner,
        rationale="Jaardoel.",
        set_by=kernteam_user,
    )
    client = mfa_client_for(kernteam_user)
    response = client.post(reverse("goal_targets:delete", args=[target.pk]))
    assert response.status_code in (302, 403)
    assert Target.objects.filter(pk=target.pk).exists()


def test_there_is_no_copy_view_that_would_save_past_the_service(
    kernteam_user, mfa_client_for, indicator, owner, make_user
):
    """Wagtail's copy view saves its form over the original object: the view is off, so a
    POST to its address changes nothing and the setter stays who set it."""
    target = target_save(
        target=None,
        indicator=indicator,
        first_month=date(2026, 1, 1),
        last_month=date(2026, 12, 1),
        target_value=Decimal(95),
        owner=owner,
        rationale="Jaardoel.",
        set_by=kernteam_user,
    )
    other = make_user(Role.MEDEWERKER, Role.KERNTEAM)
    client = mfa_client_for(other)
    url = f"/admin/doelen/copy/{target.pk}/"
    assert client.get(url).status_code == 404
    response = client.post(url, post_data(indicator, owner, target_value="60"))
    assert response.status_code == 404
    target.refresh_from_db()
    assert target.target_value == Decimal(95) and target.set_by == kernteam_user
    assert Target.objects.count() == 1
    html = client.get(reverse("goal_targets:index")).content.decode()
    assert url not in html


@pytest.mark.parametrize(
    "roles",
    [
        (Role.MEDEWERKER, Role.LEIDINGGEVENDE),
        (Role.MEDEWERKER, Role.BEHEER),
        (Role.RAADSLID,),
        (Role.GRIFFIE,),
    ],
    ids=["manager", "hr", "raadslid", "griffie"],
)
def test_other_roles_are_refused_everywhere(roles, make_user, mfa_client_for, indicator, owner):
    user = make_user(*roles, department=DepartmentFactory(name="Publiekszaken"))
    if Role.LEIDINGGEVENDE in roles:
        user.department.managers.add(user)
    existing = target_save(
        target=None,
        indicator=indicator,
        first_month=date(2025, 1, 1),
        last_month=date(2025, 12, 1),
        target_value=Decimal(80),
        owner=owner,
        rationale="Vorig jaar.",
        set_by=owner,
    )
    client = mfa_client_for(user)
    admin_url = reverse("goal_targets:index")
    for url in (
        admin_url,
        reverse("goal_targets:add"),
        reverse("goal_targets:edit", args=[existing.pk]),
        reverse("goal_targets:inspect", args=[existing.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert not response["Location"].startswith(admin_url)
    response = client.post(reverse("goal_targets:add"), post_data(indicator, owner))
    assert response.status_code in (302, 403)
    response = client.post(
        reverse("goal_targets:edit", args=[existing.pk]),
        post_data(indicator, owner, first_month="2025-01", last_month="2025-12", target_value="1"),
    )
    assert response.status_code in (302, 403)
    assert list(Target.objects.values_list("target_value", flat=True)) == [Decimal(80)]
    if Role.RAADSLID not in roles:
        assert admin_url not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_kernteam_sees_the_menu_item(kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    assert (
        reverse("goal_targets:index") in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_the_service_refuses_bad_targets_whatever_the_form(kernteam_user, indicator, make_user):
    council_member = make_user(Role.RAADSLID)
    with pytest.raises(ValidationError) as refused:
        target_save(
            target=None,
            indicator=indicator,
            first_month=date(2026, 6, 1),
            last_month=date(2026, 1, 1),
            target_value=Decimal(101),
            owner=council_member,
            rationale=" ",
            set_by=kernteam_user,
        )
    assert set(refused.value.message_dict) == {"last_month", "target_value", "owner", "rationale"}
    assert "geen raadslid" in refused.value.message_dict["owner"][0]
    assert not Target.objects.exists()


def test_the_targets_list_runs_the_same_queries_for_two_or_eight_targets(
    kernteam_user, mfa_client_for, make_user
):
    client = mfa_client_for(kernteam_user)
    indicators = list(Indicator.objects.filter(key__in=[ONBOARDING, SESSION_ATTENDED]))

    def add_targets(years: range) -> None:
        for year in years:
            for indicator in indicators:
                target_save(
                    target=None,
                    indicator=indicator,
                    first_month=date(year, 1, 1),
                    last_month=date(year, 12, 1),
                    target_value=Decimal("90"),
                    owner=make_user(Role.MEDEWERKER),
                    rationale="Voorbeeld.",
                    set_by=kernteam_user,
                )

    def list_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("goal_targets:index"))
        assert response.status_code == 200
        return len(captured)

    add_targets(range(2020, 2021))
    few = list_queries()
    add_targets(range(2021, 2024))
    assert Target.objects.count() == 8
    assert list_queries() == few


@pytest.fixture
def a_target(kernteam_user, indicator, owner):
    """Onboarding 95% for 2026, saved through the service as the form would."""

    def save(target=None, **changes):
        values = {
            "indicator": indicator,
            "first_month": date(2026, 1, 1),
            "last_month": date(2026, 12, 1),
            "target_value": Decimal("95"),
            "owner": owner,
            "rationale": "Afspraak uit het plan van aanpak ondermijning 2026.",
            **changes,
        }
        return target_save(target=target, set_by=kernteam_user, **values)

    return save


def test_a_target_that_frozen_months_were_measured_against_keeps_its_value(
    a_target, kernteam_user, mfa_client_for, indicator, owner
):
    target = a_target()
    target = a_target(target, target_value=Decimal("90"))  # nothing frozen yet: may change
    snapshot_month(month=date(2026, 3, 1))
    for change, field in (
        ({"target_value": Decimal("80")}, "target_value"),
        ({"first_month": date(2026, 2, 1)}, "first_month"),
        ({"last_month": date(2026, 2, 1)}, "last_month"),
        ({"indicator": Indicator.objects.get(key=SESSION_ATTENDED)}, "indicator"),
    ):
        with pytest.raises(ValidationError) as refused:
            a_target(Target.objects.get(pk=target.pk), **{"target_value": Decimal("90"), **change})
        assert set(refused.value.message_dict) == {field}
        assert "03-2026" in refused.value.message_dict[field][0]
    stored = Target.objects.get(pk=target.pk)
    assert (stored.target_value, stored.first_month, stored.last_month) == (
        Decimal("90"),
        date(2026, 1, 1),
        date(2026, 12, 1),
    )
    # It may end after the last frozen month, and get another owner or rationale; the next
    # value is a new target.
    a_target(
        stored, target_value=Decimal("90"), last_month=date(2026, 6, 1), rationale="Bijgesteld."
    )
    a_target(first_month=date(2026, 7, 1), target_value=Decimal("80"))
    assert sorted(Target.objects.values_list("target_value", flat=True)) == [80, 90]
    # The edit form shows the fixed fields disabled, and a posted value is ignored.
    client = mfa_client_for(kernteam_user)
    edit = reverse("goal_targets:edit", args=[target.pk])
    html = client.get(edit).content.decode()
    assert "tot en met 03-2026" in html and 'name="target_value"' in html
    response = client.post(
        edit, post_data(indicator, owner, target_value="50", last_month="2026-06")
    )
    assert response.status_code == 302
    assert Target.objects.get(pk=target.pk).target_value == Decimal("90")
