"""The computations behind the indicators, keyed by indicator key and definition version.

Each indicator's definition is data (:class:`modules.goals.models.IndicatorDefinition`, written
by the data migration and shown to the Rekenkamer); what it counts is code, registered here
with :func:`computation` for the (key, version) pairs it implements. A new definition version
whose rules differ gets its own function (or the same one, when only a number in
``parameters`` changed), so an old snapshot can always be traced to the code that made it.

A computation receives the month's last day and the definition's parameters and returns raw
tallies per department (and per part, such as a theme); :func:`compute` turns those into
figures for the whole organisation and each department and hides small groups there
(:mod:`core.privacy`), so no raw count of a small group leaves this module. Every computation
runs a fixed number of queries (the population, one or two reads of the data, the
departments), whatever the number of people.

Where the figures come from:

- onboarding: ``accounts.User.start_date`` and the modules with an onboarding assignment
  (``modules.learning.models.Assignment.starters_from`` set), completed rounds
  (``Enrolment.completed_at``);
- sessions: attendance (``modules.awareness.models.Registration.attended_at``);
- knowledge per theme and the reporting route: submitted quiz answers
  (``quizzes.models.AttemptItem``), counted the way the knowledge dashboard does
  (``quizzes.analysis.theme_knowledge``: submitted attempts, answers of questions that still
  exist, the department at the time of the quiz, raadsleden never). That selector is not
  called here because it has no end date (a past month would take later answers), one
  department set per call and no leaver rule; see docs/goals.md.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations
from typing import NamedTuple

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Department, User
from accounts.selectors import audience_includes
from core.dates import add_months
from core.privacy import all_or_none, change_reveals, is_small, widen_hidden
from modules.awareness.models import Registration, RegistrationStatus
from modules.awareness.selectors import is_council_member
from modules.learning.models import Assignment, Enrolment
from quizzes.models import AttemptItem, AttemptStatus, Theme

ONBOARDING = "onboarding_binnen_30_dagen"
SESSION_ATTENDED = "bewustwordingssessie_12_maanden"
KNOWLEDGE_PER_THEME = "kennis_per_thema"
REPORTING_ROUTE = "kent_meldroute"

ONE_DECIMAL = Decimal("0.1")


# -- Months --------------------------------------------------------------------------------


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def period_start(month: date, months: int) -> date:
    """The first day of a period of ``months`` whole calendar months ending with ``month``."""
    return add_months(month_start(month), -(months - 1))


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _between(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    """The moments from ``first_day``'s start up to (not including) the day after
    ``last_day``, in the site's time zone."""
    return _local_midnight(first_day), _local_midnight(last_day + timedelta(days=1))


# -- Results -------------------------------------------------------------------------------


@dataclass
class Tally:
    """Raw counts of one group, never shown as they are: ``people`` decides the group's size,
    ``numerator`` and ``denominator`` the value."""

    people: set[int] = field(default_factory=set)
    numerator: Decimal = Decimal(0)
    denominator: Decimal = Decimal(0)

    def add(self, other: Tally) -> None:
        self.people |= other.people
        self.numerator += other.numerator
        self.denominator += other.denominator


# (department id or None, part) -> tally
Tallies = dict[tuple[int | None, str], Tally]


@dataclass(frozen=True)
class Figure:
    """One published figure: empty counts and value when the group is hidden."""

    is_organisation: bool
    department_id: int | None
    department_name: str
    breakdown: str
    group_size: int | None
    numerator: Decimal | None
    denominator: Decimal | None
    value: Decimal | None
    suppressed: bool
    # Who a shown figure counted: stored with a frozen month to compare months, never shown.
    members: frozenset[int] = field(default=frozenset(), repr=False, compare=False)


@dataclass(frozen=True)
class IndicatorResult:
    indicator_key: str
    definition_version: int
    month: date
    figures: list[Figure]

    def organisation(self, breakdown: str = "") -> Figure:
        return next(f for f in self.figures if f.is_organisation and f.breakdown == breakdown)

    def department(self, department_id: int, breakdown: str = "") -> Figure:
        return next(
            f
            for f in self.figures
            if not f.is_organisation
            and f.department_id == department_id
            and f.breakdown == breakdown
        )


