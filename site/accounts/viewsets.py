"""The Wagtail admin's user management, with separation of duties and an audit trail.

Wired in ``WeerbaarUsersConfig`` (the views) and ``accounts.wagtail_hooks`` (the bulk actions,
registered after Wagtail's own so they replace them). Every door asks
:mod:`accounts.policies` who may manage whom: only a superuser manages superusers and the admin
roles, beheer/HR manages ordinary accounts and grants the ordinary roles, nobody edits their
own account here. What changes is recorded through :mod:`accounts.audit`.

A raadslid's last login is nobody's business but theirs: non-superusers get no last-login
column, filter or ordering in the listing (which would reveal it by sorting).
"""

from __future__ import annotations

from functools import cached_property

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.users.views import bulk_actions as wagtail_bulk
from wagtail.users.views import users as wagtail_users

from accounts.admin_views import forbidden
from accounts.audit import account_snapshot, audit_account_changes, audit_record
from accounts.forms import WeerbaarUserCreationForm, WeerbaarUserEditForm
from accounts.middleware import has_totp
from accounts.models import AuditAction, User
from accounts.policies import can_delete_account, can_manage_account, grantable_role_groups
from accounts.services import user_reset_mfa
from core.changes import people_changed


class UserFilterSet(wagtail_users.UserFilterSet):
    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if not (request and request.user.is_superuser):
            self.filters.pop("last_login", None)


class IndexView(wagtail_users.IndexView):
    @cached_property
    def columns(self):
        columns = super().columns
        if self.request.user.is_superuser:
            return columns
        return [column for column in columns if column.name != "last_login"]

    def get_base_queryset(self):
        # is_admin_account() reads both per row.
        return super().get_base_queryset().prefetch_related("groups", "user_permissions")

    def get_edit_url(self, instance):
        if can_manage_account(actor=self.request.user, target=instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if can_delete_account(actor=self.request.user, target=instance):
            return super().get_delete_url(instance)
        return None


class _RequestUserFormKwargsMixin:
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["request_user"] = self.request.user
        return kwargs


class CreateView(_RequestUserFormKwargsMixin, wagtail_users.CreateView):
    def save_instance(self):
        with transaction.atomic():
            instance = super().save_instance()
            audit_account_changes(
                actor=self.request.user,
                target=instance,
                before=None,
                after=account_snapshot(user_id=instance.pk),
                password_set=bool(self.form.cleaned_data.get("password1")),
                source="user_admin",
                request=self.request,
            )
        return instance


class EditView(_RequestUserFormKwargsMixin, wagtail_users.EditView):
    def dispatch(self, request, *args, **kwargs):
        if not can_manage_account(actor=request.user, target=self.object):
            return forbidden(request)
        self.can_delete = can_delete_account(actor=request.user, target=self.object)
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        with transaction.atomic():
            before = account_snapshot(user_id=self.object.pk)
            instance = super().save_instance()
            audit_account_changes(
                actor=self.request.user,
                target=instance,
                before=before,
                after=account_snapshot(user_id=instance.pk),
                password_set=bool(self.form.cleaned_data.get("password1")),
                source="user_admin",
                request=self.request,
            )
        return instance

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["has_mfa"] = has_totp(self.object)
        context["mfa_reset_url"] = reverse("wagtailusers_users:reset_mfa", args=[self.object.pk])
        return context


class DeleteView(wagtail_users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not can_delete_account(actor=request.user, target=self.object):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def delete_action(self):
        with transaction.atomic():
            audit_record(
                action=AuditAction.ACCOUNT_DELETED,
                actor=self.request.user,
                target=self.object,
                details={"source": "user_admin"},
                request=self.request,
            )
            super().delete_action()


class MfaResetView(WagtailAdminTemplateMixin, TemplateView):
    """Beheer's "reset two-step verification" for someone who lost their phone: a confirm
    page, then :func:`accounts.services.user_reset_mfa` on POST."""

    template_name = "accounts/admin/mfa_reset_confirm.html"
    page_title = gettext_lazy("Reset two-step verification")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        self.person = get_object_or_404(User, pk=kwargs["pk"])
        if not can_manage_account(actor=request.user, target=self.person):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.person)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["person"] = self.person
        context["has_mfa"] = has_totp(self.person)
        context["edit_url"] = reverse("wagtailusers_users:edit", args=[self.person.pk])
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm the reset."))
            return self.render_to_response(self.get_context_data(), status=400)
        user_reset_mfa(user=self.person, actor=request.user, request=request)
        messages.success(
            request,
            _(
                "Two-step verification of %(person)s has been reset. They set it up again at "
                "their next visit to the management environment."
            )
            % {"person": self.person},
        )
        return HttpResponseRedirect(reverse("wagtailusers_users:edit", args=[self.person.pk]))


class UserViewSet(wagtail_users.UserViewSet):
    # Wagtail's "copy" view would save onto the copied account without asking
    # accounts.policies (it posts to the original row): no copying of accounts at all.
    copy_view_enabled = False
    filterset_class = UserFilterSet
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update: bool = False):
        return WeerbaarUserEditForm if for_update else WeerbaarUserCreationForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("reset-mfa/<int:pk>/", MfaResetView.as_view(), name="reset_mfa"),
        ]


