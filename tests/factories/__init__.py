"""factory_boy factories, one module per app."""

from tests.factories.accounts import AudienceFactory, DepartmentFactory, UserFactory
from tests.factories.modules import (
    LessonPageFactory,
    ModuleIndexPageFactory,
    ModulePageFactory,
    module_with_lessons,
)

__all__ = [
    "AudienceFactory",
    "DepartmentFactory",
    "LessonPageFactory",
    "ModuleIndexPageFactory",
    "ModulePageFactory",
    "UserFactory",
    "module_with_lessons",
]
