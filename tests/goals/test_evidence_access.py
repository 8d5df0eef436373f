"""The evidence pack's page and download: the kernteam only (the targets' rule), everybody
else refused at both URLs without a menu item; a constant number of queries whatever the
size of the organisation and the number of frozen months."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import AuditAction, AuditEvent
from accounts.roles import Role
from modules.awareness.models import SessionKind
from modules.goals.evidence import build_pack, read_manifest, verify_pack
from modules.goals.services import snapshot_month
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from modules.reporting.receivers import flush_pending
from tests.factories import AudienceFactory, DepartmentFactory, a_session, module_with_lessons
from tests.goals.builders import at, attend, person

pytestmark = pytest.mark.django_db

PAGE, DOWNLOAD = "goal_evidence:index", "goal_evidence:download"


def test_the_kernteam_sees_the_page_and_downloads_the_pack(kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    assert reverse(PAGE) in client.get(reverse("wagtailadmin_home")).content.decode()
    page = client.get(reverse(PAGE))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Bewijsdossier" in html and f'method="post" action="{reverse(DOWNLOAD)}"' in html
    # A link or a prefetch (GET) exports nothing and writes no audit entry.
    assert client.get(reverse(DOWNLOAD)).status_code == 405
    assert not AuditEvent.objects.filter(action=AuditAction.EVIDENCE_PACK_EXPORTED).exists()
    response = client.post(reverse(DOWNLOAD))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="bewijsdossier-')
    assert verify_pack(response.content) == []
    assert read_manifest(response.content)["geexporteerd_door"] == f"{kernteam_user} (kernteam)"
    # The export is in the audit log, with the checksum of exactly the file handed out.
    entry = AuditEvent.objects.get(action=AuditAction.EVIDENCE_PACK_EXPORTED)
    assert entry.actor == kernteam_user and entry.target is None
    assert entry.details["sha256"] == hashlib.sha256(response.content).hexdigest()
    assert response["Content-Disposition"] == f'attachment; filename="{entry.details["file"]}"'


@pytest.mark.parametrize(
    "roles",
    [
        (Role.MEDEWERKER,),
        (Role.MEDEWERKER, Role.LEIDINGGEVENDE),
        (Role.MEDEWERKER, Role.BEHEER),
        (Role.RAADSLID,),
        (Role.GRIFFIE,),
    ],
    ids=["staff", "manager", "hr", "raadslid", "griffie"],
)
def test_other_roles_are_refused(roles, make_user, mfa_client_for):
    user = make_user(*roles, department=DepartmentFactory(name="Publiekszaken"))
    if Role.LEIDINGGEVENDE in roles:
        user.department.managers.add(user)
    client = mfa_client_for(user)
    for name, method in ((PAGE, client.get), (DOWNLOAD, client.get), (DOWNLOAD, client.post)):
        response = method(reverse(name))
        assert response.status_code in (302, 403), name
        assert response.get("Content-Type") != "application/zip"
        if response.status_code == 302:
            assert not response["Location"].startswith(reverse(PAGE))
    assert not AuditEvent.objects.filter(action=AuditAction.EVIDENCE_PACK_EXPORTED).exists()
    if Role.RAADSLID not in roles:
        assert reverse(PAGE) not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    for name, method in ((PAGE, client.get), (DOWNLOAD, client.get), (DOWNLOAD, client.post)):
        response = method(reverse(name))
        assert response.status_code == 302
        assert "login" in response["Location"]


def grow(count: int, *, module, session, months: list[date]) -> None:
    """``count`` more people over two new departments, each assigned, attending and
    completing, and the given months frozen."""
    departments = [DepartmentFactory(), DepartmentFactory()]
    (lesson,) = module_lessons(module=module)
    for i in range(count):
        user = person(departments[i % 2], start=date(2025, 1, 1))
        attend(user, session, date(2026, 3, 1))
        if i % 3:
            lesson_complete(user=user, lesson=lesson)
    flush_pending()
    for month in months:
        snapshot_month(month=month)


def test_the_pack_takes_the_same_queries_at_two_sizes(kernteam_user, mfa_client_for):
    module = module_with_lessons(lessons=1)
    assignment_create(
        module=module, audience=AudienceFactory(roles=[Role.MEDEWERKER]), due_days_after_start=30
    )
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=at(date(2026, 3, 1)))
    client = mfa_client_for(kernteam_user)

    def count() -> tuple[int, int, int]:
        with CaptureQueriesContext(connection) as built:
            build_pack(exported_by="Test")
        with CaptureQueriesContext(connection) as downloaded:
            assert client.post(reverse(DOWNLOAD)).status_code == 200
        with CaptureQueriesContext(connection) as page:
            assert client.get(reverse(PAGE)).status_code == 200
        return len(built), len(downloaded), len(page)

    # Fifteen: the organisation's completions show (ten of fifteen), so the small pack keeps
    # what it showed as the large one does (one insert).
    grow(15, module=module, session=session, months=[date(2026, 6, 1)])
    small = count()
    grow(24, module=module, session=session, months=[date(2026, 7, 1), date(2026, 8, 1)])
    assert count() == small
    # Ten reads and writes, and the savepoint around the completions' comparison with the
    # earlier publications and its release (the lock, on PostgreSQL one more).
    assert small[0] <= 12 if connection.vendor == "sqlite" else small[0] <= 13