# -- The registry --------------------------------------------------------------------------


@dataclass(frozen=True)
class Computation:
    function: Callable[..., Tallies]
    breakdowns: Callable[[dict], list[str]]
    # The numerator counts people (of the denominator's people): then a figure whose numerator,
    # or whose people left out of it, are one to four is hidden too (``core.privacy``).
    counts_people: bool = True


_REGISTRY: dict[tuple[str, int], Computation] = {}


def _whole(parameters: dict) -> list[str]:
    return [""]


def computation(
    key: str,
    *versions: int,
    breakdowns: Callable[[dict], list[str]] = _whole,
    counts_people: bool = True,
):
    """Register ``function`` as the computation of ``key`` for the given definition
    versions. ``counts_people=False`` for a numerator that is not a number of people (points
    of answers)."""

    def register(function: Callable[..., Tallies]) -> Callable[..., Tallies]:
        for version in versions:
            if (key, version) in _REGISTRY:
                raise ValueError(f"{key} v{version} has two computations")
            _REGISTRY[(key, version)] = Computation(function, breakdowns, counts_people)
        return function

    return register


def has_computation(key: str, version: int) -> bool:
    return (key, version) in _REGISTRY


def counts_people(key: str) -> bool:
    """Whether the numerators of ``key`` count people: every version of an indicator counts
    the same kind of thing (points of answers are not people)."""
    return all(found.counts_people for (k, _v), found in _REGISTRY.items() if k == key)


#: A group of a month: (is the organisation, department id, part).
Group = tuple[bool, int | None, str]


class Reading(NamedTuple):
    """A group's figure as its reader has it: its people (never shown) and, for a count of
    people, how many of them met it (None for points of answers, or a figure kept before
    the counts were)."""

    people: Set[int]
    met: int | None = None


def _reveals(now: Reading, then: Reading) -> bool:
    """Two figures of nearly the same people side by side give a few people's back: one to
    four people differ, or the difference of the counts is revealing on its own
    (:func:`core.privacy.change_reveals`: 20 with 10, then 25 with 15, says that all five
    newcomers met it)."""
    if is_small(len(now.people ^ then.people)):
        return True
    if now.met is None or then.met is None:
        return False
    stayed = len(now.people & then.people)
    return change_reveals(
        joined=len(now.people) - stayed,
        left=len(then.people) - stayed,
        stayed=stayed,
        met_then=then.met,
        met_now=now.met,
    )


def _sum_of(readings: Iterable[Reading]) -> tuple[set[int], int | None]:
    people: set[int] = set()
    met: int | None = 0
    for reading in readings:
        people |= reading.people
        met = None if met is None or reading.met is None else met + reading.met
    return people, met


