"""The dashboard's "past their review date" panel shows its warning icon at text size
(Wagtail's sizing classes), not at the SVG's natural size of about 150 px."""

from __future__ import annotations

import re

from django.template.loader import render_to_string


def test_the_warning_icon_is_sized_like_wagtails_own_panel_icons():
    html = render_to_string("trends/admin/overdue_trends_panel.html", {"trends": []})
    heading = re.search(r'<h2 id="overdue-trends-title".*?</h2>', html, re.S).group(0)
    icon = re.search(r'<svg class="([^"]+)"', heading).group(1).split()
    assert {"icon", "icon-warning", "w-h-4", "w-w-4"} <= set(icon)
