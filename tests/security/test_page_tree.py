"""Where each page type may sit in the Wagtail tree, for every page type of the project.

The tree is part of the gate: a lesson answers its module's audience because it can only sit
under a module, and a reflection sits under the module overview. ``TREE`` lists, per page type,
the types that may be created under it; every other pair is asserted impossible, and a page
type missing from ``TREE`` fails the first test.
"""

from __future__ import annotations

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from home.models import ContentPage, HomePage, ReportingPage
from home.services import reporting_page_create, site_install_home_page
from modules.awareness.models import SessionIndexPage, SessionPage
from modules.council.models import ReflectionPage
from modules.learning.models import LessonPage, ModuleIndexPage, ModulePage
from modules.trends.models import TrendIndexPage, TrendPage
from tests.factories import module_with_lessons, session_index, trend_index

# Page type -> the page types that may be created directly under it.
TREE: dict[type[Page], set[type[Page]]] = {
    Page: {HomePage},  # Wagtail's root
    HomePage: {ContentPage, ReportingPage, ModuleIndexPage, SessionIndexPage, TrendIndexPage},
    ContentPage: {ContentPage},
    ReportingPage: set(),
    ModuleIndexPage: {ModulePage, ReflectionPage},
    ModulePage: {LessonPage},
    LessonPage: set(),
    ReflectionPage: set(),
    SessionIndexPage: {SessionPage},
    SessionPage: set(),
    TrendIndexPage: {TrendPage},
    TrendPage: set(),
}

# Page types of which a site has one.
SINGLETONS = {HomePage, ReportingPage, ModuleIndexPage, SessionIndexPage, TrendIndexPage}


def _creatable(models) -> set[type[Page]]:
    """Wagtail's own ``Page`` is listed as a possible child of pages without subpage_types,
    but nobody can create one (``is_creatable`` is False)."""
    return {model for model in models if model.is_creatable}


class TestPageTree(WagtailPageTestCase):
    def test_every_page_type_is_in_the_tree(self):
        self.assertEqual(set(TREE), set(get_page_models()))

    def test_each_page_type_allows_exactly_its_children(self):
        for parent, children in TREE.items():
            with self.subTest(parent=parent.__name__):
                self.assertEqual(_creatable(parent.allowed_subpage_models()), children)
                for child in _creatable(TREE):
                    if child in children:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)

    def test_each_page_type_allows_exactly_its_parents(self):
        for child in _creatable(TREE):
            parents = {parent for parent, children in TREE.items() if child in children}
            with self.subTest(child=child.__name__):
                self.assertAllowedParentPageTypes(child, parents)

    def test_leaves_allow_no_subpages(self):
        for leaf in (ReportingPage, LessonPage, ReflectionPage, SessionPage, TrendPage):
            with self.subTest(leaf=leaf.__name__):
                self.assertAllowedSubpageTypes(leaf, set())

    def test_the_learner_pages_sit_where_the_gate_expects(self):
        # A lesson only under a module (it answers the module's audience), never elsewhere.
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertCanNotCreateAt(ModuleIndexPage, LessonPage)
        self.assertCanNotCreateAt(HomePage, LessonPage)
        # Sessions, trends and reflections only under their own overview.
        self.assertAllowedParentPageTypes(SessionPage, {SessionIndexPage})
        self.assertAllowedParentPageTypes(TrendPage, {TrendIndexPage})
        self.assertAllowedParentPageTypes(ReflectionPage, {ModuleIndexPage})
        self.assertCanNotCreateAt(HomePage, ModulePage)
        self.assertCanNotCreateAt(Page, ModuleIndexPage)

    def test_singletons_cannot_be_created_twice(self):
        home = site_install_home_page(title="Weerbaar", intro="<p>Samen weerbaar.</p>")
        reporting_page_create(
            home=home, title="Signaal melden", slug="melden", intro="<p>x</p>", after_reporting=""
        )
        module_with_lessons(lessons=0)
        session_index()
        trend_index()
        root = Page.get_first_root_node()
        for model in SINGLETONS:
            with self.subTest(model=model.__name__):
                self.assertEqual(model.max_count, 1)
                self.assertEqual(model.objects.count(), 1)
                parent = root if model is HomePage else home
                self.assertFalse(model.can_create_at(parent))
        # Pages that are not singletons can still be added next to the existing ones.
        self.assertTrue(ContentPage.can_create_at(home))
        self.assertTrue(ModulePage.can_create_at(ModuleIndexPage.objects.get()))
