"""The SCIM clients and the link between a provisioned account and its SCIM attributes.

The user model is the people app's; what only SCIM needs (``externalId``, the manager Entra
names, a DELETE) lives here, one-to-one with the account, so the people app needs no change.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ScimClient(models.Model):
    """One system allowed to provision accounts (an Entra ID enterprise app), with its own
    bearer token. Only a SHA-256 hash of the token is stored: the token itself is shown once,
    when the client is created. A revoked client's token is refused from then on."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the token, so beheer can tell which token Entra has.
    token_prefix = models.CharField(_("token starts with"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("SCIM client")
        verbose_name_plural = _("SCIM clients")

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ScimIdentity(models.Model):
    """What SCIM knows of one account beyond the account itself. Made on the first SCIM write;
    an account the staff import made has none until Entra changes it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scim_identity"
    )
    external_id = models.CharField(max_length=255, blank=True)
    client = models.ForeignKey(
        ScimClient, on_delete=models.SET_NULL, null=True, related_name="identities"
    )
    # Whom Entra says this person reports to; it decides the department's managers.
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="scim_reports",
    )
    # Entra sent DELETE: the account is switched off (never removed) and SCIM no longer sees
    # it; a later create for the same person links it again.
    released_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("SCIM identity")
        verbose_name_plural = _("SCIM identities")
        constraints = [
            models.UniqueConstraint(
                fields=["external_id"],
                condition=~models.Q(external_id=""),
                name="provisioning_identity_external_id_unique_when_set",
            )
        ]

    def __str__(self) -> str:
        return f"SCIM {self.user_id}"


class ScimManagerLink(models.Model):
    """A department-manager link that SCIM made (Entra says somebody in the department reports
    to this person). SCIM takes away only the links it made: a manager beheer or the staff
    import set for a department stays, whatever Entra sends."""

    department = models.ForeignKey(
        "accounts.Department", on_delete=models.CASCADE, related_name="+"
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("department manager set by SCIM")
        verbose_name_plural = _("department managers set by SCIM")
        constraints = [
            models.UniqueConstraint(
                fields=["department", "manager"], name="provisioning_one_link_per_manager"
            )
        ]

    def __str__(self) -> str:
        return f"SCIM manager {self.manager_id} of {self.department_id}"
