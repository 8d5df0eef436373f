"""``{% csp_nonce %}``: the nonce for an inline ``<script>`` under the Content-Security-Policy.

Wagtail's date pickers and inline panels are rendered by form widgets and panels, whose
template context has no ``request``; the nonce comes from the request being answered instead
(core.csp.csp_nonce). Our own templates use no inline script at all.
"""

from __future__ import annotations

from django import template

from core.csp import csp_nonce as current_nonce

register = template.Library()


@register.simple_tag(name="csp_nonce")
def csp_nonce() -> str:
    return current_nonce()
