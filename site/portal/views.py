"""The learner's own pages that gather every app: "Mijn leeromgeving", search and "Mijn
gegevens"."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from accounts.roles import Role
from accounts.services import user_set_trend_digest
from core.stamped import stamped_read
from home.selectors import reporting_page
from portal.dashboard import dashboard_for
from portal.forms import DigestPreferenceForm, SelfStudyDeleteForm
from portal.mydata import may_delete_self_study, my_data, my_data_of, self_study_delete
from portal.search import search


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    """ "Mijn leeromgeving": the learner's own dashboard."""
    user = request.user
    today = timezone.localdate()
    now = timezone.now()
    dashboard = dashboard_for(user=user, today=today, now=now)
    return render(
        request,
        "portal/my_learning.html",
        {
            "is_new_employee": user.is_new_employee(today),
            # Council members' details come from the griffie, not from HR.
            "is_council_member": user.has_role(Role.RAADSLID),
            "mandatory_tasks": dashboard.mandatory,
            "optional_tasks": dashboard.optional,
            "sections_above": dashboard.sections_above_tasks(),
            "sections_below": dashboard.sections_below_tasks(),
            "reporting_page": stamped_read("reporting-page", reporting_page),
        },
    )


@login_required
def site_search(request: HttpRequest) -> HttpResponse:
    """Search over the modules, lessons and trends the user may see (see portal.search)."""
    results = search(
        user=request.user, query=request.GET.get("q", ""), page_number=request.GET.get("pagina")
    )
    return render(request, "portal/search.html", {"search": results})


@login_required
def my_data_view(request: HttpRequest) -> HttpResponse:
    """ "Mijn gegevens": what Weerbaar holds about you, the digest setting, download and (for
    council members) deletion. Only ever the visitor's own data."""
    user = request.user
    if request.method == "POST":
        form = DigestPreferenceForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose yes or no for the weekly email."))
            return HttpResponseRedirect(reverse("my_data"))
        user_set_trend_digest(user=user, wants=form.wants)
        messages.success(
            request,
            _("You will get the weekly email with new trends.")
            if form.wants
            else _("You will no longer get the weekly email with new trends."),
        )
        return HttpResponseRedirect(reverse("my_data"))
    data = my_data_of(user=user)
    return render(
        request,
        "portal/my_data.html",
        {
            "data": data.export,
            "sections": data.sections,
            "may_delete": may_delete_self_study(user=user),
        },
    )


@login_required
@require_GET
def my_data_download(request: HttpRequest) -> HttpResponse:
    """The visitor's own data as a JSON file."""
    body = json.dumps(my_data(user=request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"weerbaar-mijn-gegevens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def my_data_delete(request: HttpRequest) -> HttpResponse:
    """Council members delete their own self-study data, after ticking a confirmation."""
    user = request.user
    if not may_delete_self_study(user=user):
        raise PermissionDenied
    error = ""
    if request.method == "POST":
        form = SelfStudyDeleteForm(request.POST)
        if not form.is_valid():
            error = form.errors["bevestig"][0]
        else:
            deleted = self_study_delete(user=user)
            rounds = deleted.get("enrolments", 0)
            attempts = deleted.get("attempts", 0)
            reflections = deleted.get("reflections", 0)
            messages.success(
                request,
                _(
                    "Your self-study data has been deleted: %(modules)s, %(attempts)s and "
                    "%(reflections)s."
                )
                % {
                    "modules": ngettext("%(count)d module round", "%(count)d module rounds", rounds)
                    % {"count": rounds},
                    "attempts": ngettext(
                        "%(count)d quiz attempt", "%(count)d quiz attempts", attempts
                    )
                    % {"count": attempts},
                    "reflections": ngettext(
                        "%(count)d reflection", "%(count)d reflections", reflections
                    )
                    % {"count": reflections},
                },
            )
            return HttpResponseRedirect(reverse("my_data"))
    return render(
        request, "portal/my_data_delete.html", {"error": error}, status=400 if error else 200
    )
