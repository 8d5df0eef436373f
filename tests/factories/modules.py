"""Page-tree factories for modules: build a small tree per test, not the whole demo."""

from __future__ import annotations

import factory
import wagtail_factories
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.services import site_install_home_page
from modules.learning.models import LessonPage, ModuleIndexPage, ModulePage


class ModuleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModuleIndexPage

    title = "Leermodules"
    slug = "leermodules"


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    intro = "<p>Waar deze module over gaat.</p>"
    learning_goals = "Je herkent signalen.\nJe weet waar je meldt."
    estimated_minutes = 20
    version = 1


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Les {n}")
    slug = factory.Sequence(lambda n: f"les-{n}")
    summary = "Een korte les."
    body = factory.LazyFunction(lambda: [("text", RichText("<p>Tekst van de les.</p>"))])


def module_with_lessons(*, lessons: int = 3, parent: Page | None = None, **kwargs) -> ModulePage:
    """A live module with ``lessons`` lessons, under a module index in the default site (the
    index is created when missing), so every page has a URL."""
    if parent is None:
        site = Site.objects.filter(is_default_site=True).first()
        # After a flush (transactional tests) there is no site: install our home page.
        site_root = site.root_page if site else site_install_home_page(title="Weerbaar", intro="")
        parent = ModuleIndexPage.objects.first() or ModuleIndexPageFactory(parent=site_root)
    module = ModulePageFactory(parent=parent, **kwargs)
    for _ in range(lessons):
        LessonPageFactory(parent=module)
    return module
