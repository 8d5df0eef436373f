"""Page pieces every learning app shares: the section overview and THE serve gate.

:class:`AudienceRestrictedPage` is the only place where a page decides who may open it. Its
``serve`` sends anonymous visitors to the login page and answers 404 to anybody else it is not
open to (so a page one may not see does not even show that it exists). What "open to" means is
one method, :meth:`AudienceRestrictedPage.is_open_to`: logged in, active, live with every page
above it live, and in the page's audience (``accounts.selectors.visible_to``). Wagtail's own
page privacy is switched off for these page types and the home page above them, so the audience
is the one rule that serving, the other views, listings and search all check.
A page type may widen that (a module is also open to the people it is assigned to), never skip
it. :func:`page_is_open_to` asks the same question for a page that is not being served (a page
that uses a document, say).
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.permissions import policy_registry

from accounts.models import User
from accounts.selectors import audience_ids_of
from core.pages import RouteCachedPage
from modules.blocks import LESSON_RICH_TEXT_FEATURES

_DRAFT_ANCESTOR_ATTR = "_route_cache_draft_ancestor"


class AudienceRestrictedPage(RouteCachedPage):
    """Mixin for every learner page: the one serve gate (see the module docstring).

    ``audience_source()`` names the page whose ``audience`` counts (itself by default; a lesson
    answers its module). Pages without an audience field are open to everybody logged in.

    Wagtail's own page privacy is switched off for these page types (``private_page_options``):
    the audience is their privacy, and one rule is all the views, listings and search check.
    """

    private_page_options: list[str] = []

    def audience_source(self) -> Page:
        return self

    def is_open_to(self, user: User) -> bool:
        if not (user.is_authenticated and user.is_active):
            return False
        if not self.live or self._has_draft_ancestor():
            # Wagtail routes a live page under an unpublished one (a lesson of a withdrawn
            # module, a module under a withdrawn overview) all the same.
            return False
        if not _passes_view_restrictions(user=user, page=self):
            # Wagtail's privacy on a page above (a section kept for the kernteam): not only the
            # page's serve but every view that asks this (quiz, SCORM tracking, registration).
            return False
        source = self.audience_source()
        audience_id = getattr(source, "audience_id", None)
        if audience_id is None:
            return True  # no audience (or no audience field): everybody logged in
        # The rule of accounts.selectors.visible_to, on the person's audiences (cached).
        if audience_id in audience_ids_of(user=user):
            return True
        return source.opens_outside_audience(user)

    def _has_draft_ancestor(self) -> bool:
        """Any unpublished page between the site root and this one: one query, or none when
        the route cache prepared the answer (it is read again whenever the tree changes)."""
        if _DRAFT_ANCESTOR_ATTR in self.__dict__:
            return self.__dict__[_DRAFT_ANCESTOR_ATTR]
        return Page.objects.ancestor_of(self).filter(depth__gt=1, live=False).exists()

    def prepare_for_route_cache(self) -> None:
        super().prepare_for_route_cache()
        self.__dict__[_DRAFT_ANCESTOR_ATTR] = self._has_draft_ancestor()

    def opens_outside_audience(self, user: User) -> bool:
        """A page type's one exception to its audience (a module assigned to someone, a session
        someone already holds a place in). None by default."""
        return False

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not self.is_open_to(request.user):
            raise Http404
        return self.serve_open(request, *args, **kwargs)

    def serve_open(self, request, *args, **kwargs):
        """What the page does for somebody it is open to: Wagtail's own ``serve`` unless a page
        type handles a form. Page types override this, never ``serve``."""
        return super().serve(request, *args, **kwargs)


def page_is_open_to(*, user: User, page: Page) -> bool:
    """Whether ``user`` may open this page by the rule its own ``serve`` applies, for a page
    that is not being served (one that uses a document, say). A page outside the gate (the
    home page, the reporting page) is public, but what it links to is still only for people
    who are logged in; a page type with an audience must use the gate, or it counts as closed,
    so a new type cannot leak what it links to."""
    page = page.specific
    if not _passes_view_restrictions(user=user, page=page):
        return False
    if isinstance(page, AudienceRestrictedPage):
        return page.is_open_to(user)
    if hasattr(page, "audience_id"):
        return False
    return user.is_authenticated and user.is_active and page.live


def _passes_view_restrictions(*, user: User, page: Page) -> bool:
    """Wagtail's own privacy setting on the page or above it: "logged in" passes here, a group
    restriction needs one of its groups, and a shared password is never offered (it is switched
    off in the settings) so it never counts."""
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type == PageViewRestriction.PASSWORD:
            return False
        if restriction.restriction_type == PageViewRestriction.GROUPS and not (
            user.is_superuser or restriction.groups.filter(user=user).exists()
        ):
            return False
    return True


def document_is_open_to(*, user: User, document: AbstractDocument) -> bool:
    """Editors of the document (who see it in the admin's library anyway, drafts included)
    always; anybody else only when a live page that uses it is open to them.

    The pages come from Wagtail's reference index (kept up to date by the task worker, rebuilt
    by ``manage.py rebuild_references_index``): the live pages record their published content,
    so a document linked only from a draft, or used by no page at all, is for editors only.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    policy = policy_registry.get_by_type(get_document_model())
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


class SectionIndexPage(AudienceRestrictedPage, Page):
    """An overview page right under the home page, once per site, with an introduction; the
    modules, sessions and trends overviews are all one. Open to everybody logged in."""

    intro = RichTextField(_("introduction"), features=LESSON_RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        abstract = True
