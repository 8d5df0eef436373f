"""The learning domain in the Wagtail admin: assignments (the kernteam makes modules mandatory
for an audience) and the recorded team meetings on the werkoverleg kits (the kernteam removes
one recorded by mistake; a meeting is recorded only through the kit page's form, which checks
the manager's departments and the date)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import modules.learning.admin_views  # noqa: F401  (registers the retake requests screen)
from modules.learning import (
    portal_parts,  # noqa: F401  (registers the learner-page hooks)
    regrade_views,  # noqa: F401  (registers the regrade screens)
)
from modules.learning.models import Assignment, TeamDiscussion


class AssignmentViewSet(SnippetViewSet):
    model = Assignment
    icon = "date"
    menu_label = _("Assignments")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "module",
        "audience",
        "starters_from",
        "due_days_after_start",
        "due_date",
        "renew_every_months",
        "is_active",
    ]
    list_filter = ["is_active"]


register_snippet(AssignmentViewSet)


class TeamDiscussionViewSet(SnippetViewSet):
    model = TeamDiscussion
    icon = "group"
    menu_label = _("Team meetings")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["module", "department", "discussed_on"]
    list_filter = ["department", "discussed_on"]


register_snippet(TeamDiscussionViewSet)
