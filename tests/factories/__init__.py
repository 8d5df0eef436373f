"""factory_boy factories, one module per app."""

from tests.factories.accounts import AudienceFactory, DepartmentFactory, UserFactory
from tests.factories.awareness import SessionPageFactory, a_session, session_index
from tests.factories.modules import (
    LessonPageFactory,
    ModuleIndexPageFactory,
    ModulePageFactory,
    module_with_lessons,
)
from tests.factories.quizzes import QuestionFactory, QuizFactory

__all__ = [
    "AudienceFactory",
    "DepartmentFactory",
    "LessonPageFactory",
    "ModuleIndexPageFactory",
    "ModulePageFactory",
    "QuestionFactory",
    "QuizFactory",
    "SessionPageFactory",
    "UserFactory",
    "a_session",
    "module_with_lessons",
    "session_index",
]
