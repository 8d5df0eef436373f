"""The question bank, its pools and the quizzes in the Wagtail admin (one "Quizzes" menu, with
the pool overview and the bank check from :mod:`quizzes.bank_views`), and the item analysis
under Reports."""

from django.contrib import messages
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.reports import register_reports
from quizzes.admin_views import (
    DepartmentAnalysisReport,
    QuestionAnalysisReport,
    ThemeTrendReport,
)
from quizzes.bank_check import RuleStatus, quiz_rule_fills
from quizzes.bank_views import QUIZ_MENU_HOOK, bank_viewsets
from quizzes.models import Question, QuestionPool, Quiz
from quizzes.services import question_record_edit


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Question bank")
    list_display = ["text", "theme", "kind", "is_active"]
    list_filter = ["pools", "theme", "kind", "is_active"]
    search_fields = ["text", "scenario"]
    ordering = ["theme", "pk"]


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Quizzes")
    list_display = ["title", "pass_mark", "max_attempts", "feedback_timing"]


class QuestionPoolViewSet(SnippetViewSet):
    model = QuestionPool
    icon = "folder-open-inverse"
    menu_label = _("Pools")
    list_display = [
        "name",
        Column("in_use", label=_("Questions in use"), sort_key="in_use"),
        "description",
    ]
    search_fields = ["name"]
    ordering = ["name"]

    def get_queryset(self, request):
        return QuestionPool.objects.annotate(
            in_use=Count("questions", filter=Q(questions__is_active=True), distinct=True)
        )


class QuizViewSetGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuizViewSet, QuestionPoolViewSet)
    menu_icon = "help"
    menu_label = _("Quizzes")
    menu_name = "quizzes"
    menu_order = 260
    # The pool overview and the bank check add their items here (quizzes.bank_views).
    submenu_hook = QUIZ_MENU_HOOK


register_snippet(QuizViewSetGroup)


@hooks.register("register_admin_viewset")
def quiz_bank_viewsets():
    return bank_viewsets()


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_about_small_pools(request, instance):
    """After a quiz is saved: a warning per draw rule whose pool is fillable but too small for
    the attempts allowed (bank check rule ``small_pool``). Not an error: a small pool is
    sometimes all there is, but the editor should know a retake repeats questions."""
    if not isinstance(instance, Quiz):
        return
    for fill in quiz_rule_fills(quiz=instance):
        if fill.status == RuleStatus.SMALL:
            messages.warning(
                request,
                _(
                    "The pool %(pool)s (%(theme)s) holds %(available)s questions in use and this "
                    "quiz draws %(count)s of them per attempt: a retake sees many of the same "
                    "questions. Aim for at least twice as many."
                )
                % {
                    "pool": fill.pool,
                    "theme": fill.theme_label,
                    "available": fill.available,
                    "count": fill.count,
                },
            )


register_reports(
    [
        ("itemanalyse-per-vraag", QuestionAnalysisReport),
        ("itemanalyse-per-afdeling", DepartmentAnalysisReport),
        ("score-per-thema", ThemeTrendReport),
    ],
    menu_order=21,
)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def record_question_version(request, instance):
    """After a question is saved in the admin (its options included): a new version when
    people already answered the one it replaces, and the fingerprint of what it asks now
    (:func:`quizzes.services.question_record_edit`). A revert to an older revision passes
    through here too."""
    if isinstance(instance, Question):
        question = question_record_edit(question=instance)
        instance.version, instance.fingerprint = question.version, question.fingerprint
