"""Writes for the council's self-study."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.models import Page

from accounts.models import Audience, User
from modules.council.models import (
    CouncilParticipationSnapshot,
    CouncilRecommendation,
    Reflection,
    ReflectionAnswer,
    ReflectionPage,
)
from modules.council.selectors import Quarter, closed_quarters, council_counts_at
from modules.learning.models import ModulePage


def reflection_statement_ids(*, page: ReflectionPage) -> list[str]:
    return [block.id for block in page.statements]


@transaction.atomic
def reflection_save(
    *, user: User, page: ReflectionPage, answers: dict[str, str], notes: str
) -> Reflection:
    """Store the member's answers (block id → answer) and notes, replacing earlier ones.

    Every answer must belong to a statement of this page and be one of the fixed answers; on
    any error nothing is saved. Unanswered statements are simply left out.
    """
    known = set(reflection_statement_ids(page=page))
    valid = set(ReflectionAnswer.values)
    cleaned = {key: value for key, value in answers.items() if value}
    if any(key not in known or value not in valid for key, value in cleaned.items()):
        raise ValidationError(_("One of the answers is not valid. Please try again."))
    notes = notes.strip()
    if len(notes) > 4000:
        raise ValidationError(_("Your notes are too long: at most 4,000 characters."))
    reflection, _created = Reflection.objects.update_or_create(
        user=user, page=page, defaults={"answers": cleaned, "notes": notes}
    )
    return reflection


def reflection_delete(*, user: User, page: ReflectionPage) -> bool:
    """Delete the member's own answers and notes on this page, for good. Returns whether
    there was anything to delete."""
    deleted, _by_model = Reflection.objects.filter(user=user, page=page).delete()
    return deleted > 0


def reflection_page_create(
    *,
    index: Page,
    title: str,
    slug: str,
    intro: str,
    statements: Sequence[Mapping[str, str]],
    audience: Audience | None = None,
) -> ReflectionPage:
    """Create and publish a reflection page under the module index (demo content, imports)."""
    page = ReflectionPage(
        title=title,
        slug=slug,
        intro=intro,
        audience=audience,
        statements=[("statement", dict(statement)) for statement in statements],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def council_recommendation_set(*, module: ModulePage, note: str = "") -> CouncilRecommendation:
    """Recommend a module to the council (or change the note of an existing recommendation)."""
    recommendation, _created = CouncilRecommendation.objects.update_or_create(
        module=module, defaults={"note": note}
    )
    return recommendation


def council_participation_snapshot_take(
    *, quarter: Quarter, today: date
) -> CouncilParticipationSnapshot:
    """The quarter's published figures: taken once, after the quarter ended, as they stood at
    its end (from the timestamps), and from then on only read. A second call, also a
    concurrent one, returns the stored row unchanged, so a member who completes a module or
    deletes their data later never changes a published quarter.
    """
    if not quarter.has_ended(today=today):
        raise ValueError("A quarter is published only after it has ended.")
    existing = CouncilParticipationSnapshot.objects.filter(quarter_start=quarter.start).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return CouncilParticipationSnapshot.objects.create(
                quarter_start=quarter.start,
                quarter_end=quarter.end,
                figures=council_counts_at(moment=quarter.ends_at()),
            )
    except IntegrityError:  # another request took it first: theirs stands
        return CouncilParticipationSnapshot.objects.get(quarter_start=quarter.start)


def council_participation_snapshots_take(
    *, today: date, count: int = 4
) -> list[CouncilParticipationSnapshot]:
    """Make sure the last ``count`` closed quarters are published: daily by
    ``publish_council_quarters``, and by the griffie's report before it reads them."""
    return [
        council_participation_snapshot_take(quarter=quarter, today=today)
        for quarter in closed_quarters(today=today, count=count)
    ]
