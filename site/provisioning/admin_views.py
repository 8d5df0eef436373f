"""Beheer's screen for the SCIM clients: list, create (the token is shown once), revoke.

Behind ``accounts.import_staff``, the staff import's permission: a token can do what an import
does, so the same people hold both. Writes go through :mod:`provisioning.services`.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from accounts.admin_views import IMPORT_PERMISSION, TitledAdminScreen
from provisioning.models import ScimClient
from provisioning.selectors import scim_clients
from provisioning.services import scim_client_create, scim_client_revoke

PERMISSION = IMPORT_PERMISSION


class ScimClientForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("For example: Entra ID production."),
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if ScimClient.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("There is already a client with this name."))
        return name


class _Permission:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ScimClientListView(_Permission, TitledAdminScreen, FormView):
    """The clients, and the form for a new one. A valid form answers with the new token on
    this one response (never in a URL, a message or a later page)."""

    template_name = "provisioning/admin/clients.html"
    form_class = ScimClientForm
    page_title = gettext_lazy("Provisioning (SCIM)")
    header_icon = "key"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["clients"] = scim_clients()
        context["tenant_url"] = self.request.build_absolute_uri(reverse("scim:root"))
        return context

    def form_valid(self, form):
        client, token = scim_client_create(name=form.cleaned_data["name"], actor=self.request.user)
        context = self.get_context_data(form=self.form_class(), new_client=client, token=token)
        return self.render_to_response(context)  # no-store: core.middleware (logged in)


class ScimClientRevokeView(_Permission, TitledAdminScreen, TemplateView):
    template_name = "provisioning/admin/revoke.html"
    page_title = gettext_lazy("Revoke SCIM token")
    header_icon = "key"
    parent_url_name = "scim_clients"
    parent_label = gettext_lazy("Provisioning (SCIM)")

    def dispatch(self, request, *args, **kwargs):
        self.client = ScimClient.objects.filter(pk=kwargs["client_id"]).first()
        if self.client is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.client.name

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "scim_client": self.client}

    def post(self, request, *args, **kwargs):
        scim_client_revoke(client=self.client, actor=request.user)
        messages.success(
            request,
            _("The token of %(name)s is revoked: Weerbaar refuses it from now on.")
            % {"name": self.client.name},
        )
        return HttpResponseRedirect(reverse("scim_clients"))
