"""The HR staff import (being split into reader, plan and apply; for now all in ``plan``)."""

from accounts.staff_import.plan import (
    MAX_ROWS,
    ImportFileError,
    ImportPlan,
    MassDeactivationRefused,
    PlanChanged,
    apply_import,
    plan_import,
    read_rows,
)

__all__ = [
    "MAX_ROWS",
    "ImportFileError",
    "ImportPlan",
    "MassDeactivationRefused",
    "PlanChanged",
    "apply_import",
    "plan_import",
    "read_rows",
]
