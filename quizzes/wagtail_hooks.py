"""The question bank and quizzes in the Wagtail admin (one "Quizzes" menu), and the item
analysis under Reports."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.reports import register_reports
from quizzes.admin_views import (
    DepartmentAnalysisReport,
    QuestionAnalysisReport,
    ThemeTrendReport,
)
from quizzes.models import Question, Quiz


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Question bank")
    list_display = ["text", "theme", "kind", "is_active"]
    list_filter = ["theme", "kind", "is_active"]
    search_fields = ["text", "scenario"]
    ordering = ["theme", "pk"]


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Quizzes")
    list_display = ["title", "pass_mark", "max_attempts", "feedback_timing"]


class QuizViewSetGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuizViewSet)
    menu_icon = "help"
    menu_label = _("Quizzes")
    menu_name = "quizzes"
    menu_order = 260


register_snippet(QuizViewSetGroup)

register_reports(
    [
        ("itemanalyse-per-vraag", QuestionAnalysisReport),
        ("itemanalyse-per-afdeling", DepartmentAnalysisReport),
        ("score-per-thema", ThemeTrendReport),
    ],
    menu_order=21,
)
