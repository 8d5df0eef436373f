"""The council in the Wagtail admin: the griffie's recommendations (a snippet) and the
participation report under Reports."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.reports import register_reports
from modules.council import portal_parts  # noqa: F401  (registers the learner-page hooks)
from modules.council.admin_views import CouncilParticipationReport
from modules.council.models import CouncilRecommendation


class CouncilRecommendationViewSet(SnippetViewSet):
    model = CouncilRecommendation
    icon = "pick"
    menu_label = _("Recommended for the council")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["module", "note", "created_at"]


register_snippet(CouncilRecommendationViewSet)

register_reports([("deelname-raad", CouncilParticipationReport)], menu_order=41)
