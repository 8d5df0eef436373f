"""The kernteam's SCORM packages in the admin: upload (checked, then extracted), title, delete.

A snippet, so the lesson block chooses it with Wagtail's snippet chooser and the admin shows
where a package is used. Who may upload is the model permission ``scorm.add_scormpackage``,
given to the kernteam only (``accounts.permissions``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, DeleteView, SnippetViewSet

from modules.scorm.forms import ScormPackageForm
from modules.scorm.models import ScormPackage
from modules.scorm.services import package_create, package_delete


class ScormPackageCreateView(CreateView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as e:
            # Storage failed after the form was valid (service removed what it wrote).
            form.add_error("package_file", e)
            self.produced_error_message = e.messages[0]
            return self.form_invalid(form)

    def save_instance(self):
        form = self.form
        instance = package_create(
            upload=form.cleaned_data["package_file"],
            inspected=form.inspected,
            title=form.cleaned_data.get("title", ""),
            uploaded_by=self.request.user,
        )
        log(instance=instance, action="wagtail.create", user=self.request.user)
        return instance


class ScormPackageDeleteView(DeleteView):
    def delete_action(self):
        log(instance=self.object, action="wagtail.delete", user=self.request.user)
        package_delete(package=self.object)


class ScormPackageViewSet(SnippetViewSet):
    model = ScormPackage
    # The zip upload is a form field (ScormPackageForm); the other fields come from the manifest.
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("package_file")], base_form_class=ScormPackageForm
    )
    add_view_class = ScormPackageCreateView
    delete_view_class = ScormPackageDeleteView
    copy_view_enabled = False
    inspect_view_enabled = True
    icon = "media"
    menu_label = _("SCORM packages")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "version", "file_count", "uploaded_by", "uploaded_at"]
    list_filter = ["version"]
    search_fields = ["title"]


register_snippet(ScormPackageViewSet)
