"""The reflection page's forms: the member's answers and notes, and deleting them.

Both are handled by :meth:`modules.council.models.ReflectionPage.serve_open`. The forms only
check what was posted; :mod:`modules.council.services` writes (and checks again).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from modules.council.models import Reflection, ReflectionPage

NOTES_MAX_LENGTH = 4000
INVALID_ANSWER = _("One of the answers is not valid. Please try again.")
NOTHING_TO_SAVE = _(
    "There is nothing to save yet. Choose an answer for at least one statement, or write a note."
)


@dataclass(frozen=True)
class ErrorLink:
    """One line of the error summary: the message and the id of what it is about."""

    message: str
    target: str


@dataclass(frozen=True)
class StatementItem:
    """A statement as the template shows it: its radio buttons and its place on the page."""

    anchor: str
    field: forms.BoundField


def statement_field_name(block_id: str) -> str:
    return f"stelling-{block_id}"


class ReflectionForm(forms.Form):
    """One optional choice per statement of the page (named ``stelling-<block id>``) and the
    member's own notes; initial values come from the member's saved reflection."""

    notities = forms.CharField(
        label=_("My notes: what do I want to do or find out?"),
        help_text=_("Optional. At most 4,000 characters."),
        required=False,
        max_length=NOTES_MAX_LENGTH,
        error_messages={"max_length": _("Your notes are too long: at most 4,000 characters.")},
        widget=forms.Textarea(attrs={"rows": 5, "aria-describedby": "notities-hulp"}),
    )

    def __init__(
        self,
        data=None,
        *,
        page: ReflectionPage,
        reflection: Reflection | None = None,
        **kwargs,
    ):
        answers = reflection.answers if reflection is not None else {}
        initial = {"notities": reflection.notes if reflection is not None else ""}
        super().__init__(data, auto_id="%s", initial=initial, **kwargs)
        self.statement_ids: list[str] = []
        statement_fields = {}
        for block in page.statements:
            name = statement_field_name(block.id)
            statement_fields[name] = forms.ChoiceField(
                label=block.value["statement"],
                choices=page.answer_choices,
                required=False,
                widget=forms.RadioSelect,
                initial=answers.get(block.id, ""),
                error_messages={"invalid_choice": INVALID_ANSWER},
            )
            self.statement_ids.append(block.id)
        # The statements come first, in the page's order; the notes after them.
        self.fields = {**statement_fields, "notities": self.fields["notities"]}

    def clean(self):
        """Saving nothing (no answer, no notes) is an error, not an empty reflection."""
        cleaned = super().clean()
        answered = any(
            cleaned.get(statement_field_name(block_id)) for block_id in self.statement_ids
        )
        if not answered and not (cleaned.get("notities") or "").strip() and not self.errors:
            raise forms.ValidationError(NOTHING_TO_SAVE, code="empty")
        return cleaned

    def full_clean(self):
        super().full_clean()
        if "notities" in self.errors:  # the message under the notes is read with them
            self.fields["notities"].widget.attrs["aria-describedby"] = "notities-hulp notities-fout"

    @property
    def statements(self) -> list[StatementItem]:
        return [
            StatementItem(anchor=f"stelling-{number}", field=self[statement_field_name(block_id)])
            for number, block_id in enumerate(self.statement_ids, start=1)
        ]

    def answers(self) -> dict[str, str]:
        """Block id → answer, for :func:`modules.council.services.reflection_save`."""
        return {
            block_id: self.cleaned_data[statement_field_name(block_id)]
            for block_id in self.statement_ids
        }

    def notes(self) -> str:
        return self.cleaned_data["notities"]

    def error_links(self) -> list[ErrorLink]:
        """The error summary: each message once, linked to the first place it is about
        (a message from the service, which has no field, to the first statement)."""
        anchors = {item.field.name: item.anchor for item in self.statements}
        anchors["notities"] = "notities"
        links: list[ErrorLink] = []
        for name, errors in self.errors.items():
            target = anchors.get(name, "stelling-1")
            for message in errors:
                if all(link.message != message for link in links):
                    links.append(ErrorLink(message=message, target=target))
        return links


class ReflectionDeleteForm(forms.Form):
    """Deleting one's answers and notes needs a ticked box."""

    bevestig = forms.BooleanField(
        label=_("I am sure: delete my answers and notes for good"),
        error_messages={
            "required": _("Tick the box to confirm that you want to delete your answers.")
        },
        widget=forms.CheckboxInput(attrs={"id": "bevestig-verwijderen"}),
    )

    def full_clean(self):
        super().full_clean()
        if "bevestig" in self.errors:
            self.fields["bevestig"].widget.attrs["aria-describedby"] = "bevestig-verwijderen-fout"

    def error_links(self) -> list[ErrorLink]:
        return [
            ErrorLink(message=message, target="bevestig-verwijderen")
            for message in self.errors.get("bevestig", [])
        ]