@dataclass(frozen=True)
class Published:
    """What was published once (a frozen month, an evidence pack's completions), for
    comparing a new figure with it: each shown group's people (user ids, stored with it and
    never shown), or only its size for a month frozen before the people were stored, and
    which department figures were hidden (their people are not stored)."""

    when: date | datetime
    people: dict[Group, frozenset[int]]
    sizes: dict[Group, int]
    hidden: frozenset[Group] = frozenset()
    # A shown group's numerator (who met it, for a count of people), where it was kept.
    met: dict[Group, int] = field(default_factory=dict)
    # Per part, what :meth:`readable` found: asked for once per department and per widening
    # step, so worked out once.
    _readable: dict[str, list[Reading]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[
            tuple[date | datetime, Group, bool, Sequence[int], int | None, Decimal | int | None]
        ],
        *,
        counts_people: bool = True,
    ) -> list[Published]:
        """The publications of stored figures, oldest first: rows of (when, group, hidden,
        people, size, numerator). A shown group keeps its people, or, stored without them but
        with a size (a month frozen before the people were stored), its size; and its
        numerator where one was kept and it ``counts_people`` (points of answers are no
        count of who met something, and are never compared as one)."""
        people: dict = defaultdict(dict)
        sizes: dict = defaultdict(dict)
        hidden: dict = defaultdict(set)
        met: dict = defaultdict(dict)
        for when, group, suppressed, members, size, numerator in rows:
            people.setdefault(when, {})  # every publication, also one that hid everything
            if suppressed:
                hidden[when].add(group)
                continue
            if members or not size:
                people[when][group] = frozenset(members)
            else:
                sizes[when][group] = size
            if numerator is not None and counts_people:
                met[when][group] = int(numerator)
        return [
            cls(when, people[when], sizes[when], frozenset(hidden[when]), met[when])
            for when in sorted(people)
        ]

    def differs_little(self, group: Group, now: Reading) -> bool:
        """The group could be read then and its figure now gives a few people's back beside
        that one (:func:`_reveals`: one to four joined, left or moved, or the counts'
        difference is revealing); or the groups readable then that it overlaps (renamed,
        merged, moved to a new department), one or some of them, come to nearly its figure
        (:func:`_cover_differs_little`)."""
        then = self.reading(group)
        if then is None and group[0]:
            then = self.whole_worked_out(group[2])
        if then is not None:
            if _reveals(now, then):
                return True
        elif group in self.sizes:  # older snapshot: sizes only
            return _sizes_reveal(now, self.sizes[group], self.met.get(group))
        return _cover_differs_little(now, self.readable(group[2]))

    def reading(self, group: Group) -> Reading | None:
        people = self.people.get(group)
        return None if people is None else Reading(people, self.met.get(group))

    def whole_worked_out(self, part: str) -> Reading | None:
        """A hidden organisation figure whose departments were all shown: their sum."""
        if any(not is_org and p == part for is_org, _pk, p in self.hidden):
            return None
        shown = [self.reading(group) for group in self.people if not group[0] and group[2] == part]
        return Reading(*_sum_of(shown)) if shown else None

    def readable(self, part: str) -> list[Reading]:
        """The groups whose figures a reader can work out from this publication: each shown
        department, and, when the organisation was shown, the rest (the organisation minus
        the shown departments: the hidden ones together, with the organisation's count
        minus theirs)."""
        if part not in self._readable:
            shown = [
                self.reading(group)
                for group, members in self.people.items()
                if not group[0] and group[2] == part and members
            ]
            organisation = self.reading((True, None, part))
            if organisation is not None:
                rest = organisation.people.difference(*(r.people for r in shown))
                if rest:
                    _, shown_met = _sum_of(shown)
                    met = (
                        None
                        if organisation.met is None or shown_met is None
                        else organisation.met - shown_met
                    )
                    shown.append(Reading(rest, met))
            self._readable[part] = shown
        return self._readable[part]


def _sizes_reveal(now: Reading, size: int, met: int | None) -> bool:
    """Beside a month frozen with the group's size only (before the people were stored): as
    :func:`_reveals`, with the change in size taken for the people who joined or left (the
    reader cannot tell moves from it either)."""
    change = len(now.people) - size
    if is_small(abs(change)):
        return True
    if now.met is None or met is None:
        return False
    return change_reveals(
        joined=max(change, 0),
        left=max(-change, 0),
        stayed=min(size, len(now.people)),
        met_then=met,
        met_now=now.met,
    )


#: Up to this many groups overlapping another, every sum of two or more of them is compared
#: with it (11 sums for four); beyond, all but each one.
_EVERY_SUM_UP_TO = 4


def _cover_differs_little(group: Reading, others: Sequence[Reading]) -> bool:
    """Whether ``group`` side by side with the ``others`` it shares people with, one of them
    or some together, gives a few people's figure back (:func:`_reveals`).

    Compared are each of them on its own, all of them together, and sums of some of them
    (:func:`_sums_of_some`): a whole of 20 people with 7 met beside one team of 10 with 5
    within it says the other 10 had 2; two teams that hold all of an earlier rest, one of
    them only half in it, give back the rest's others (found in review). A sum of another
    selection beyond four groups can still give something back: not checked (docs/goals.md).
    """
    # CPython intersects by walking the smaller set.
    overlapping = [other for other in others if other.people & group.people]
    if any(_reveals(group, other) for other in overlapping):
        return True
    if len(overlapping) > 1 and _reveals(group, Reading(*_sum_of(overlapping))):
        return True
    return any(_reveals(group, Reading(*_sum_of(chosen))) for chosen in _sums_of_some(overlapping))


