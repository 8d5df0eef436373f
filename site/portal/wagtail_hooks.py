"""Wagtail hooks of the site as a whole: who may download an uploaded document.

Documents are served only by Wagtail's serve view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``,
never from MEDIA_ROOT), and this hook runs before it sends a byte.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from wagtail import hooks

from modules.pages import document_is_open_to


@hooks.register("before_serve_document")
def documents_behind_login(document, request):
    """Anonymous visitors go to the login page (and come back); a logged-in person who may not
    open any page using the document gets a 404, so its existence is not revealed."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not document_is_open_to(user=request.user, document=document):
        raise Http404
    return None
