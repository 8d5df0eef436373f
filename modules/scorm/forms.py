"""The admin's upload form and the check of what the player posts."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from modules.scorm.package_files import InspectedPackage, inspect_package
from modules.scorm.services import CmiReport

# SCORM 2004 allows 64 000 characters of suspend data, 1.2 only 4 096; we keep the larger.
MAX_SUSPEND_DATA = 64_000
MAX_LOCATION = 1_000
COMPLETION_STATUSES = (
    # SCORM 1.2 cmi.core.lesson_status
    "passed",
    "completed",
    "failed",
    "incomplete",
    "browsed",
    "not attempted",
    # SCORM 2004 cmi.completion_status
    "not_attempted",
    "unknown",
)
SUCCESS_STATUSES = ("passed", "failed", "unknown", "")
_SCORE_LIMIT = Decimal(999_999)
_FOUR_PLACES = Decimal("0.0001")


def _rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(_FOUR_PLACES, rounding=ROUND_HALF_UP)


class ScormPackageForm(WagtailAdminModelForm):
    """Title and zip; the zip is checked here (nothing stored) and extracted by the service.

    The file cannot be replaced on an existing package: a learner's suspend data belongs to
    the version they started, so a new version is a new package.
    """

    package_file = forms.FileField(
        label=_("SCORM package (zip)"),
        required=False,
        help_text=_("A zip with imsmanifest.xml in its top folder (SCORM 1.2 or 2004)."),
    )

    class Meta:
        fields = ["title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the title from the manifest.")
        self.inspected: InspectedPackage | None = None

    def clean_title(self) -> str:
        title = self.cleaned_data.get("title", "")
        if self.instance.pk and not title:
            raise ValidationError(_("Give the package a title."))
        return title

    def clean_package_file(self):
        upload = self.cleaned_data.get("package_file")
        if self.instance.pk:
            if upload:
                raise ValidationError(
                    _(
                        "The file of a package cannot be replaced. Add the new version as a new "
                        "package."
                    )
                )
            return None
        if not upload:
            raise ValidationError(_("Choose the zip file of the SCORM package."))
        upload.seek(0)
        self.inspected = inspect_package(upload, size=upload.size)
        upload.seek(0)
        return upload


class TrackForm(forms.Form):
    """The CMI values the player posts after the content committed; sizes as the spec allows."""

    completion_status = forms.ChoiceField(choices=[(s, s) for s in COMPLETION_STATUSES])
    success_status = forms.ChoiceField(choices=[(s, s) for s in SUCCESS_STATUSES], required=False)
    # Content reports scores with any number of decimals; they are rounded, not refused.
    score_raw = forms.DecimalField(required=False, min_value=-_SCORE_LIMIT, max_value=_SCORE_LIMIT)
    score_min = forms.DecimalField(required=False, min_value=-_SCORE_LIMIT, max_value=_SCORE_LIMIT)
    score_max = forms.DecimalField(required=False, min_value=-_SCORE_LIMIT, max_value=_SCORE_LIMIT)
    score_scaled = forms.DecimalField(required=False, min_value=Decimal(-1), max_value=Decimal(1))
    location = forms.CharField(required=False, max_length=MAX_LOCATION, strip=False)
    suspend_data = forms.CharField(required=False, max_length=MAX_SUSPEND_DATA, strip=False)

    def report(self) -> CmiReport:
        data = self.cleaned_data
        return CmiReport(
            completion_status=data["completion_status"].replace("not attempted", "not_attempted"),
            success_status=data.get("success_status") or "",
            score_raw=_rounded(data.get("score_raw")),
            score_min=_rounded(data.get("score_min")),
            score_max=_rounded(data.get("score_max")),
            score_scaled=_rounded(data.get("score_scaled")),
            location=data.get("location") or "",
            suspend_data=data.get("suspend_data") or "",
        )
