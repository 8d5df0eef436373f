"""The reminders' screens in the Wagtail admin.

* :class:`ManualReminderView`: the buttons of the per-person report post here, to remind one
  late person or everybody late in the report's filtered view. POST only (the admin's CSRF
  check applies), the report's permission and scope (a manager reaches only their
  departments, raadsleden nobody), "remind all" first on a confirmation page; the result in
  a Dutch message back on the report.
* :class:`MonthlyStatusPanel`: a manager's own switch for the monthly status email, on the
  admin account page (*Account*, tab *Meldingen*), the page managers already use.
"""

from __future__ import annotations

from functools import cached_property

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.models import User
from accounts.roles import Role
from accounts.selectors import report_scope
from modules.reminders.selectors import late_people, monthly_status_wanted
from modules.reminders.services import (
    ManualResult,
    manager_email_preference_set,
    manual_reminders_send,
)
from modules.reporting.admin_views import REPORT_PERMISSION
from modules.reporting.filters import TaskFilterSet
from modules.reporting.reports import task_rows


class ManualReminderForm(forms.Form):
    """One person (``person``) or everybody late in the filtered view (``everybody``; the
    filters are the address's query string, as on the report)."""

    person = forms.IntegerField(required=False, min_value=1)
    everybody = forms.BooleanField(required=False)
    confirm = forms.BooleanField(required=False)
    next = forms.CharField(required=False, max_length=2000)

    def clean(self):
        data = super().clean()
        if not data.get("person") and not data.get("everybody"):
            raise forms.ValidationError(_("Choose who gets a reminder."))
        return data


class ManualReminderView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reminders/admin/confirm_manual.html"
    page_title = _("Send reminders")
    header_icon = "mail"
    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def next_url(self) -> str:
        """Back to the report the button was on (with its filters); only an address of this
        site."""
        url = self.request.POST.get("next", "")
        if url.startswith("/") and url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return url
        return reverse("completion_report_overdue")

    def post(self, request, *args, **kwargs):
        form = ManualReminderForm(request.POST)
        if not form.is_valid():
            messages.error(request, _t("No reminder was sent: choose who gets one."))
            return redirect(self.next_url)
        today = timezone.localdate()
        if form.cleaned_data["person"]:
            result = manual_reminders_send(
                sender=request.user, today=today, person_ids=[form.cleaned_data["person"]]
            )
            self.tell(result, one=True)
            return redirect(self.next_url)

        scope = report_scope(user=request.user)
        filters = TaskFilterSet(data=request.GET, request=request, scope=scope)
        if request.GET and not filters.is_valid():
            messages.error(
                request, _t("No reminders were sent: the filters of the report cannot be used.")
            )
            return redirect(self.next_url)
        tasks = task_rows(scope=scope, today=today)
        if request.GET:
            tasks = filters.filter_queryset(tasks)
        if not form.cleaned_data["confirm"]:
            people = late_people(scope=scope, today=today, tasks=tasks)
            if not people:
                messages.warning(
                    request, _t("Nobody in this view is overdue, so no reminder was sent.")
                )
                return redirect(self.next_url)
            return self.render_to_response(
                self.get_context_data(people=people, next_url=self.next_url)
            )
        self.tell(manual_reminders_send(sender=request.user, today=today, tasks=tasks))
        return redirect(self.next_url)

    def tell(self, result: ManualResult, *, one: bool = False) -> None:
        """The outcome in words: who gets one, who already had one today, or why nothing."""
        request = self.request
        if one and result.sent:
            messages.success(
                request,
                _t("A reminder is being sent to %(name)s.") % {"name": result.sent[0]},
            )
        elif result.sent:
            count = len(result.sent)
            messages.success(
                request,
                ngettext(
                    "A reminder is being sent to %(count)d person.",
                    "A reminder is being sent to %(count)d people.",
                    count,
                )
                % {"count": count},
            )
        if one and result.already_today:
            messages.warning(
                request,
                _t("%(name)s already had a reminder today. Nothing was sent.")
                % {"name": result.already_today[0]},
            )
        elif result.already_today:
            count = len(result.already_today)
            messages.warning(
                request,
                ngettext(
                    "%(count)d person already had a reminder today and gets no second one.",
                    "%(count)d people already had a reminder today and get no second one.",
                    count,
                )
                % {"count": count},
            )
        if not result.sent and not result.already_today:
            messages.error(
                request,
                _t("No reminder was sent: this person is not overdue, or not in your overview.")
                if one
                else _t("Nobody in this view is overdue, so no reminder was sent."),
            )


# ---------------------------------------------------------------------------------------------
# The manager's switch for the monthly status email
# ---------------------------------------------------------------------------------------------


class MonthlyStatusForm(forms.Form):
    monthly_status = forms.BooleanField(
        required=False,
        label=_("Email me the status of my departments once a month"),
        help_text=_(
            "Per department: how many people finished their mandatory learning, are busy, "
            "are overdue or have not started, with a link to the dashboard."
        ),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def save(self) -> None:
        manager_email_preference_set(
            user=self.user, monthly_status=self.cleaned_data["monthly_status"]
        )


class MonthlyStatusPanel(BaseSettingsPanel):
    """Shown only to managers (the leidinggevende role and at least one department)."""

    name = "monthly_status"
    title = _("Monthly status email")
    tab = notifications_tab
    order = 300

    def is_active(self) -> bool:
        return self._is_manager

    @cached_property
    def _is_manager(self) -> bool:
        user = self.user
        return user.has_role(Role.LEIDINGGEVENDE) and user.managed_departments.exists()

    @cached_property
    def _form(self) -> MonthlyStatusForm:
        if self.request.method == "POST":
            return MonthlyStatusForm(self.request.POST, prefix=self.name, user=self.user)
        return MonthlyStatusForm(
            prefix=self.name,
            user=self.user,
            initial={"monthly_status": monthly_status_wanted(user=self.user)},
        )

    def get_form(self):
        return self._form
