"""The goal charts are built from the frozen months only: the values per month, a hidden month
(small group) as a gap that the table names, the target line(s), met or not, and the status in
plain Dutch."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from accounts.roles import Role
from modules.awareness.models import SessionKind
from modules.goals.charts import Status, build_chart, chart_months, goal_charts
from modules.goals.history import MonthFigure, TargetPeriod, goal_history
from modules.goals.indicators import KNOWLEDGE_PER_THEME, SESSION_ATTENDED
from modules.goals.models import Indicator
from modules.goals.services import snapshot_month
from tests.factories import DepartmentFactory, a_session
from tests.goals.builders import at, attend, person
from tests.goals.frozen import HIDDEN, a_target, freeze, months_back

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


@pytest.fixture
def sessions():
    return Indicator.objects.get(key=SESSION_ATTENDED)


def chart_of(history, months, **kwargs):
    return next(
        c
        for c in goal_charts(history=history, months=months, **kwargs)
        if c.indicator_key == SESSION_ATTENDED
    )


def test_the_chart_has_the_frozen_values_a_gap_for_hidden_months_and_the_target(
    sessions, make_user
):
    months = months_back(12)
    department = DepartmentFactory(name="Publiekszaken")
    values = ["80", "82.5", "85", "90", "91", "93", "94", "95", "96", "96", "97", "96"]
    for month, value in zip(months, values, strict=True):
        # The department was a small group in the fourth month.
        freeze(sessions, month, value, {department: HIDDEN if month == months[3] else "70"})
    a_target(sessions, months[0], months[-1], "95", by=make_user(Role.KERNTEAM))

    history = goal_history(until=months[-1], department_ids=[department.pk])
    window = chart_months(until=months[-1], first_frozen=history.first_frozen)
    assert window == months
    chart = chart_of(history, window)
    assert [p.value for p in chart.points] == [Decimal(v) for v in values]
    assert [p.target for p in chart.points] == [Decimal(95)] * 12
    assert [p.met for p in chart.points] == [False] * 7 + [True] * 5
    assert chart.status == Status.MET
    assert chart.status_text.startswith("Doel gehaald: 96% tegen een doel van 95% in ")
    assert chart.points[1].value_label == "82,5%"
    assert len(chart.paths) == 1 and chart.paths[0].count("L") == 11
    assert len(chart.targets) == 1 and chart.targets[0].label == "Doel 95%"

    team = chart_of(history, window, department_id=department.pk, group_name="Publiekszaken")
    assert [p.hidden for p in team.points] == [m == months[3] for m in months]
    assert team.points[3].value is None and team.points[3].y is None
    assert team.points[3].value_label == "verborgen (minder dan 5 personen)"
    assert len(team.paths) == 2  # the line breaks at the hidden month
    assert team.hidden_bands == [team.points[3].band_x]
    assert team.status == Status.NOT_MET
    assert team.status_text.startswith("Doel niet gehaald: 70% tegen een doel van 95% in ")

    html = render_to_string("goals/chart.html", {"chart": team})
    assert "verborgen (minder dan 5 personen)" in html
    assert (
        'role="img"' in html and f'aria-labelledby="{team.dom_id}-title {team.dom_id}-desc"' in html
    )
    assert "<figcaption" in html and 'stroke-dasharray="8 5"' in html
    assert "82,5" not in html.split("<table")[0]  # no decimal comma inside the SVG


def test_no_frozen_month_no_target_and_nobody_counted():
    months = [date(2026, m, 1) for m in range(1, 13)]
    empty = build_chart(
        dom_id="x",
        indicator_key="k",
        indicator_name="Iets",
        breakdown="",
        group_name="",
        months=months,
        figures={},
        targets=[],
    )
    assert empty.status == Status.NO_MONTH and empty.status_text == "Nog geen bevroren maand"
    assert empty.paths == [] and all(p.value_label == "geen bevroren cijfer" for p in empty.points)

    figures = {date(2026, 11, 1): MonthFigure(date(2026, 11, 1), 1, Decimal("96"), False)}
    months = [date(2025, 12, 1), *[date(2026, m, 1) for m in range(1, 12)]]
    untargeted = build_chart(
        dom_id="x",
        indicator_key="k",
        indicator_name="Iets",
        breakdown="",
        group_name="",
        months=months,
        figures=figures,
        targets=[],
    )
    assert untargeted.status == Status.NO_TARGET
    assert untargeted.status_text == "Geen doel ingesteld (november 2026: 96%)"
    met = build_chart(
        dom_id="x",
        indicator_key="k",
        indicator_name="Iets",
        breakdown="",
        group_name="",
        months=months,
        figures=figures,
        targets=[TargetPeriod(date(2026, 1, 1), date(2026, 12, 1), Decimal(95))],
    )
    assert met.status_text == "Doel gehaald: 96% tegen een doel van 95% in november 2026"
    assert met.points[0].target is None and met.points[0].target_label == "geen doel"
    # Two target periods: two dashed lines.
    two = build_chart(
        dom_id="x",
        indicator_key="k",
        indicator_name="Iets",
        breakdown="",
        group_name="",
        months=months,
        figures=figures,
        targets=[
            TargetPeriod(date(2025, 1, 1), date(2025, 12, 1), Decimal(90)),
            TargetPeriod(date(2026, 1, 1), date(2026, 12, 1), Decimal("97.5")),
        ],
    )
    assert [t.label for t in two.targets] == ["Doel 90%", "Doel 97,5%"]
    assert two.status_text == "Doel niet gehaald: 96% tegen een doel van 97,5% in november 2026"

    nobody = {date(2026, 11, 1): MonthFigure(date(2026, 11, 1), 1, None, False)}
    chart = build_chart(
        dom_id="x",
        indicator_key="k",
        indicator_name="Iets",
        breakdown="",
        group_name="",
        months=months,
        figures=nobody,
        targets=[],
    )
    assert chart.status == Status.EMPTY
    hidden = {date(2026, 11, 1): MonthFigure(date(2026, 11, 1), 1, None, True)}
    chart = build_chart(
        dom_id="x",
        indicator_key="k",
        indicator_name="Iets",
        breakdown="",
        group_name="",
        months=months,
        figures=hidden,
        targets=[],
    )
    assert chart.status == Status.HIDDEN
    assert chart.status_text == (
        "Geen cijfer voor november 2026: verborgen (minder dan 5 personen)"
    )


def test_the_window_is_twelve_to_twenty_four_months():
    until = date(2026, 11, 1)
    assert len(chart_months(until=until, first_frozen=None)) == 12
    assert len(chart_months(until=until, first_frozen=date(2026, 6, 1))) == 12
    assert len(chart_months(until=until, first_frozen=date(2025, 6, 1))) == 18
    assert chart_months(until=until, first_frozen=date(2020, 1, 1))[0] == date(2024, 12, 1)


def test_knowledge_has_a_chart_per_theme(sessions):
    history = goal_history(until=months_back(1)[0])
    charts = goal_charts(history=history, months=months_back(12))
    knowledge = [c for c in charts if c.indicator_key == KNOWLEDGE_PER_THEME]
    assert len(knowledge) == 7
    assert knowledge[0].title == "Gemiddelde kennis per thema: Drugs"
    assert len({c.dom_id for c in charts}) == len(charts)


def test_a_chart_from_a_month_frozen_from_real_data_hides_a_small_department():
    """Ten people in one department and three in another: the small one is frozen hidden and
    its chart shows the month as hidden, while the organisation's shows the value."""
    big, small = DepartmentFactory(name="Groot"), DepartmentFactory(name="Klein")
    month = months_back(1)[0]
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=at(month))
    people = [person(big) for _ in range(10)] + [person(small) for _ in range(3)]
    for user in people[:6]:
        attend(user, session, month)
    snapshot_month(month=month)
    history = goal_history(until=month, department_ids=[big.pk, small.pk])
    months = chart_months(until=month, first_frozen=history.first_frozen)
    organisation = chart_of(history, months)
    hidden = chart_of(history, months, department_id=small.pk, group_name="Klein")
    # Hiding "Klein" (3) would let it be worked out from the organisation's figure, so "Groot"
    # is hidden too, as frozen (docs/goals.md, small groups).
    assert organisation.points[-1].value == Decimal("46.2")  # 6 of 13
    assert hidden.points[-1].hidden and hidden.status == Status.HIDDEN
