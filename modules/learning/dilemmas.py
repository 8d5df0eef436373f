"""Dilemma choices: what a learner picks first in a dilemma block of a lesson or trend.

A dilemma asks before it explains (see :class:`modules.blocks.DilemmaBlock`). The choice is
stored once, as a :class:`~modules.learning.models.DilemmaChoice` (the first choice counts, so
the item analysis sees what people would do before they read the explanations), and is the
person's own: they see it in "Mijn gegevens", a council member may delete it with the rest of
their self-study, and everybody else only sees the spread per dilemma in aggregates
(:func:`dilemma_spread`, shown in the admin by :mod:`modules.reporting.dilemma_report`): staff
apart from raadsleden, raadsleden only as one group, groups under the minimum hidden.

The dilemma itself is read from the page's live ``body``, never from the request: a block id
or choice id that the live page does not hold is refused.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from accounts.models import User
from accounts.roles import ROLE_GROUP_NAMES, Role
from core.privacy import min_group_size, shown_count, shown_percent
from modules.blocks import DilemmaBlock, DilemmaOption
from modules.learning.models import DilemmaChoice

STAFF = _("Staff")
COUNCIL = _("Council members (as a group)")


@dataclass(frozen=True)
class Dilemma:
    """One dilemma block of a live page: its StreamField id, title and choices."""

    block_id: str
    title: str
    options: tuple[DilemmaOption, ...]

    def option(self, choice_id: str) -> DilemmaOption | None:
        return next((option for option in self.options if option.id == choice_id), None)


def page_dilemmas(*, page: Page) -> list[Dilemma]:
    """The dilemma blocks in the page's live content (``body``), in page order. No query
    (the body is a field of the specific page)."""
    body = getattr(page, "body", None)
    if body is None:
        return []
    return [
        Dilemma(
            block_id=child.id,
            title=child.value["title"],
            options=tuple(DilemmaBlock.options(child.value)),
        )
        for child in body
        if child.block_type == "dilemma" and child.id
    ]


def page_dilemma(*, page: Page, block_id: str) -> Dilemma | None:
    """The dilemma with this block id on the page, or None."""
    return next((d for d in page_dilemmas(page=page) if d.block_id == block_id), None)


def dilemma_choices_on_page(*, user: User, page: Page, preview: bool) -> dict[str, str] | None:
    """The reader's choices on this page (block id → choice id), for the page's context.

    None where nothing is recorded: an admin preview (editors check every explanation), a
    page not saved yet, somebody not logged in; the dilemma blocks then show every
    explanation. No query for a page without dilemmas, one query otherwise.
    """
    if preview or page.pk is None or not user.is_authenticated:
        return None
    if not page_dilemmas(page=page):
        return {}
    return dict(
        DilemmaChoice.objects.filter(user=user, page_id=page.pk).values_list(
            "block_id", "choice_id"
        )
    )


def dilemma_choose(
    *, user: User, page: Page, dilemma: Dilemma, choice_id: str
) -> tuple[DilemmaChoice, bool]:
    """Store ``user``'s choice in ``dilemma`` on ``page``; returns (the choice, whether it is
    new). The first choice counts: a later one changes nothing, and two requests at once meet
    the unique constraint, which leaves the first. The department and whether the person is a
    council member are copied, so the item analysis keeps the group they chose in.

    The caller checks that the page is open to the user; ``choice_id`` must be one of the
    dilemma's choices (ValueError otherwise: nothing is stored).
    """
    option = dilemma.option(choice_id)
    if option is None:
        raise ValueError(f"{choice_id!r} is not a choice of dilemma {dilemma.block_id!r}.")
    existing = DilemmaChoice.objects.filter(
        user=user, page_id=page.pk, block_id=dilemma.block_id
    ).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            choice = DilemmaChoice.objects.create(
                user=user,
                page_id=page.pk,
                block_id=dilemma.block_id,
                choice_id=option.id,
                dilemma_title=dilemma.title[:150],
                choice_text=option.text[:250],
                department_id=user.department_id,
                is_council_member=user.has_role(Role.RAADSLID),
            )
    except IntegrityError:  # another request stored the first choice a moment ago
        return DilemmaChoice.objects.get(
            user=user, page_id=page.pk, block_id=dilemma.block_id
        ), False
    return choice, True


def dilemma_choices_of(*, user: User) -> QuerySet[DilemmaChoice]:
    """The person's own choices, oldest first, with their page (for "Mijn gegevens")."""
    return (
        DilemmaChoice.objects.filter(user=user).select_related("page").order_by("chosen_at", "pk")
    )


