"""The HR staff import: read an export (CSV or XLSX), plan the changes, apply them at once.

What lives where:

* :mod:`.reader`: a file becomes raw rows (:func:`read_rows`); the limits on what is read
  (rows, cell length, unpacked XLSX size, time) and :class:`ImportFileError` with a Dutch
  message for every way a file can be unreadable. No database.
* :mod:`.cleaning`: one raw row becomes a :class:`StaffRow` or its Dutch row errors
  (:class:`RowError`): personnel number, email, name, department, dates, role.
* :mod:`.plan`: the dry run, :func:`plan_import`: rows + database -> :class:`ImportPlan`
  (who is created, updated, (de/re)activated, left alone; department managers). Reads only,
  a fixed number of queries.
* :mod:`.apply`: :func:`apply_import` plans again inside one transaction and carries the plan
  out in bulk (a number of queries that does not grow with the rows beyond one per batch);
  :class:`PlanChanged` and :class:`MassDeactivationRefused` when it refuses.

The admin screen (:mod:`accounts.admin_views`) and the nightly ``import_staff`` command share
these functions; the names below are re-exported so callers import from this package.

Rules:

* People are matched by personnel number, else by email address (an account made by hand
  gets its personnel number this way; with SSO the first login then finds the account by that
  same address).
* The import manages only what HR knows: name, email, department, start and end date, and the
  roles medewerker and leidinggevende. Other roles (kernteam, beheer, griffie, raadslid) are
  never touched.
* Leavers (an end date in the past, or no longer in the file) are deactivated, never deleted:
  their history stays, and they are active again when they come back in the file. An account
  beheer switched off by hand stays off. Accounts without a personnel number (council members,
  external accounts), superusers and admin roles are never switched off by a file, and a row
  never changes a superuser or an admin-role account (they are listed as left alone).
* A file with any error applies nothing; importing the same file twice changes nothing.
"""

from accounts.staff_import.apply import MassDeactivationRefused, PlanChanged, apply_import
from accounts.staff_import.cleaning import RowError, StaffRow
from accounts.staff_import.plan import ImportPlan, PersonChange, plan_import
from accounts.staff_import.reader import MAX_ROWS, ImportFileError, read_rows

__all__ = [
    "MAX_ROWS",
    "ImportFileError",
    "ImportPlan",
    "MassDeactivationRefused",
    "PersonChange",
    "PlanChanged",
    "RowError",
    "StaffRow",
    "apply_import",
    "plan_import",
    "read_rows",
]
