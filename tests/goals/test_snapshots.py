"""Monthly snapshots: frozen once with the definition version of the month, never changed by
later data or a later definition, and frozen by a scheduled command that takes the lock."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import DatabaseError, transaction
from django.utils import timezone

from core.scheduling import scheduled_lock
from modules.awareness.models import SessionKind
from modules.goals import indicators
from modules.goals.indicators import ONBOARDING, SESSION_ATTENDED, computation, session_attended
from modules.goals.models import Indicator, IndicatorDefinition, IndicatorSnapshot, SnapshotFigure
from modules.goals.services import definition_add_version, snapshot_month
from tests.factories import DepartmentFactory, a_session
from tests.goals.builders import MONTH, at, attend, person

pytestmark = pytest.mark.django_db

FROZEN_AT = timezone.make_aware(datetime(2026, 10, 1, 1, 0))


@pytest.fixture
def team():
    """Ten people in one department, five of whom attended a session in March 2026 (five
    and five: no figure is hidden)."""
    department = DepartmentFactory(name="Publiekszaken")
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=at(date(2026, 3, 1)))
    people = [person(department) for _ in range(10)]
    for user in people[:5]:
        attend(user, session, date(2026, 3, 1))
    return {"department": department, "session": session, "people": people}


def organisation_figure(month: date, key: str = SESSION_ATTENDED) -> SnapshotFigure:
    return SnapshotFigure.objects.get(
        snapshot__indicator__key=key, snapshot__month=month, is_organisation=True
    )


def test_a_month_is_frozen_for_every_indicator_with_its_definition_and_time(team):
    snapshots = snapshot_month(month=MONTH, now=FROZEN_AT)
    assert len(snapshots) == Indicator.objects.count() == 4
    assert {s.definition.version for s in snapshots} == {1}
    assert {s.frozen_at for s in snapshots} == {FROZEN_AT}
    figure = organisation_figure(MONTH)
    assert (figure.numerator, figure.denominator, figure.value) == (5, 10, Decimal("50.0"))
    department = SnapshotFigure.objects.get(
        snapshot__indicator__key=SESSION_ATTENDED, department=team["department"]
    )
    assert department.department_name == "Publiekszaken"
    knowledge = IndicatorSnapshot.objects.get(indicator__key=indicators.KNOWLEDGE_PER_THEME)
    assert set(knowledge.figures.filter(is_organisation=True).values_list("breakdown", flat=True))
    assert "melden" in set(knowledge.figures.values_list("breakdown", flat=True))


def test_a_frozen_month_does_not_change_when_the_data_changes_later(team):
    snapshot_month(month=MONTH, now=FROZEN_AT)
    before = list(SnapshotFigure.objects.order_by("pk").values())
    # Later: the other five attend (dated in the month), one leaves, a department is renamed.
    for user in team["people"][5:]:
        attend(user, team["session"], date(2026, 9, 10))
    team["people"][0].end_date = date(2026, 8, 1)
    team["people"][0].save()
    team["department"].name = "Burgerzaken"
    team["department"].save()
    again = snapshot_month(month=MONTH, now=timezone.now())
    assert {s.frozen_at for s in again} == {FROZEN_AT}
    assert list(SnapshotFigure.objects.order_by("pk").values()) == before
    figure = organisation_figure(MONTH)
    assert (figure.numerator, figure.denominator) == (5, 10)
    # The live figure has moved; the frozen one has not.
    live = indicators.compute(
        key=SESSION_ATTENDED,
        version=1,
        parameters=figure.snapshot.definition.parameters,
        month=MONTH,
    )
    assert (live.organisation().numerator, live.organisation().denominator) == (9, 9)


def test_a_frozen_row_refuses_to_be_changed(team):
    snapshot_month(month=MONTH, now=FROZEN_AT)
    figure = organisation_figure(MONTH)
    figure.value = Decimal("99")
    with pytest.raises(ValueError):
        figure.save()
    with pytest.raises(ValueError):
        figure.snapshot.save()


def test_a_month_that_has_not_ended_is_not_frozen(team):
    now = timezone.make_aware(datetime(2026, 9, 30, 23, 0))
    with pytest.raises(ValidationError):
        snapshot_month(month=MONTH, now=now)
    assert not IndicatorSnapshot.objects.exists()


@pytest.fixture
def version_two():
    """A computation for version 2 of the session indicator (the same code, other months)."""
    computation(SESSION_ATTENDED, 2)(session_attended)
    yield
    indicators._REGISTRY.pop((SESSION_ATTENDED, 2))


def test_a_definition_change_keeps_the_old_snapshots(team, version_two):
    august = date(2026, 8, 1)
    snapshot_month(month=august, now=FROZEN_AT)
    old = organisation_figure(august)
    indicator = Indicator.objects.get(key=SESSION_ATTENDED)
    definition_add_version(
        indicator=indicator,
        numerator="Medewerkers die in de laatste 6 maanden een sessie bijwoonden.",
        denominator="Alle medewerkers.",
        period="De 6 kalendermaanden tot en met de gemeten maand.",
        exclusions="Zoals versie 1.",
        parameters={**indicator.definitions.get(version=1).parameters, "months": 6},
        valid_from=date(2026, 9, 1),
    )
    snapshot_month(month=MONTH, now=FROZEN_AT)
    new = organisation_figure(MONTH)
    assert new.snapshot.definition.version == 2
    assert new.numerator == 0  # March is more than 6 months before September's end
    old_again = organisation_figure(august)
    assert old_again.snapshot.definition.version == 1
    assert (old_again.numerator, old_again.value) == (old.numerator, old.value) == (5, Decimal(50))


def test_a_new_version_cannot_start_in_a_frozen_month(team, version_two):
    """August is frozen with version 1: a version 2 from 15 August would apply to August's
    last day, so the stored month would no longer match the definition in force."""
    snapshot_month(month=date(2026, 8, 1), now=FROZEN_AT)
    indicator = Indicator.objects.get(key=SESSION_ATTENDED)
    texts = {
        "numerator": "Medewerkers die in de laatste 6 maanden een sessie bijwoonden.",
        "denominator": "Alle medewerkers.",
        "period": "De 6 kalendermaanden tot en met de gemeten maand.",
        "exclusions": "Zoals versie 1.",
        "parameters": {**indicator.definitions.get(version=1).parameters, "months": 6},
    }
    for too_early in (date(2026, 8, 15), date(2026, 8, 31)):
        with pytest.raises(ValidationError) as refused:
            definition_add_version(indicator=indicator, valid_from=too_early, **texts)
        assert "01-09-2026" in refused.value.messages[0]
    assert indicator.definitions.count() == 1
    definition_add_version(indicator=indicator, valid_from=date(2026, 9, 1), **texts)
    assert indicator.definitions.count() == 2


def test_a_definition_is_never_edited_and_a_version_needs_its_code(team):
    indicator = Indicator.objects.get(key=SESSION_ATTENDED)
    first = indicator.definitions.get(version=1)
    first.numerator = "Iets anders."
    with pytest.raises(ValueError):
        first.save()
    with pytest.raises(ValidationError):
        definition_add_version(
            indicator=indicator,
            numerator="a",
            denominator="b",
            period="c",
            exclusions="d",
            parameters={},
            valid_from=date(2026, 9, 1),
        )
    assert indicator.definitions.count() == 1


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_command_freezes_the_previous_month_once(team):
    output = run("freeze_goal_month", "--month", "2026-09")
    assert "2026-09" in output and SESSION_ATTENDED in output
    first = list(IndicatorSnapshot.objects.values_list("pk", "frozen_at"))
    run("freeze_goal_month", "--month", "2026-09")
    assert list(IndicatorSnapshot.objects.values_list("pk", "frozen_at")) == first
    run("freeze_goal_month")  # the month before today's
    assert IndicatorSnapshot.objects.values("month").distinct().count() == (
        1 if timezone.localdate().replace(day=1) == date(2026, 10, 1) else 2
    )


def test_the_command_takes_the_lock(team):
    with scheduled_lock("freeze_goal_month"):
        output = run("freeze_goal_month", "--month", "2026-09")
    assert "skipped, another run holds the lock" in output
    assert not IndicatorSnapshot.objects.exists()


def test_the_onboarding_text_names_what_the_computation_counts():
    """The computation counts only published modules whose assignment is for the person
    (indicators.onboarding_within_days); version 1's written denominator says so too."""
    text = IndicatorDefinition.objects.get(indicator__key=ONBOARDING, version=1).denominator
    assert "gepubliceerde module" in text and "doelgroep" in text


def test_the_database_refuses_to_change_a_frozen_month_past_the_models():
    """A queryset update skips ``save``; the database's trigger refuses it all the same. A
    deleted department's link may still go (on_delete=SET_NULL)."""
    department = DepartmentFactory(name="Opgeheven")
    snapshot_month(month=MONTH)
    figure = SnapshotFigure.objects.filter(department=department).first()
    assert figure is not None
    for change in (
        lambda: SnapshotFigure.objects.filter(pk=figure.pk).update(value=99),
        lambda: SnapshotFigure.objects.filter(pk=figure.pk).update(members=[1]),
        lambda: IndicatorSnapshot.objects.filter(pk=figure.snapshot_id).update(
            month=date(2020, 1, 1)
        ),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            change()
    department.delete()
    figure.refresh_from_db()
    assert figure.department_id is None and figure.department_name == "Opgeheven"