def _sums_of_some(groups: list[Reading]) -> Iterator[Sequence[Reading]]:
    """The selections of two or more of ``groups``, short of all of them, that
    :func:`_cover_differs_little` compares: every one up to ``_EVERY_SUM_UP_TO`` groups,
    beyond that all but each one."""
    if len(groups) <= _EVERY_SUM_UP_TO:
        for count in range(2, len(groups)):
            yield from combinations(groups, count)
        return
    for index in range(len(groups)):
        yield groups[:index] + groups[index + 1 :]


def _sums_differ_little(
    now: list[Reading], then: Published, part: str, *, compared: int = 0
) -> bool:
    """Whether a sum of groups readable now and a sum of groups readable ``then`` cover
    nearly the same people (one to four differ): the two sums side by side give those
    people's figure back, whatever the departments are called (moves, splits, merges, a
    hidden department worked out by subtraction). Compared are: the sums of the groups
    linked by the people they share, now and then (a union-find over the people); and each
    group, now or then (the earlier whole among them), with the groups of the other side it
    overlaps (:func:`_cover_differs_little`: a department that took all of one and a person
    of another is compared with the one, even though the person links it to the other). The
    first ``compared`` groups of ``now`` were
    compared with ``then`` one by one already (:meth:`Published.differs_little`)."""
    if not now:
        return False
    earlier = then.readable(part)
    if not earlier:
        return False
    # The earlier whole too, beside the groups now that it overlaps: the whole now is
    # compared with the groups then it overlaps (:meth:`Published.differs_little`), so a
    # pair of months is compared in the same ways whichever of the two is frozen later.
    whole_then = then.reading((True, None, part)) or then.whole_worked_out(part)
    covering = earlier if whole_then is None else [*earlier, whole_then]
    if any(_cover_differs_little(group, earlier) for group in now[compared:]) or any(
        _cover_differs_little(group, now) for group in covering
    ):
        return True
    groups = [*now, *earlier]
    parent = list(range(len(groups)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner: dict[int, int] = {}
    for index, group in enumerate(groups):
        for person in group.people:
            if person in owner:
                parent[root(index)] = root(owner[person])
            else:
                owner[person] = index
    linked: dict[int, tuple[list[Reading], list[Reading]]] = {}
    for index, group in enumerate(groups):
        side = linked.setdefault(root(index), ([], []))
        side[0 if index < len(now) else 1].append(group)
    return any(
        current and previous and _reveals(Reading(*_sum_of(current)), Reading(*_sum_of(previous)))
        for current, previous in linked.values()
    )


def _registered(key: str, version: int) -> Computation:
    try:
        return _REGISTRY[(key, version)]
    except KeyError:
        raise LookupError(f"No computation for {key} v{version}") from None


def compute(
    *,
    key: str,
    version: int,
    parameters: dict,
    month: date,
    published: Iterable[Published] = (),
) -> IndicatorResult:
    """The indicator's figures for ``month`` as of its last day, for the organisation and
    each department, with small groups hidden.

    ``published`` (when freezing a month): what the other frozen months of the indicator
    showed, before and after this one. A group whose people differ by one to four from any
    month in which its figure was shown is hidden this month, because the two published
    figures side by side give those few people's figure back (20 people with 15, then 21
    with 16: the newcomer met it); and so is the next smallest department while the
    organisation minus the departments shown in both months would do the same. Changes add
    up until they are five or more against every shown month, then the group shows again.
    For a count of people the difference of the two counts is a figure too
    (:func:`core.privacy.change_reveals`: 20 with 10, then 25 with 15, says all five
    newcomers met it), and it hides the group as a figure of its own would be hidden. Pairs
    of months are judged, not three or more together (docs/goals.md).
    """
    found = _registered(key, version)
    last_day = month_end(month)
    tallies = found.function(last_day=last_day, parameters=parameters)
    figures = _figures(
        tallies=tallies,
        departments=_departments(tallies),
        breakdowns=found.breakdowns(parameters),
        counts_people=found.counts_people,
        published=list(published),
    )
    return IndicatorResult(key, version, month_start(month), figures)


def figures_of(
    tallies: Tallies,
    *,
    departments: dict[int | None, str],
    parts: Iterable[str],
    published: Iterable[Published] = (),
    counts_people: bool = True,
) -> list[Figure]:
    """Figures of counts kept elsewhere (an evidence pack's completions per module, one part
    per module; the council overview's), with every rule of the indicators' figures: small
    groups, one to four who met it or did not (when the numerator ``counts_people``), the
    subtraction, all or none, and ``published`` figures side by side (:func:`compute`)."""
    return _figures(
        tallies=tallies,
        departments=departments,
        breakdowns=parts,
        counts_people=counts_people,
        published=list(published),
    )


# -- Small groups --------------------------------------------------------------------------


def _departments(tallies: Tallies) -> dict[int | None, str]:
    """Active departments and any department with a tally, by id (one query); people without
    a department, when a definition counts them, form a group of their own."""
    with_tally = {department_id for department_id, _part in tallies}
    rows = Department.objects.filter(Q(is_active=True) | Q(pk__in=with_tally - {None}))
    names: dict[int | None, str] = dict(rows.values_list("pk", "name"))
    if None in with_tally:
        names[None] = _("(no department)")
    return names


def _percent(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(100) * numerator / denominator).quantize(ONE_DECIMAL, ROUND_HALF_UP)


def _shown(*, tally: Tally, organisation: bool, name: str, department_id, breakdown: str):
    return Figure(
        is_organisation=organisation,
        department_id=department_id,
        department_name=name,
        breakdown=breakdown,
        group_size=len(tally.people),
        numerator=tally.numerator,
        denominator=tally.denominator,
        value=_percent(tally.numerator, tally.denominator),
        suppressed=False,
        members=frozenset(tally.people),
    )


def _hidden(*, organisation: bool, name: str, department_id, breakdown: str) -> Figure:
    return Figure(organisation, department_id, name, breakdown, None, None, None, None, True)


def _too_revealing(
    tally: Tally, *, counts_people: bool, group: Group | None = None, published=()
) -> bool:
    """The group is one to four people; or, when the numerator counts people, those who
    meet the indicator or those who do not are one to four ("6 people, 5 attended" names the
    one who did not to anybody who knows the team); or its people differ by one to four from
    a ``published`` month in which ``group`` was shown. Zero names nobody."""
    if is_small(len(tally.people)):
        return True
    if group is not None and published:
        now = Reading(tally.people, int(tally.numerator) if counts_people else None)
        if any(month.differs_little(group, now) for month in published):
            return True
    if not counts_people:
        return False
    met = int(tally.numerator)
    return is_small(met) or is_small(int(tally.denominator) - met)


def _figures(
    *,
    tallies: Tallies,
    departments: dict[int | None, str],
    breakdowns: Iterable[str],
    counts_people: bool = True,
    published: list[Published] | None = None,
) -> list[Figure]:
    """Per part: the organisation's figure, then one per department.

    A figure is hidden when it is too revealing (:func:`_too_revealing`: a group of one to
    four, or for counts of people one to four who meet it or who do not). The organisation's
    figure is the sum of the departments', so while the hidden departments taken together are
    too revealing, the smallest shown department is hidden too: otherwise the organisation
    minus the shown departments gives the hidden ones back (the rule of
    ``quizzes.analysis.department_figures``, :func:`core.privacy.widen_hidden`). Hidden
    departments that together met it all or not at all are revealing too
    (:func:`core.privacy.all_or_none`). Taken together means the distinct people (one
    person can be in two departments' tallies when the department at the time of a quiz
    counts) and the summed counts. ``published``: see :func:`compute`.
    """
    published = published or []
    figures: list[Figure] = []
    ordered = sorted(departments.items(), key=lambda item: (item[0] is None, item[1]))
    for part in breakdowns:
        whole = Tally()
        for (_department, tally_part), tally in tallies.items():
            if tally_part == part:
                whole.add(tally)
        whole_hidden = _too_revealing(
            whole, counts_people=counts_people, group=(True, None, part), published=published
        )
        groups = {pk: tallies.get((pk, part), Tally()) for pk, _name in ordered}
        hidden = {
            pk
            for pk, tally in groups.items()
            if _too_revealing(
                tally, counts_people=counts_people, group=(False, pk, part), published=published
            )
        }
        hidden, whole_revealing = _with_complements(
            groups,
            hidden,
            whole=whole,
            counts_people=counts_people,
            names=departments,
            part=part,
            published=published,
            whole_shown=not whole_hidden,
        )
        if whole_hidden or whole_revealing:  # revealing: no department left to hide
            figures.append(_hidden(organisation=True, name="", department_id=None, breakdown=part))
        else:
            figures.append(
                _shown(tally=whole, organisation=True, name="", department_id=None, breakdown=part)
            )
        for pk, name in ordered:
            if pk in hidden:
                figures.append(
                    _hidden(organisation=False, name=name, department_id=pk, breakdown=part)
                )
            else:
                figures.append(
                    _shown(
                        tally=groups[pk],
                        organisation=False,
                        name=name,
                        department_id=pk,
                        breakdown=part,
                    )
                )
    return figures


def _with_complements(
    groups: dict[int | None, Tally],
    hidden: set[int | None],
    *,
    whole: Tally,
    counts_people: bool,
    names: dict[int | None, str],
    part: str,
    published: list[Published],
    whole_shown: bool,
) -> tuple[set[int | None], bool]:
    """``hidden`` and the smallest shown departments it takes so that the hidden ones together
    are not revealing: not too revealing as a group, not all or none unless the whole is, and
    no sum of what can be read now (shown departments, and with the whole shown the hidden
    ones together) one to four people away from a sum of what could be read in a
    ``published`` month (:func:`_sums_differ_little`).

    Also returns whether, with every department hidden, they are still revealing together
    with the whole shown: then the whole is what gives them back (the whole now beside
    what a published month let a reader work out, such as its whole minus its shown
    departments), and it must be hidden too. Without that a month could show its whole
    beside an earlier month it reveals something of, while the earlier month, worked out
    again, would hide a department beside it: the pair must be judged alike either way."""
    whole_all_or_none = all_or_none(whole.numerator, whole.denominator)
    readings = {
        pk: Reading(tally.people, int(tally.numerator) if counts_people else None)
        for pk, tally in groups.items()
    }

    def revealing(keys: set[int | None]) -> bool:
        together = Tally()
        for pk in keys:
            together.add(groups[pk])
        if _too_revealing(together, counts_people=counts_people) or (
            not whole_all_or_none and all_or_none(together.numerator, together.denominator)
        ):
            return True
        # The shown departments were each compared with every publication already.
        readable_now = [readings[pk] for pk in groups if pk not in keys and readings[pk].people]
        compared = len(readable_now)
        if whole_shown:
            rest = Reading(*_sum_of(readings[pk] for pk in keys))
            if rest.people:
                readable_now.append(rest)
        return any(
            _sums_differ_little(readable_now, earlier, part, compared=compared)
            for earlier in published
        )

    widened = widen_hidden(
        {pk: len(tally.people) for pk, tally in groups.items()},
        hidden,
        revealing=revealing,
        tiebreak=names.__getitem__,
    )
    every_one = all(pk in widened or not tally.people for pk, tally in groups.items())
    return widened, whole_shown and every_one and revealing(widened)


# -- Who counts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    department_id: int | None
    start_date: date | None


def population(*, last_day: date, parameters: dict) -> dict[int, Person]:
    """Everybody an indicator counts on ``last_day`` (one query): in service by then (from the
    start date; without one, from when the account was made), minus the exclusions the
    definition names: leavers (an end date on or before ``last_day``, or an account switched
    off without an end date), raadsleden (the role, now) and people without a department."""
    users = User.objects.filter(
        Q(start_date__lte=last_day) | Q(start_date__isnull=True, date_joined__date__lte=last_day)
    )
    if parameters.get("exclude_leavers", True):
        users = users.exclude(end_date__lte=last_day).exclude(
            is_active=False, end_date__isnull=True
        )
    if parameters.get("exclude_council_members", True):
        users = users.exclude(is_council_member("pk"))
    if parameters.get("exclude_without_department", True):
        users = users.filter(department__isnull=False)
    return {
        row["pk"]: Person(row["department_id"], row["start_date"])
        for row in users.values("pk", "department_id", "start_date")
    }


def _count_people(people: dict[int, Person], meets: set[int]) -> Tallies:
    """Per department: everybody in ``people`` in the denominator, those in ``meets`` in the
    numerator."""
    tallies: Tallies = defaultdict(Tally)
    for pk, person in people.items():
        tally = tallies[(person.department_id, "")]
        tally.people.add(pk)
        tally.denominator += 1
        if pk in meets:
            tally.numerator += 1
    return dict(tallies)


# -- 1. Onboarding within 30 days ----------------------------------------------------------


@computation(ONBOARDING, 1, 2)
def onboarding_within_days(*, last_day: date, parameters: dict) -> Tallies:
    """New employees whose first ``window_days`` days after their start date ended in the
    period, and of them those who completed every onboarding module meant for them within
    those days. At most eight queries (the assignments with their audiences, the memberships
    of the roles those name, the population, the completions, the departments).

    Version 2 has the same rules with other ``parameters`` (``window_days``, ``months``), so
    it is this function too; it is not in the migrations, the demo adds one (docs/goals.md)."""
    window = timedelta(days=parameters["window_days"])
    first_day = period_start(last_day, parameters["months"])
    people = population(last_day=last_day, parameters=parameters)
    # The onboarding assignments, with the rule of ``Assignment.objects.applying_to`` (active,
    # a live module, the audience, the start date) applied to everybody at once below.
    assignments = list(
        Assignment.objects.filter(
            is_active=True, starters_from__isnull=False, module__live=True
        ).prefetch_related("audience__roles", "audience__departments")
    )
    onboarding = {assignment.module_id for assignment in assignments}
    role_ids = {
        group.pk
        for assignment in assignments
        if assignment.audience is not None
        for group in assignment.audience.roles.all()
    }
    groups: dict[int, set[int]] = defaultdict(set)
    if role_ids:  # only the memberships an audience asks about
        memberships = User.groups.through.objects.filter(group_id__in=role_ids)
        for user_id, group_id in memberships.values_list("user_id", "group_id"):
            groups[user_id].add(group_id)
    cohort: dict[int, Person] = {}
    due: dict[int, set[int]] = {}
    for pk, person in people.items():
        if person.start_date is None or not first_day <= person.start_date + window <= last_day:
            continue
        modules = {
            assignment.module_id
            for assignment in assignments
            if person.start_date >= assignment.starters_from
            and audience_includes(
                assignment.audience, group_ids=groups[pk], department_id=person.department_id
            )
        }
        if modules:
            cohort[pk] = person
            due[pk] = modules
    completed: dict[int, set[int]] = defaultdict(set)
    starts = (first_day - window, last_day - window)
    for user_id, module_id, completed_at in Enrolment.objects.filter(
        completed_at__isnull=False,
        module_id__in=list(onboarding),
        user__start_date__range=starts,
    ).values_list("user_id", "module_id", "completed_at"):
        person = cohort.get(user_id)
        if person and timezone.localdate(completed_at) <= person.start_date + window:
            completed[user_id].add(module_id)
    meets = {pk for pk, modules in due.items() if modules <= completed[pk]}
    return _count_people(cohort, meets)


# -- 2. A bewustwordingssessie in the last 12 months ---------------------------------------


@computation(SESSION_ATTENDED, 1)
def session_attended(*, last_day: date, parameters: dict) -> Tallies:
    """Everybody counted, and those who attended a session of the given kinds in the period
    (a session whose page was deleted counts when the definition says so: its kind is not
    kept). Two queries."""
    first_day = period_start(last_day, parameters["months"])
    people = population(last_day=last_day, parameters=parameters)
    start, end = _between(first_day, last_day)
    kinds = Q(session__kind__in=parameters["session_kinds"])
    if parameters.get("count_deleted_sessions", False):
        kinds |= Q(session__isnull=True)
    attended = set(
        Registration.objects.filter(
            kinds,
            status=RegistrationStatus.REGISTERED,
            attended_at__gte=start,
            attended_at__lt=end,
        )
        .values_list("user_id", flat=True)
        .distinct()
    )
    return _count_people(people, attended)


# -- 3 and 4. Quiz answers -----------------------------------------------------------------


def _answers(*, last_day: date, parameters: dict):
    """Answers of submitted attempts in the period to questions that still exist, never a
    raadslid's (at the time of the quiz; a raadslid now is left out by the population)."""
    first_day = period_start(last_day, parameters["months"])
    start, end = _between(first_day, last_day)
    return AttemptItem.objects.filter(
        attempt__status=AttemptStatus.SUBMITTED,
        attempt__submitted_at__gte=start,
        attempt__submitted_at__lt=end,
        attempt__is_council_member=False,
        question__isnull=False,
    )


def _themes(parameters: dict) -> list[str]:
    return list(Theme.values)


@computation(KNOWLEDGE_PER_THEME, 1, breakdowns=_themes, counts_people=False)
def knowledge_per_theme(*, last_day: date, parameters: dict) -> Tallies:
    """Per theme and department (at the time of the quiz): the points scored over the answers
    given, of everybody counted. Two queries."""
    people = population(last_day=last_day, parameters=parameters)
    keep_without_department = not parameters.get("exclude_without_department", True)
    rows = (
        _answers(last_day=last_day, parameters=parameters)
        .values("attempt__user_id", "attempt__department_id", "theme")
        .annotate(answers=Count("score"), points=Sum("score"))
        .order_by()
    )
    tallies: Tallies = defaultdict(Tally)
    for row in rows:
        department_id = row["attempt__department_id"]
        if row["attempt__user_id"] not in people or not row["answers"]:
            continue
        if department_id is None and not keep_without_department:
            continue
        tally = tallies[(department_id, row["theme"])]
        tally.people.add(row["attempt__user_id"])
        tally.numerator += Decimal(row["points"] or 0)
        tally.denominator += row["answers"]
    return dict(tallies)


@computation(REPORTING_ROUTE, 1)
def reporting_route_known(*, last_day: date, parameters: dict) -> Tallies:
    """Everybody counted, and those whose latest quiz in the period with questions on the
    reporting theme scored at least ``pass_share`` of the points on those questions. Two
    queries."""
    people = population(last_day=last_day, parameters=parameters)
    rows = (
        _answers(last_day=last_day, parameters=parameters)
        .filter(theme=parameters["theme"])
        .values("attempt_id", "attempt__user_id", "attempt__submitted_at")
        .annotate(answers=Count("score"), points=Sum("score"))
        .order_by()
    )
    latest: dict[int, tuple[datetime, int, Decimal]] = {}
    for row in rows:
        user_id = row["attempt__user_id"]
        if user_id not in people or not row["answers"]:
            continue
        share = Decimal(row["points"] or 0) / row["answers"]
        candidate = (row["attempt__submitted_at"], row["attempt_id"], share)
        if user_id not in latest or candidate[:2] > latest[user_id][:2]:
            latest[user_id] = candidate
    threshold = Decimal(str(parameters["pass_share"]))
    knows = {user_id for user_id, (_at, _pk, share) in latest.items() if share >= threshold}
    return _count_people(people, knows)