# -- Bulk actions: Wagtail's three, under the same rules --------------------------------------


class AssignRoleBulkAction(wagtail_bulk.AssignRoleBulkAction):
    def check_perm(self, obj):
        return can_manage_account(actor=self.request.user, target=obj)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = grantable_role_groups(self.request.user)
        return form

    def get_execution_context(self):
        return {**super().get_execution_context(), "request": self.request}

    @classmethod
    def execute_action(cls, objects, role=None, request=None, **kwargs):
        if role is None:
            return 0, 0
        changed = [user for user in objects if not user.groups.filter(pk=role.pk).exists()]
        role.user_set.add(*changed)
        for user in changed:
            audit_record(
                action=AuditAction.ROLES_CHANGED,
                actor=request.user if request else None,
                target=user,
                details={"added": [role.name], "removed": [], "source": "bulk_action"},
                request=request,
            )
        return len(objects), 0


class SetActiveStateBulkAction(wagtail_bulk.SetActiveStateBulkAction):
    def check_perm(self, obj):
        return can_manage_account(actor=self.request.user, target=obj)

    def get_execution_context(self):
        return {**super().get_execution_context(), "request": self.request}

    @classmethod
    def execute_action(cls, objects, mark_as_active=False, request=None, **kwargs):
        actor = request.user if request else None
        changed = [
            user
            for user in objects
            if user.is_active != mark_as_active and (actor is None or user.pk != actor.pk)
        ]
        User.objects.filter(pk__in=[user.pk for user in changed]).update(is_active=mark_as_active)
        # A queryset update sends no post_save: tell the caches itself (core.changes).
        people_changed(user_ids=[user.pk for user in changed], reason="account")
        action = AuditAction.ACTIVATED if mark_as_active else AuditAction.DEACTIVATED
        for user in changed:
            audit_record(
                action=action,
                actor=actor,
                target=user,
                details={"source": "bulk_action"},
                request=request,
            )
        return len(changed), 0


class DeleteBulkAction(wagtail_bulk.DeleteBulkAction):
    def check_perm(self, obj):
        return can_delete_account(actor=self.request.user, target=obj)

    def get_execution_context(self):
        return {**super().get_execution_context(), "request": self.request}

    @classmethod
    def execute_action(cls, objects, request=None, **kwargs):
        for user in objects:
            audit_record(
                action=AuditAction.ACCOUNT_DELETED,
                actor=request.user if request else None,
                target=user,
                details={"source": "bulk_action"},
                request=request,
            )
        return super().execute_action(objects, **kwargs)


BULK_ACTIONS = (AssignRoleBulkAction, SetActiveStateBulkAction, DeleteBulkAction)
