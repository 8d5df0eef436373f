"""The kernteam's form for a target. The form checks the fields; the rules across them (no
overlapping periods, an owner who may own a goal) are the service's, whose errors the view
puts back on the form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import User
from modules.awareness.selectors import is_council_member
from modules.goals.models import Target
from modules.goals.services import last_frozen_month_of

MONTH_FORMATS = ["%Y-%m", "%m-%Y", "%Y-%m-%d", "%d-%m-%Y"]


class MonthField(forms.DateField):
    """A month as ``jjjj-mm`` (what a browser's month picker sends) or ``mm-jjjj``."""

    widget = forms.DateInput(format="%Y-%m", attrs={"type": "month", "placeholder": "jjjj-mm"})
    input_formats = MONTH_FORMATS
    default_error_messages = {
        "invalid": _("Enter a month as yyyy-mm, for example 2026-01."),
    }


class TargetForm(WagtailAdminModelForm):
    first_month = MonthField(label=_("From month"))
    last_month = MonthField(
        label=_("Up to and including month"),
        help_text=_("For a year: from January up to and including December."),
    )

    class Meta:
        model = Target
        fields = ["indicator", "first_month", "last_month", "target_value", "owner", "rationale"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = (
            User.objects.active().exclude(is_council_member("pk")).order_by("last_name", "email")
        )
        last_frozen = last_frozen_month_of(self.instance) if self.instance.pk else None
        if last_frozen is not None:
            # What frozen months were measured against stays (the service refuses it too).
            note = _(
                "Months up to and including %(month)s were measured against this target: "
                "this stays as it is."
            ) % {"month": last_frozen.strftime("%m-%Y")}
            for name in ("indicator", "first_month", "target_value"):
                self.fields[name].disabled = True
                self.fields[name].help_text = note

    def clean(self):
        """A reversed period is an error on the last month, where the person looks for it."""
        cleaned = super().clean()
        first, last = cleaned.get("first_month"), cleaned.get("last_month")
        if first and last and last.replace(day=1) < first.replace(day=1):
            self.add_error("last_month", _("The last month comes before the first month."))
        return cleaned
