"""The trend's form in the page editor (``TrendPage.base_form_class``)."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm


class TrendPageForm(WagtailAdminPageForm):
    """``review_by`` has a callable default, so Django gives its form field
    ``show_hidden_initial`` and compares the posted date with a hidden "initial-" input that
    Wagtail's editor never renders: the form then always reports a change, and every workflow
    action from the editor (approving, too) first saves a new revision in the reviewer's name.
    Without it the field compares with the trend's stored date, like every other field.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "review_by" in self.fields:
            self.fields["review_by"].show_hidden_initial = False
