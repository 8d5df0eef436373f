"""Forms for the learner's own pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class DigestPreferenceForm(forms.Form):
    """ "Mijn gegevens": whether the visitor wants the weekly email with new trends."""

    ON, OFF = "aan", "uit"

    wekelijkse_mail = forms.ChoiceField(choices=[(ON, ON), (OFF, OFF)], widget=forms.RadioSelect)

    @property
    def wants(self) -> bool:
        """The choice as a yes/no (only after ``is_valid()``)."""
        return self.cleaned_data["wekelijkse_mail"] == self.ON


class SelfStudyDeleteForm(forms.Form):
    """ "Mijn gegevens": a council member confirms deleting their self-study data (the
    checkbox sends ``ja``; anything else is no confirmation)."""

    bevestig = forms.ChoiceField(
        choices=[("ja", "ja")],
        error_messages={
            "required": _("Tick the box to confirm that you want to delete your data."),
            "invalid_choice": _("Tick the box to confirm that you want to delete your data."),
        },
    )
