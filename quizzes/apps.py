from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    label = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self) -> None:
        # Inside ready(): the receivers import models, which are not loaded when apps.py is.
        from quizzes.receivers import connect

        # Writes move the version stamps of the caches (core.changes).
        connect()
