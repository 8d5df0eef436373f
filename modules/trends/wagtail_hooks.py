"""Trends in the Wagtail admin: a dashboard panel that lists the trends past their review date,
for the kernteam (and superusers)."""

from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from accounts.roles import Role
from modules.trends import portal_parts  # noqa: F401  (registers the learner-page hooks)
from modules.trends.selectors import overdue_trends


class OverdueTrendsPanel(Component):
    name = "overdue_trends"
    template_name = "trends/admin/overdue_trends_panel.html"
    order = 90

    def __init__(self, trends):
        self.trends = trends

    def get_context_data(self, parent_context=None):
        return {"trends": self.trends}


@hooks.register("construct_homepage_panels")
def add_overdue_trends_panel(request, panels):
    user = request.user
    if not (user.is_superuser or user.has_role(Role.KERNTEAM)):
        return
    trends = overdue_trends(today=timezone.localdate())
    if trends:
        panels.append(OverdueTrendsPanel(trends))
