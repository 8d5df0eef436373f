"""``{% reporting_routes %}``: the current reporting routes, for pages and (later) lessons."""

from django import template

from home.selectors import reporting_routes as select_reporting_routes

register = template.Library()


@register.inclusion_tag("home/includes/reporting_routes.html", takes_context=True)
def reporting_routes(context, heading_level: int = 2):
    request = context["request"]
    return {
        "request": request,
        "view": select_reporting_routes(request=request),
        "heading_level": heading_level,
    }
