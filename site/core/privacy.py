"""Small-number suppression, shared by every aggregate we publish.

A count of one to four people (below ``WEERBAAR_MIN_GROUP_SIZE``) is never shown, and neither
is a count whose difference with a total shown next to it is one to four: "6 people, 5
completed" tells the reader that exactly one did not. Zero stays visible (it names nobody).
The council report (:mod:`modules.council.selectors`) and the yearly overview
(:mod:`modules.reporting.yearly`) both use these rules, so they cannot drift apart; templates show a
hidden figure with the ``suppressed`` filter (:mod:`core.templatetags.privacy_tags`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, TypeVar

from django.conf import settings
from django.utils.translation import gettext as _


def min_group_size() -> int:
    return settings.WEERBAAR_MIN_GROUP_SIZE


def is_small(count: int) -> bool:
    """One to four people: too few to publish."""
    return 0 < count < min_group_size()


def shown_count(
    count: int, *, within: tuple[int, ...] = (), since: int | None = None
) -> int | None:
    """``count`` people, or None when the count itself is small, when subtracting it from a
    total that is also shown (``within``) leaves a small number, or when it differs by a small
    number from the same figure as published for an earlier period (``since``): "10 completed
    in the first quarter, 11 in the second" tells the reader that exactly one more did."""
    if is_small(count) or any(is_small(total - count) for total in within):
        return None
    if since is not None and is_small(abs(count - since)):
        return None
    return count


K = TypeVar("K", bound=Hashable)


def widen_hidden(
    sizes: Mapping[K, int],
    hidden: Iterable[K],
    *,
    revealing: Callable[[set[K]], bool],
    tiebreak: Callable[[K], Any] | None = None,
) -> set[K]:
    """The complement rule, shared by every table of parts next to their whole: the whole
    minus the shown parts gives the hidden parts back taken together, so while those are
    ``revealing`` (one to four people, say), the smallest part still shown is hidden too.

    ``sizes`` orders the candidates (smallest first, then ``tiebreak`` of the key, or the
    key); empty parts are never hidden for this (they name nobody and hiding them changes
    nothing). Returns the widened set; when no part is left to hide the hidden ones may still
    be revealing, which the caller checks (the whole must then be hidden as well)."""
    hidden = set(hidden)
    order = tiebreak or (lambda key: key)
    candidates = sorted(
        (key for key, size in sizes.items() if key not in hidden and size),
        key=lambda key: (sizes[key], order(key)),
    )
    while candidates and revealing(hidden):
        hidden.add(candidates.pop(0))
    return hidden


def all_or_none(part, whole) -> bool:
    """Everybody in the group met it, or nobody did (``part`` of ``whole``, not empty).

    For the hidden groups taken together (the whole minus the shown parts) that is revealing
    however many they are: it says that each person in every hidden group met it, or that
    none did. Not for a shown group, whose result is published (a team where all attended
    is the goal), nor when the whole is itself all or none (it says so already)."""
    return bool(whole) and part in (0, whole)


def change_reveals(*, joined: int, left: int, stayed: int, met_then: int, met_now: int) -> bool:
    """Two published counts of a group's people who met something ("20 people, 10
    completed", later "25, 15"), side by side: their difference is a figure about the people
    who joined or left, revealing by the rules of a figure of its own (five newcomers and
    five more completed: all five did; six and one more: one did, and five did not).

    Counted as if the people who stayed did not change, which a reader will assume: then the
    stayers met it between what both counts allow, and when only one number fits, so does
    only one split of the newcomers and the leavers, which is revealing when either part is
    (as many more as joined: every newcomer met it and no leaver had; 10 of 10, then five
    left and ten came, 6 of 15: the five who stayed met it, so exactly one newcomer did).
    Where several splits fit, a reader knows a range, not a figure: ranges are not judged
    (hiding them would hide nearly every month with fewer than ten newcomers). When no split
    fits the stayers changed, and the difference is no figure of anybody. The same people
    with another count name nobody (who completed since is not in the figures)."""
    if not joined and not left:
        return False
    lowest = max(0, met_then - left, met_now - joined)
    highest = min(stayed, met_then, met_now)
    if lowest != highest:
        return False
    return (joined > 0 and _figure_reveals(met_now - lowest, joined)) or (
        left > 0 and _figure_reveals(met_then - lowest, left)
    )


def _figure_reveals(met: int, people: int) -> bool:
    """``met`` of ``people`` (not empty) would be hidden as a figure of its own: one to four
    met it or did not, or all or none did."""
    return is_small(met) or is_small(people - met) or all_or_none(met, people)


def shown_parts(counts: list[int], *, hidden: Iterable[int] = ()) -> tuple[list[int | None], bool]:
    """Counts that add up to a total shown nearby (months of a year): each small one is
    hidden, and so is each one at an index in ``hidden`` (hidden for another reason, such as
    beside an earlier publication); while the hidden ones together are one to four, the
    smallest shown one is hidden too (the total minus the shown parts would give them back).
    Returns the parts as shown, and whether the total must be hidden as well (nothing left to
    hide, the hidden parts still one to four together)."""
    hidden = widen_hidden(
        dict(enumerate(counts)),
        {*hidden, *(index for index, count in enumerate(counts) if is_small(count))},
        revealing=lambda keys: is_small(sum(counts[index] for index in keys)),
    )
    shown = [None if index in hidden else count for index, count in enumerate(counts)]
    return shown, is_small(sum(counts[index] for index in hidden))


def shown_percent(part: int | None, whole: int | None) -> int | None:
    """A percentage only when both counts behind it may be shown: a percentage of a known
    total gives the hidden count back."""
    if part is None or whole is None or not whole:
        return None
    return round(100 * part / whole)


def count_label(value: int | None) -> str:
    """The text for a figure that may be hidden: "minder dan 5" instead of the count."""
    if value is None:
        return _("fewer than %(minimum)d") % {"minimum": min_group_size()}
    return str(value)
