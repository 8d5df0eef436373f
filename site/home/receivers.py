"""What the home app's writes change for the caches (see ``core.changes``): the reporting
routes and contact persons show on every page that says where to report. Connected in
``HomeConfig.ready``."""

from __future__ import annotations

from core.changes import watch_everybody
from home.models import DepartmentContact, ReportingRoutes


def connect() -> None:
    watch_everybody(ReportingRoutes, reason="content", settings_row=True)
    watch_everybody(DepartmentContact, reason="content")