def dilemma_choices_delete(*, user: User) -> int:
    """Delete the person's own choices (a council member's self-study); how many went."""
    deleted, _by_model = DilemmaChoice.objects.filter(user=user).delete()
    return deleted


@dataclass(frozen=True)
class ChoiceSpread:
    """One row of the item analysis: how many people of a group picked one choice.

    ``people`` and ``percent`` are None when they are hidden (see :func:`dilemma_spread`)."""

    page: str
    dilemma: str
    group: str
    choice: str
    people: int | None
    percent: int | None
    group_total: int


def _council_filter() -> Q:
    """Raadsleden: a raadslid when they chose, or now (someone may become one later)."""
    council_members = User.objects.filter(groups__name=ROLE_GROUP_NAMES[Role.RAADSLID])
    return Q(is_council_member=True) | Q(user__in=council_members)


def _hide_small(counts: list[int], total: int) -> list[int | None]:
    """Each count through :func:`core.privacy.shown_count` within the group's total; then,
    while the hidden counts add up to a small number (which the total minus the shown counts
    would give away), the smallest shown count is hidden as well."""
    shown = [shown_count(count, within=(total,)) for count in counts]
    while True:
        hidden = sum(count for count, value in zip(counts, shown, strict=True) if value is None)
        if not 0 < hidden < min_group_size():
            return shown
        visible = [i for i, value in enumerate(shown) if value is not None and counts[i] > 0]
        if not visible:
            return shown
        shown[min(visible, key=lambda i: counts[i])] = None


def dilemma_spread() -> list[ChoiceSpread]:
    """Per dilemma and group (staff; raadsleden as one group), how many people picked each
    choice and their share. A dilemma whose group has fewer than the minimum number of
    choosers is left out for that group; within a group, counts that could point at fewer
    than the minimum are hidden. Choices are listed in the live page's order, with the ones
    nobody picked (zero names nobody) and, after them, choices an editor removed since.
    A fixed number of queries: two aggregates, the pages and their specific rows.
    """
    groups: dict[tuple[bool, int, str], dict[str, dict]] = defaultdict(dict)
    for council, queryset in (
        (False, DilemmaChoice.objects.exclude(_council_filter())),
        (True, DilemmaChoice.objects.filter(_council_filter())),
    ):
        rows = queryset.values("page_id", "block_id", "choice_id").annotate(
            people=Count("user", distinct=True),
            text=Max("choice_text"),
            title=Max("dilemma_title"),
        )
        for row in rows:
            groups[(council, row["page_id"], row["block_id"])][row["choice_id"]] = row
    shown_groups = {
        key: choices
        for key, choices in groups.items()
        if sum(row["people"] for row in choices.values()) >= min_group_size()
    }
    pages = Page.objects.filter(pk__in={key[1] for key in shown_groups}).specific()
    dilemmas = {
        (page.pk, dilemma.block_id): (page.title, dilemma)
        for page in pages
        for dilemma in page_dilemmas(page=page)
    }
    titles = {page.pk: page.title for page in pages}
    spread = []
    for (council, page_id, block_id), choices in shown_groups.items():
        page_title, dilemma = dilemmas.get((page_id, block_id), (titles.get(page_id, ""), None))
        order: list[tuple[str, str]] = []  # (choice id, text)
        if dilemma is not None:
            order = [(option.id, option.text) for option in dilemma.options]
        known = {choice_id for choice_id, _text in order}
        order += [(cid, row["text"]) for cid, row in choices.items() if cid not in known]
        counts = [choices[cid]["people"] if cid in choices else 0 for cid, _text in order]
        total = sum(counts)
        title = dilemma.title if dilemma is not None else next(iter(choices.values()))["title"]
        for (_cid, text), people in zip(order, _hide_small(counts, total), strict=True):
            spread.append(
                ChoiceSpread(
                    page=page_title,
                    dilemma=title,
                    group=str(COUNCIL if council else STAFF),
                    choice=text,
                    people=people,
                    percent=shown_percent(people, total),
                    group_total=total,
                )
            )
    return sorted(spread, key=lambda row: (row.page, row.dilemma, row.group))
