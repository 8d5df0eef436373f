"""The targets screen's views. The list reads each target's indicator and owner in the same
query. Create and edit save through
:func:`modules.goals.services.target_save`, and a refusal of the service (an overlapping
period, an owner who cannot own a goal) comes back as an error on the form, nothing saved."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail.admin.views.generic import CreateView, EditView, IndexView

from modules.goals.services import target_save


class TargetIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("indicator", "owner")


class _SavesThroughService:
    def save_instance(self):
        data = self.form.cleaned_data
        return target_save(
            target=None if self.form.instance.pk is None else self.form.instance,
            indicator=data["indicator"],
            first_month=data["first_month"],
            last_month=data["last_month"],
            target_value=data["target_value"],
            owner=data["owner"],
            rationale=data["rationale"],
            set_by=self.request.user,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error(None if field == "__all__" else field, messages)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class TargetCreateView(_SavesThroughService, CreateView):
    pass


class TargetEditView(_SavesThroughService, EditView):
    pass
