"""Item analysis in the Wagtail admin (Reports menu), with CSV and XLSX export.

Aggregates only, from :mod:`quizzes.analysis`; for the kernteam (permission
``quizzes.view_item_analysis``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn

from core.reports import RowsReportView
from core.tables import CalendarDateColumn
from quizzes.analysis import department_figures, question_figures, theme_trend

ANALYSIS_PERMISSION = "quizzes.view_item_analysis"


class AnalysisReportView(RowsReportView):
    permission = ANALYSIS_PERMISSION


class QuestionAnalysisReport(AnalysisReportView):
    page_title = _("Item analysis per question")
    header_icon = "help"
    filename_prefix = "itemanalyse-per-vraag"
    index_url_name = "item_analysis_questions"
    index_results_url_name = "item_analysis_questions_results"
    columns = [
        Column("question", label=_("Question")),
        NumberColumn("version", label=_("Version")),
        Column("theme", label=_("Theme")),
        Column("kind", label=_("Kind")),
        NumberColumn("answers", label=_("Answers")),
        NumberColumn("percent_correct", label=_("Percentage correct")),
        NumberColumn("average_percent", label=_("Average score (%)")),
        Column("most_chosen_wrong", label=_("Wrong answer chosen most")),
        NumberColumn("most_chosen_wrong_count", label=_("Times chosen")),
    ]

    def get_rows(self):
        return question_figures()


class DepartmentAnalysisReport(AnalysisReportView):
    page_title = _("Item analysis per department")
    header_icon = "group"
    filename_prefix = "itemanalyse-per-afdeling"
    index_url_name = "item_analysis_departments"
    index_results_url_name = "item_analysis_departments_results"
    columns = [
        Column("question", label=_("Question")),
        NumberColumn("version", label=_("Version")),
        Column("department", label=_("Department")),
        NumberColumn("people", label=_("People")),
        NumberColumn("answers", label=_("Answers")),
        NumberColumn("percent_correct", label=_("Percentage correct")),
    ]

    def get_rows(self):
        return department_figures()


class ThemeTrendReport(AnalysisReportView):
    page_title = _("Average score per theme over time")
    header_icon = "history"
    filename_prefix = "score-per-thema"
    index_url_name = "item_analysis_themes"
    index_results_url_name = "item_analysis_themes_results"
    columns = [
        Column("theme", label=_("Theme")),
        CalendarDateColumn("month", label=_("Month"), date_format_string="F Y"),
        Column("group", label=_("Group")),
        NumberColumn("people", label=_("People")),
        NumberColumn("answers", label=_("Answers")),
        NumberColumn("average_percent", label=_("Average score (%)")),
    ]

    def get_rows(self):
        return theme_trend()
