"""factory_boy factories, one module per app."""

from tests.factories.accounts import AudienceFactory, DepartmentFactory, UserFactory
from tests.factories.awareness import SessionPageFactory, a_session, session_index
from tests.factories.council import reflection_page
from tests.factories.modules import (
    LessonPageFactory,
    ModuleIndexPageFactory,
    ModulePageFactory,
    module_with_lessons,
)
from tests.factories.quizzes import QuestionFactory, QuestionPoolFactory, QuizFactory
from tests.factories.trends import a_trend, trend_index

__all__ = [
    "AudienceFactory",
    "DepartmentFactory",
    "LessonPageFactory",
    "ModuleIndexPageFactory",
    "ModulePageFactory",
    "QuestionFactory",
    "QuestionPoolFactory",
    "QuizFactory",
    "SessionPageFactory",
    "UserFactory",
    "a_session",
    "a_trend",
    "module_with_lessons",
    "reflection_page",
    "session_index",
    "trend_index",
]
