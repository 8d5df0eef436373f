"""The werkoverleg kit page of a module, and its form "Besproken in werkoverleg".

One URL per module (``module/<id>/werkoverleg/``). GET shows the kit to read, print (the print
style sheet leaves out the site's header, the tools and the form) or project (``?weergave=
presenteren``: large letters, only the kit; a plain link, no JavaScript). POST records that a
department discussed it on a date, then redirects back (post/redirect/get). Who may open it is
:func:`modules.learning.team_kit.team_kit_open_to`: anybody else gets a 404, as if the kit did
not exist; anonymous visitors go to the login page.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.models import Department
from modules.blocks import DilemmaBlock
from modules.learning.models import ModulePage
from modules.learning.team_kit import (
    TeamDiscussionRefused,
    module_discussions,
    team_discussion_record,
    team_kit_departments,
    team_kit_open_to,
)

PROJECTION = "presenteren"


class TeamDiscussionForm(forms.Form):
    """ "Besproken in werkoverleg": which department, on which day. The department list holds
    only the departments the person may record for; the service checks every rule again."""

    department = forms.ModelChoiceField(
        queryset=Department.objects.none(),
        label=gettext_lazy("Department"),
        empty_label=gettext_lazy("Choose a department"),
        error_messages={
            "required": gettext_lazy("Choose the department that held the team meeting."),
            "invalid_choice": gettext_lazy("Choose one of your own departments."),
        },
    )
    discussed_on = forms.DateField(
        label=gettext_lazy("Date of the team meeting"),
        help_text=gettext_lazy("The day the team talked about this kit, for example today."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": gettext_lazy("Fill in the date of the team meeting."),
            "invalid": gettext_lazy("Fill in a real date, for example 14-03-2026."),
        },
    )

    def __init__(self, *args, departments: QuerySet[Department], today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["discussed_on"].input_formats = ["%Y-%m-%d", "%d-%m-%Y"]
        self.fields["discussed_on"].widget.attrs["max"] = today.isoformat()


def _kit_items(module: ModulePage) -> list[dict]:
    """The kit's blocks for the template; a dilemma with its choices (in the editor's order)
    and their explanations, which the page shows to the leidinggevende, never as a form."""
    items = []
    for child in module.team_kit:
        item = {"type": child.block_type, "block": child, "id": child.id}
        if child.block_type == "dilemma":
            item["options"] = DilemmaBlock.options(child.value)
        items.append(item)
    return items


@login_required
@require_http_methods(["GET", "POST"])
def team_kit_view(request: HttpRequest, module_id: int) -> HttpResponse:
    module = ModulePage.objects.live().filter(pk=module_id).first()
    if module is None or not team_kit_open_to(user=request.user, module=module):
        raise Http404
    today = timezone.localdate()
    departments = team_kit_departments(user=request.user)
    url = reverse("team_kit", args=[module.pk])
    status = 200
    if request.method == "POST":
        form = TeamDiscussionForm(request.POST, departments=departments, today=today)
        if form.is_valid():
            try:
                discussion = team_discussion_record(
                    user=request.user,
                    module=module,
                    department=form.cleaned_data["department"],
                    discussed_on=form.cleaned_data["discussed_on"],
                    today=today,
                    request=request,
                )
            except TeamDiscussionRefused as refusal:
                form.add_error(refusal.field, refusal.message)
            else:
                messages.success(
                    request,
                    _("Recorded: %(department)s discussed this kit on %(day)s.")
                    % {
                        "department": discussion.department.name,
                        "day": discussion.discussed_on.strftime("%d-%m-%Y"),
                    },
                )
                return HttpResponseRedirect(f"{url}#besproken")
        status = 400
    else:
        form = TeamDiscussionForm(
            departments=departments, today=today, initial={"discussed_on": today}
        )
    projection = request.GET.get("weergave") == PROJECTION
    context = {
        "module": module,
        "items": _kit_items(module),
        "projection": projection,
        "kit_url": url,
        "projection_url": f"{url}?weergave={PROJECTION}",
        "form": form,
        "discussions": []
        if projection
        else module_discussions(user=request.user, module=module, today=today),
    }
    return render(request, "modules/team_kit.html", context, status=status)
