"""The Content-Security-Policy nonce for inline scripts that Wagtail renders without a request.

The policy (``CONTENT_SECURITY_POLICY`` in ``config.settings.base``) allows inline script only
with the request's nonce. Wagtail 8.0.1 still writes a few inline scripts: its date pickers
and inline panels (templates, overridden in ``core/templates/wagtailadmin/`` with
``{% csp_nonce %}``) and its chooser widgets (Python, see :func:`nonced_chooser_render`).
Widgets and panels are rendered without ``request`` in their context, so the nonce comes from
the request being answered, which ``core.middleware.ContentSecurityPolicyMiddleware`` keeps
in a context variable. Nothing here adds a nonce to markup it did not write itself.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.http import HttpRequest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

current_request: ContextVar[HttpRequest | None] = ContextVar("current_request", default=None)


def csp_nonce() -> str:
    """The nonce of the current request's policy, for ``<script nonce="...">``.

    Reading it is what puts ``'nonce-…'`` into the header; outside a request (a management
    command rendering a template) there is no policy and so no nonce.
    """
    request = current_request.get()
    if request is None or not hasattr(request, "csp_nonce"):
        return ""
    return str(request.csp_nonce)


def nonced_chooser_render(self, name, value, attrs=None, renderer=None) -> SafeString:
    """``wagtail.admin.widgets.chooser.BaseChooser.render`` (8.0.1) with a nonce on its script.

    Wagtail offers no hook for the ``<script>`` that initialises a chooser (page, image,
    document, snippet); without the nonce the policy blocks it and the "Kies …" button does
    nothing. Installed by ``core.apps.CoreConfig.ready``; same output as Wagtail's otherwise.
    """
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as e:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from e
    value_data = self.get_value_data(value)
    widget_html = self.render_html(name, value_data, attrs)
    js = self.render_js_init(id_, name, value_data)
    # Same as Wagtail's own output (widget_html and js are Wagtail's), plus the nonce.
    return mark_safe(f'{widget_html}<script nonce="{escape(csp_nonce())}">{js}</script>')  # noqa: S308
