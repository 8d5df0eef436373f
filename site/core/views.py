"""Site-wide views: the health check, the Dutch 403 page, search and "Mijn gegevens"."""

from __future__ import annotations

import json
import logging
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connections
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.mydata import may_delete_self_study, my_data, self_study_delete
from core.search import search
from modules.reminders.selectors import reminder_history

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any driver error means "not healthy"
        logger.exception("Health check: database unreachable")
        return False


def _cache_ok() -> bool:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        ok = cache.get(key) == "ok"
        cache.delete(key)
        return ok
    except Exception:  # any backend error means "not healthy"
        logger.exception("Health check: cache unreachable")
        return False


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer: 200 when database and cache answer, 503 otherwise."""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
    )


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "403.html", {"reason": str(exception or "")}, status=403)


@login_required
def site_search(request: HttpRequest) -> HttpResponse:
    """Search over the modules, lessons and trends the user may see (see core.search)."""
    results = search(
        user=request.user, query=request.GET.get("q", ""), page_number=request.GET.get("pagina")
    )
    return render(request, "core/search.html", {"search": results})


@login_required
def my_data_view(request: HttpRequest) -> HttpResponse:
    """ "Mijn gegevens": what Weerbaar holds about you, the digest setting, download and (for
    council members) deletion. Only ever the visitor's own data."""
    user = request.user
    if request.method == "POST":
        choice = request.POST.get("wekelijkse_mail")
        if choice not in ("aan", "uit"):
            messages.error(request, _("Choose yes or no for the weekly email."))
            return HttpResponseRedirect(reverse("my_data"))
        user.wants_trend_digest = choice == "aan"
        user.save(update_fields=["wants_trend_digest"])
        messages.success(
            request,
            _("You will get the weekly email with new trends.")
            if user.wants_trend_digest
            else _("You will no longer get the weekly email with new trends."),
        )
        return HttpResponseRedirect(reverse("my_data"))
    reminders = reminder_history(user=user)
    return render(
        request,
        "core/my_data.html",
        {
            "data": my_data(user=user, reminders=reminders),
            "reminders": reminders,
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
        if request.POST.get("bevestig") != "ja":
            error = _("Tick the box to confirm that you want to delete your data.")
        else:
            deleted = self_study_delete(user=user)
            messages.success(
                request,
                _(
                    "Your self-study data has been deleted: %(modules)d module rounds, "
                    "%(attempts)d quiz attempts and %(reflections)d reflections."
                )
                % {
                    "modules": deleted.enrolments,
                    "attempts": deleted.attempts,
                    "reflections": deleted.reflections,
                },
            )
            return HttpResponseRedirect(reverse("my_data"))
    return render(
        request, "core/my_data_delete.html", {"error": error}, status=400 if error else 200
    )
