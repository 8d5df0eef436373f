"""The question bank's health in the Wagtail admin, under Quizzes: the pool overview (per pool
and theme, the questions in use next to what the quizzes' draw rules ask for) and the bank
check ("Controle vragenbank", the same report as ``manage.py check_question_bank``).

Registered in :mod:`quizzes.wagtail_hooks`: the viewsets add their items to the Quizzes menu
through its submenu hook (:data:`QUIZ_MENU_HOOK`). Both are for the kernteam: the overview
needs ``quizzes.view_quiz``, the check ``quizzes.view_item_analysis`` (it shows item
statistics). The views check the permission themselves.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.reports import ReportViewSet, RowsReportView
from core.viewsets import PermissionViewSet
from quizzes.bank_check import bank_check, pool_overview
from quizzes.choices import QuestionKind
from quizzes.models import QuestionPool

# Menu items registered under this hook appear in the Quizzes menu (QuizViewSetGroup).
QUIZ_MENU_HOOK = "register_quizzes_menu_item"


class PoolOverviewReport(RowsReportView):
    """Per pool and theme: questions in use, what each quiz asks for, and the status."""

    permission = "quizzes.view_quiz"
    page_title = _("Pools and draw rules")
    header_icon = "list-ul"
    filename_prefix = "pools-en-trekregels"
    index_url_name = "question_pool_overview"
    index_results_url_name = "question_pool_overview_results"
    results_template_name = "quizzes/admin/pool_overview_results.html"
    columns = [
        Column("pool", label=_("Pool")),
        Column("theme", label=_("Theme")),
        NumberColumn("in_use", label=_("Questions in use")),
        Column("asked", label=_("Drawn per attempt (quiz: number)")),
        Column("status_label", label=_("Status")),
    ]

    def get_rows(self):
        return pool_overview()


class BankCheckView(WagtailAdminTemplateMixin, TemplateView):
    """ "Controle vragenbank": the summary per pool and the findings, optionally for one pool
    (``?pool=<id>``)."""

    template_name = "quizzes/admin/bank_check.html"
    header_icon = "tasks"
    page_title = _("Question bank check")
    permission = "quizzes.view_item_analysis"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    @cached_property
    def pools(self) -> list[QuestionPool]:
        return list(QuestionPool.objects.order_by("name"))

    @cached_property
    def chosen_pool(self) -> QuestionPool | None:
        wanted = self.request.GET.get("pool", "")
        return next((pool for pool in self.pools if str(pool.pk) == wanted), None)

    def get_context_data(self, **kwargs):
        chosen = self.chosen_pool
        report = bank_check(pool_names=[chosen.name] if chosen else None)
        return {
            **super().get_context_data(**kwargs),
            "report": report,
            "pools": self.pools,
            "chosen_pool": chosen,
            "kinds": QuestionKind.choices,
        }


class QuizMenuReportViewSet(ReportViewSet):
    """A :class:`~core.reports.ReportViewSet` in the Quizzes menu instead of Reports."""

    menu_hook = QUIZ_MENU_HOOK

    @cached_property
    def url_prefix(self):
        return f"vragenbank/{self.name}"


class BankCheckViewSet(PermissionViewSet):
    name = "controle-vragenbank"
    url_prefix = "vragenbank/controle"
    permission = BankCheckView.permission
    menu_hook = QUIZ_MENU_HOOK
    menu_label = _("Question bank check")
    icon = "tasks"
    menu_order = 20

    def get_urlpatterns(self):
        return [path("", BankCheckView.as_view(), name="question_bank_check")]


def bank_viewsets() -> list:
    return [
        QuizMenuReportViewSet("pools-en-trekregels", view_class=PoolOverviewReport, menu_order=19),
        BankCheckViewSet(),
    ]
