"""What the site remembers of imported packs: which object each item became, and a log of
imports (shown in the admin, next to the audit log entry)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from modules.contentpacks.format import KINDS


class PackItemKind(models.TextChoices):
    MODULE = "module", _("module")
    LESSON = "lesson", _("lesson")
    POOL = "pool", _("question pool")
    QUESTION = "question", _("question")
    TREND = "trend", _("trend")
    SESSION_TEMPLATE = "session_template", _("session template")
    REFLECTION = "reflection", _("reflection page")


# The format and the model agree on the kinds.
assert tuple(PackItemKind.values) == KINDS


class PackItem(models.Model):
    """One item of a pack and the object it became on this site.

    Importing the same pack again looks the item up by (pack, kind, key) and updates that
    object, even after the kernteam renamed its slug; ``checksum`` is the item's content as
    last imported, so an unchanged item is skipped (no new revision, no new question version).
    """

    pack_key = models.CharField(_("pack"), max_length=80)
    kind = models.CharField(_("kind"), max_length=32, choices=PackItemKind.choices)
    key = models.CharField(_("key"), max_length=170)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    checksum = models.CharField(max_length=64)
    imported_at = models.DateTimeField(_("first imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("pack item")
        verbose_name_plural = _("pack items")
        constraints = [
            models.UniqueConstraint(
                fields=["pack_key", "kind", "key"], name="contentpacks_item_unique_key"
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.pack_key}:{self.kind}:{self.key}"


class PackImport(models.Model):
    """One import (dry runs are not recorded): who, when, which pack and version, what it
    made or changed per kind."""

    pack_key = models.CharField(_("pack"), max_length=80)
    pack_version = models.CharField(_("version"), max_length=80, blank=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    applied = models.BooleanField(_("applied"), default=False)
    published = models.BooleanField(_("published at once"), default=False)
    counts = models.JSONField(_("counts"), default=dict)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("pack import")
        verbose_name_plural = _("pack imports")
        permissions = [("import_pack", _("Can import content packs"))]

    def __str__(self) -> str:
        return f"{self.pack_key} {self.pack_version}"
