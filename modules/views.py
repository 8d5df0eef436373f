"""Learner-facing views that are not Wagtail pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from home.selectors import reporting_page


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    """ "Mijn leeromgeving": the learner's own dashboard."""
    user = request.user
    return render(
        request,
        "modules/my_learning.html",
        {
            "is_new_employee": user.is_new_employee(timezone.localdate()),
            "reporting_page": reporting_page(),
        },
    )
