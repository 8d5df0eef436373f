from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class TrendsConfig(AppConfig):
    name = "modules.trends"
    label = "trends"
    verbose_name = _("Trends and signals")

    def ready(self):
        # Inside ready(): the workflow imports models, which are not loaded when apps.py is.
        from modules.trends.receivers import connect as connect_change_notices
        from modules.trends.workflow import (
            connect_task_submitted,
            ensure_four_eyes_workflow_after_migrate,
        )

        post_migrate.connect(ensure_four_eyes_workflow_after_migrate, sender=self)
        # Before wagtail.admin's ready(): our review request replaces its "submitted" email.
        connect_task_submitted()
        # Writes move the version stamps of the caches (core.changes).
        connect_change_notices()
