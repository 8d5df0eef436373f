"""Trends in the Wagtail admin: the review screen's URL, and two dashboard panels for the
kernteam (and superusers): the trends waiting for their review, and the trends past their
review date."""

from django.urls import path
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from accounts.roles import Role
from modules.trends import portal_parts  # noqa: F401  (registers the learner-page hooks)
from modules.trends.selectors import overdue_trends, trends_to_review
from modules.trends.views import TrendReviewView


@hooks.register("register_admin_urls")
def register_review_url():
    """Inside the admin: its login, MFA and admin-access checks run before the view's own."""
    return [path("trends/<int:page_id>/review/", TrendReviewView.as_view(), name="trends_review")]


def _is_kernteam(user) -> bool:
    return user.is_superuser or user.has_role(Role.KERNTEAM)


class TrendsToReviewPanel(Component):
    """The trends this person may approve, each linked to the review screen. Wagtail's own
    "Awaiting your review" panel lists them too, but its actions need JavaScript and its link
    opens the editor; this one leads to the diff and the decision."""

    name = "trends_to_review"
    template_name = "trends/admin/trends_to_review_panel.html"
    order = 80

    def __init__(self, reviews):
        self.reviews = reviews

    def get_context_data(self, parent_context=None):
        return {"reviews": self.reviews}


class OverdueTrendsPanel(Component):
    name = "overdue_trends"
    template_name = "trends/admin/overdue_trends_panel.html"
    order = 90

    def __init__(self, trends):
        self.trends = trends

    def get_context_data(self, parent_context=None):
        return {"trends": self.trends}


@hooks.register("construct_homepage_panels")
def add_trend_panels(request, panels):
    user = request.user
    if not _is_kernteam(user):
        return
    reviews = trends_to_review(user=user)
    if reviews:
        panels.append(TrendsToReviewPanel(reviews))
    trends = overdue_trends(today=timezone.localdate())
    if trends:
        panels.append(OverdueTrendsPanel(trends))
