"""``{% lesson_block block %}``: a lesson's block, rendered once per published revision.

A lesson's text, images, signal cards and takeaways are the same for every reader, and
rendering them (rich text, image renditions) is most of a lesson page's work. So each block is
rendered once per (page, published revision, block) and the site stamp (``core.stamped``: an
image, a document or the reporting routes changing moves it) and then read from the cache.

Caching is opt-in: only block types that say ``renders_the_same_for_everybody`` are cached, so
a new block type (a form, something of the reader) is rendered per request until somebody
decides otherwise. A dilemma (the reader's choice, a CSRF token), the reporting routes (the
reader's own contact person) and every preview are rendered as ``{% include_block %}`` would,
each time.
"""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape

from core.stamped import stamped_read

register = template.Library()


@register.simple_tag(takes_context=True)
def lesson_block(context, block):
    def render() -> str:
        return conditional_escape(block.render_as_block(context=context.flatten()))

    page = context.get("page")
    request = context.get("request")
    if (
        not getattr(block.block, "renders_the_same_for_everybody", False)
        or page is None
        or page.pk is None
        or not block.id
        or getattr(request, "is_preview", False)
        or page.live_revision_id is None
    ):
        return render()
    return stamped_read("block", render, parts=(page.pk, page.live_revision_id, block.id))
