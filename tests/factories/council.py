"""Council factories: a reflection page under the module index, and council members."""

from __future__ import annotations

from modules.council.models import ReflectionPage
from modules.council.services import reflection_page_create
from modules.learning.models import ModuleIndexPage
from tests.factories.modules import module_with_lessons


def reflection_page(*, audience=None, statements: int = 3) -> ReflectionPage:
    """A live reflection with ``statements`` statements, under the module index."""
    index = ModuleIndexPage.objects.first()
    if index is None:
        index = module_with_lessons(lessons=0).get_parent()
    return reflection_page_create(
        index=index,
        title="Hoe weerbaar ben ik?",
        slug=f"reflectie-{ReflectionPage.objects.count() + 1}",
        intro="<p>Alleen jij ziet je antwoorden.</p>",
        statements=[
            {"statement": f"Stelling {number}.", "tip": f"Tip bij stelling {number}."}
            for number in range(1, statements + 1)
        ],
        audience=audience,
    )
