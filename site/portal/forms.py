"""Forms for the learner's own pages."""

from __future__ import annotations

from django import forms


class DigestPreferenceForm(forms.Form):
    """ "Mijn gegevens": whether the visitor wants the weekly email with new trends."""

    ON, OFF = "aan", "uit"

    wekelijkse_mail = forms.ChoiceField(choices=[(ON, ON), (OFF, OFF)], widget=forms.RadioSelect)

    @property
    def wants(self) -> bool:
        """The choice as a yes/no (only after ``is_valid()``)."""
        return self.cleaned_data["wekelijkse_mail"] == self.ON
