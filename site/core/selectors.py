"""Reads that need every page type at once: who may open a given page, and so a document.

Each page type keeps its own audience gate in its own app (modules, sessions, trends, the
council's reflections); :func:`page_is_open_to` only dispatches to those selectors, so a page
that is not being served (a page that uses a document, say) is judged by the same rule as when
it is. ``core`` sits above the learning apps, so importing them here makes no cycle.
"""

from __future__ import annotations

from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.permissions import policy_registry

from accounts.models import User
from modules.awareness.models import SessionPage
from modules.awareness.selectors import session_is_open_to
from modules.council.models import ReflectionPage
from modules.council.selectors import reflection_is_open_to
from modules.models import LearnerOnlyMixin
from modules.selectors import module_is_open_to
from modules.trends.models import TrendPage
from modules.trends.selectors import trend_is_open_to

Document = get_document_model()


def page_is_open_to(*, user: User, page: Page) -> bool:
    """Whether ``user`` may open this live page, by the rule its own ``serve`` applies.

    A page type with an audience that is not listed here counts as closed, so a new type cannot
    leak what it links to before someone writes its rule down here.
    """
    page = page.specific
    if not (page.live and user.is_authenticated and user.is_active):
        return False
    if not _passes_view_restrictions(user=user, page=page):
        return False
    if isinstance(page, LearnerOnlyMixin):  # modules and their lessons
        return module_is_open_to(user=user, module=page.access_module())
    if isinstance(page, SessionPage):
        return session_is_open_to(user=user, session=page)
    if isinstance(page, TrendPage):
        return trend_is_open_to(user=user, trend=page)
    if isinstance(page, ReflectionPage):
        return reflection_is_open_to(user=user, page=page)
    return getattr(page, "audience_id", None) is None


def _passes_view_restrictions(*, user: User, page: Page) -> bool:
    """Wagtail's own privacy setting on the page or above it: "logged in" passes here, a group
    restriction needs one of its groups, and a password (checked per session, not per person)
    never counts for a document."""
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type == PageViewRestriction.PASSWORD:
            return False
        if restriction.restriction_type == PageViewRestriction.GROUPS and not (
            user.is_superuser or restriction.groups.filter(user=user).exists()
        ):
            return False
    return True


def document_is_open_to(*, user: User, document: Document) -> bool:
    """Editors of the document (who see it in the admin's library anyway, drafts included)
    always; anybody else only when a live page that uses it is open to them.

    The pages come from Wagtail's reference index (kept up to date by the task worker, rebuilt
    by ``manage.py rebuild_references_index``): the live pages record their published content,
    so a document linked only from a draft, or used by no page at all, is for editors only.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    policy = policy_registry.get_by_type(Document)
    if policy.user_has_any_permission_for_instance(user, ["change", "choose"], document):
        return True
    page_type = ReferenceIndex._get_base_content_type(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    pages = Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids]).specific()
    return any(page_is_open_to(user=user, page=page) for page in pages)
