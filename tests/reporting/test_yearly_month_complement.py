"""The yearly overview: a hidden month of attendance cannot be worked out from the year total
(found in review).

The year's "attended" total (people who attended in the last 12 months) is shown next to the
month rows' attendances; when everybody attended once and nothing fell in the days before the
first month row, the total minus the shown months is the hidden month's count (core.privacy:
no figure may let a reader work out a group of one to four).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from core.dates import add_months
from modules.reporting.yearly import yearly_overview
from tests.factories import DepartmentFactory, a_session
from tests.goals.builders import at, attend

pytestmark = pytest.mark.django_db


def test_a_hidden_month_of_attendance_cannot_be_worked_out_from_the_year_total(make_user):
    today = timezone.localdate()
    first_row = add_months(today.replace(day=1), -11)
    busy_day = add_months(first_row, 2) + timedelta(days=9)
    quiet_day = add_months(first_row, 6) + timedelta(days=9)
    department = DepartmentFactory(name="Publiekszaken")
    staff = [make_user(Role.MEDEWERKER, department=department) for _ in range(20)]
    busy = a_session(title="Druk", starts_at=at(busy_day), ends_at=at(busy_day, 14))
    quiet = a_session(title="Stil", starts_at=at(quiet_day), ends_at=at(quiet_day, 14))
    for user in staff[:10]:
        attend(user, busy, busy_day)
    for user in staff[10:12]:
        attend(user, quiet, quiet_day)

    overview = yearly_overview(today=today, now=timezone.now())

    by_month = {row.month: row.attended for row in overview.months}
    # Hiding the quiet month alone is not enough: the busy one goes too (its 10 and the
    # total 12 would give the 2 back).
    assert by_month[date(busy_day.year, busy_day.month, 1)] is None
    assert by_month[date(quiet_day.year, quiet_day.month, 1)] is None  # 2 people: hidden
    shown = sum(v for v in by_month.values() if v is not None)
    hidden_months = [m for m, v in by_month.items() if v is None and m.month == quiet_day.month]
    assert hidden_months
    # The total shown next to the months must not give the hidden month back.
    assert overview.attended is None or not (0 < overview.attended - shown < 5), (
        f"attended total {overview.attended} minus shown months {shown} "
        f"= {overview.attended - shown}: the hidden month is worked out"
    )
