"""The admin's upload form for a content pack (a .zip)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from modules.contentpacks.format import max_pack_bytes


class PackUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Content pack (.zip)"),
        help_text=gettext_lazy("A zip file with manifest.json and the pack's folders."),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".zip"):
            raise forms.ValidationError(_("Choose a .zip file."))
        if upload.size > max_pack_bytes():
            raise forms.ValidationError(
                _("The file is larger than %(max)d MB.")
                % {"max": max_pack_bytes() // (1024 * 1024)}
            )
        return upload
