"""The audit log: one test per recorded event (who, whom, what, when, from where), who may read
it in the admin, that nobody can change it, and that a raadslid's learning never enters it."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.audit import audit_record
from accounts.models import AuditAction, AuditEvent, User
from accounts.roles import Role
from accounts.services import user_activate_totp
from modules.council.services import reflection_save
from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from tests.conftest import TEST_TOTP_SECRET, password_login, totp_now
from tests.factories import (
    AudienceFactory,
    DepartmentFactory,
    QuestionFactory,
    QuizFactory,
    module_with_lessons,
    reflection_page,
)
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.accounts import role_group as group
from tests.factories.accounts import user_edit_data as edit_data
from tests.factories.accounts import user_edit_url as edit_url
from tests.factories.quizzes import pass_final_quiz

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Nieuw-wachtwoord-2027!"
AUDIT_LOG = "/admin/rapportages/auditlog/"
# Queries for the audit log page or its export: session, user, MFA, permissions, the page.
QUERY_BUDGET = 14


def only_event() -> AuditEvent:
    return AuditEvent.objects.get()


@pytest.fixture
def beheer(make_user):
    return make_user(Role.MEDEWERKER, Role.BEHEER)


@pytest.fixture
def superuser(make_user):
    return make_user(is_superuser=True)


# -- Changes in the user admin --------------------------------------------------------------


def test_a_role_change_in_the_user_admin_is_recorded(superuser, make_user, mfa_client_for):
    client = mfa_client_for(superuser)
    person = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE)
    groups = [group(Role.MEDEWERKER).pk, group(Role.KERNTEAM).pk]
    assert AuditEvent.objects.count() == 0
    response = client.post(
        edit_url(person), edit_data(person, groups=groups), REMOTE_ADDR="192.0.2.10"
    )
    assert response.status_code == 302
    event = only_event()
    assert event.action == AuditAction.ROLES_CHANGED
    assert (event.actor, event.target) == (superuser, person)
    assert event.details["added"] == [Role.KERNTEAM.group_name]
    assert event.details["removed"] == [Role.LEIDINGGEVENDE.group_name]
    assert event.actor_label.endswith(f"<{superuser.email}>")
    assert person.email in event.target_label
    assert event.ip_address == "192.0.2.10"
    assert timezone.now() - event.created_at < timedelta(minutes=1)


def test_behind_a_trusted_proxy_the_client_address_is_recorded(
    beheer, make_user, mfa_client_for, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    client = mfa_client_for(beheer)
    person = make_user(Role.MEDEWERKER)
    client.post(
        edit_url(person),
        edit_data(person, is_active=None),
        REMOTE_ADDR="10.0.0.2",  # the proxy
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert only_event().ip_address == "198.51.100.7"


def test_the_superuser_flag_is_a_recorded_role_change(superuser, make_user, mfa_client_for):
    client = mfa_client_for(superuser)
    person = make_user(Role.MEDEWERKER)
    client.post(edit_url(person), edit_data(person, is_superuser="on"))
    event = only_event()
    assert event.action == AuditAction.ROLES_CHANGED
    assert event.details["superuser"] is True
    assert event.details["added"] == [] and event.details["removed"] == []


def test_saving_without_changes_records_nothing(beheer, make_user, mfa_client_for):
    client = mfa_client_for(beheer)
    person = make_user(Role.MEDEWERKER)
    assert client.post(edit_url(person), edit_data(person)).status_code == 302
    assert not AuditEvent.objects.exists()


def test_a_password_set_by_a_superuser_is_recorded_not_the_password(
    superuser, make_user, mfa_client_for
):
    client = mfa_client_for(superuser)
    person = make_user(Role.MEDEWERKER)
    client.post(edit_url(person), edit_data(person, password1=NEW_PASSWORD, password2=NEW_PASSWORD))
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    event = only_event()
    assert event.action == AuditAction.PASSWORD_SET_BY_ADMIN
    assert (event.actor, event.target) == (superuser, person)
    assert NEW_PASSWORD not in str(event.details)


def test_an_email_change_by_beheer_is_recorded(beheer, make_user, mfa_client_for):
    client = mfa_client_for(beheer)
    person = make_user(Role.MEDEWERKER, email="oud@weerbaar.test")
    client.post(edit_url(person), edit_data(person, email="nieuw@weerbaar.test"))
    event = only_event()
    assert event.action == AuditAction.EMAIL_CHANGED
    assert event.details["old_email"] == "oud@weerbaar.test"
    assert event.details["new_email"] == "nieuw@weerbaar.test"


def test_deactivating_and_activating_in_the_user_admin_is_recorded(
    beheer, make_user, mfa_client_for
):
    client = mfa_client_for(beheer)
    person = make_user(Role.MEDEWERKER)
    client.post(edit_url(person), edit_data(person, is_active=None))
    person.refresh_from_db()
    assert not person.is_active
    client.post(edit_url(person), edit_data(person, is_active="on"))
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions == [AuditAction.DEACTIVATED, AuditAction.ACTIVATED]


def test_an_account_created_with_roles_is_recorded(superuser, mfa_client_for):
    client = mfa_client_for(superuser)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "nieuw-lid@weerbaar.test",
            "first_name": "Nieuw",
            "last_name": "Lid",
            "groups": [group(Role.GRIFFIE).pk],
            "password1": "",
            "password2": "",
        },
    )
    assert response.status_code == 302
    event = only_event()
    assert event.action == AuditAction.ROLES_CHANGED
    assert event.target == User.objects.get(email="nieuw-lid@weerbaar.test")
    assert event.details["added"] == [Role.GRIFFIE.group_name]


def test_deleting_an_account_is_recorded_and_the_entry_keeps_the_name(
    superuser, make_user, mfa_client_for
):
    client = mfa_client_for(superuser)
    person = make_user(Role.MEDEWERKER, email="vertrokken@weerbaar.test")
    response = client.post(reverse("wagtailusers_users:delete", args=[person.pk]))
    assert response.status_code == 302
    event = only_event()
    assert event.action == AuditAction.ACCOUNT_DELETED
    assert event.target is None  # the account is gone ...
    assert "vertrokken@weerbaar.test" in event.target_label  # ... the entry still says who


# -- Bulk actions ---------------------------------------------------------------------------


def bulk_url(action: str, *users) -> str:
    ids = "&".join(f"id={user.pk}" for user in users)
    return f"/admin/bulk/accounts/user/{action}/?{ids}&next=/admin/users/"


def test_a_bulk_role_assignment_is_recorded_per_person(beheer, make_user, mfa_client_for):
    client = mfa_client_for(beheer)
    first, second = make_user(Role.MEDEWERKER), make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE)
    client.post(bulk_url("assign_role", first, second), {"role": group(Role.LEIDINGGEVENDE).pk})
    event = only_event()  # the second had the role already
    assert (event.action, event.target, event.actor) == (AuditAction.ROLES_CHANGED, first, beheer)
    assert event.details["added"] == [Role.LEIDINGGEVENDE.group_name]


def test_a_bulk_deactivation_is_recorded_per_person(beheer, make_user, mfa_client_for):
    client = mfa_client_for(beheer)
    first, second = make_user(Role.MEDEWERKER), make_user(Role.MEDEWERKER)
    client.post(bulk_url("set_active_state", first, second), {"mark_as_active": "False"})
    assert set(AuditEvent.objects.values_list("action", "target")) == {
        (AuditAction.DEACTIVATED, first.pk),
        (AuditAction.DEACTIVATED, second.pk),
    }


# -- The person's own password and two-step verification (allauth's signals) -----------------


def test_an_own_password_reset_through_allauth_is_recorded(client, make_user):
    person = make_user(Role.MEDEWERKER)
    client.post(reverse("account_reset_password"), {"email": person.email})
    link = re.search(r"https?://[^/]+(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body)
    form_url = client.get(link.group(1), follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    event = only_event()
    assert event.action == AuditAction.PASSWORD_RESET
    assert event.actor == event.target == person
    assert event.ip_address == "127.0.0.1"


def test_an_own_password_change_through_allauth_is_recorded(client, make_user):
    person = make_user(Role.MEDEWERKER)
    password_login(client, person.email)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": TEST_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    event = only_event()
    assert (event.action, event.actor, event.target) == (
        AuditAction.PASSWORD_CHANGED,
        person,
        person,
    )


def test_setting_up_two_step_verification_is_recorded(
    client, make_user, django_capture_on_commit_callbacks
):
    person = make_user(Role.MEDEWERKER, Role.KERNTEAM)
    password_login(client, person.email)
    client.post(
        f"{reverse('account_reauthenticate')}?next={reverse('mfa_activate_totp')}",
        {"password": TEST_PASSWORD},
    )
    client.get(reverse("mfa_activate_totp"))
    secret = client.session[SECRET_SESSION_KEY]
    with django_capture_on_commit_callbacks(execute=True):  # allauth signals after commit
        response = client.post(reverse("mfa_activate_totp"), {"code": totp_now(secret)})
    assert response.status_code == 302
    events = AuditEvent.objects.filter(action=AuditAction.MFA_ADDED, target=person)
    assert {event.details["method"] for event in events} == {"totp", "recovery_codes"}
    assert all(event.actor == person for event in events)


def test_removing_two_step_verification_is_recorded(make_user, mfa_client_for):
    person = make_user(Role.MEDEWERKER)  # not a role that must keep it
    client = mfa_client_for(person)
    assert AuditEvent.objects.count() == 0
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302
    if response["Location"].startswith(reverse("account_reauthenticate")):
        # allauth asks to confirm with the password first, then carries out the request.
        client.post(response["Location"], {"password": TEST_PASSWORD}, follow=True)
    assert not Authenticator.objects.filter(user=person, type="totp").exists()
    events = AuditEvent.objects.filter(action=AuditAction.MFA_REMOVED, target=person)
    assert "totp" in {event.details["method"] for event in events}


# -- Beheer resets someone's two-step verification -------------------------------------------


def reset_url(user) -> str:
    return reverse("wagtailusers_users:reset_mfa", args=[user.pk])


def test_beheer_resets_two_step_verification_and_the_person_sets_it_up_again(
    beheer, make_user, mfa_client_for, client
):
    person = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE)
    user_activate_totp(user=person, secret=TEST_TOTP_SECRET)
    client = mfa_client_for(beheer)
    assert "Tweestapsverificatie herstellen" in client.get(edit_url(person)).content.decode()
    page = client.get(reset_url(person))
    assert page.status_code == 200
    assert "kwijt" in page.content.decode() or "telefoon" in page.content.decode()

    # Without the confirmation tick nothing happens.
    assert client.post(reset_url(person), {}).status_code == 400
    assert Authenticator.objects.filter(user=person).count() == 2

    response = client.post(reset_url(person), {"confirm": "yes"}, REMOTE_ADDR="192.0.2.20")
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=person).exists()
    event = only_event()
    assert (event.action, event.actor, event.target) == (AuditAction.MFA_RESET, beheer, person)
    assert sorted(event.details["methods"]) == ["recovery_codes", "totp"]
    assert event.ip_address == "192.0.2.20"

    # Their next admin visit asks them to set up two-step verification again.
    client.logout()
    password_login(client, person.email)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("role", [Role.KERNTEAM, Role.GRIFFIE, Role.BEHEER])
def test_only_a_superuser_resets_two_step_verification_of_an_admin_role(
    beheer, superuser, make_user, mfa_client_for, role
):
    person = make_user(Role.MEDEWERKER, role)
    user_activate_totp(user=person, secret=TEST_TOTP_SECRET)
    client = mfa_client_for(beheer)
    assert client.get(reset_url(person)).status_code == 403
    assert client.post(reset_url(person), {"confirm": "yes"}).status_code == 403
    assert Authenticator.objects.filter(user=person).exists()
    assert not AuditEvent.objects.exists()
    client.logout()
    client = mfa_client_for(superuser)
    assert client.post(reset_url(person), {"confirm": "yes"}).status_code == 302
    assert not Authenticator.objects.filter(user=person).exists()


def test_nobody_resets_their_own_two_step_verification(beheer, mfa_client_for):
    client = mfa_client_for(beheer)
    assert client.post(reset_url(beheer), {"confirm": "yes"}).status_code == 403
    assert Authenticator.objects.filter(user=beheer, type="totp").exists()


# -- The staff import's deactivations and reactivations --------------------------------------

HEADER = b"personeelsnummer;naam;e-mail;afdeling\n"
LARS = b"1001;Lars Jansen;l.jansen@dordrecht.nl;PZ\n"
NOOR = b"1002;Noor Bakker;n.bakker@dordrecht.nl;PZ\n"
HEADER_WITH_ROLE = b"personeelsnummer;naam;e-mail;afdeling;rol\n"


def test_the_nightly_import_records_deactivations_and_reactivations(tmp_path):
    DepartmentFactory(name="Publiekszaken", code="PZ")
    path = tmp_path / "hr.csv"
    path.write_bytes(HEADER + LARS + NOOR)
    call_command("import_staff", str(path), "--apply", stdout=StringIO())
    assert not AuditEvent.objects.exists()  # creating accounts is no access change

    path.write_bytes(HEADER + LARS)
    call_command(
        "import_staff", str(path), "--apply", "--allow-mass-deactivation", stdout=StringIO()
    )
    noor = User.objects.get(personnel_number="1002")
    event = only_event()
    assert (event.action, event.target, event.actor) == (AuditAction.DEACTIVATED, noor, None)
    assert event.ip_address is None and event.details["source"] == "staff_import"

    path.write_bytes(HEADER + LARS + NOOR)
    call_command("import_staff", str(path), "--apply", stdout=StringIO())
    assert AuditEvent.objects.filter(action=AuditAction.ACTIVATED, target=noor).exists()


def test_an_import_applied_by_beheer_records_beheer_as_the_actor(beheer, mfa_client_for):
    DepartmentFactory(name="Publiekszaken", code="PZ")
    client = mfa_client_for(beheer)

    def upload_and_apply(content: bytes) -> None:
        response = client.post(
            reverse("staff_import"), {"file": SimpleUploadedFile("hr.csv", content, "text/csv")}
        )
        preview = client.get(response["Location"]).content.decode()
        plan = re.search(r'name="plan" value="([0-9a-f]+)"', preview).group(1)
        client.post(response["Location"], {"plan": plan, "bevestig_uitzetten": "ja"})

    upload_and_apply(HEADER + LARS + NOOR + b"1003;Ria Vos;r.vos@dordrecht.nl;PZ\n")
    upload_and_apply(HEADER + LARS + NOOR)
    event = only_event()
    assert event.action == AuditAction.DEACTIVATED
    assert event.actor == beheer and event.ip_address == "127.0.0.1"
    assert event.target == User.objects.get(personnel_number="1003")


def test_the_import_records_a_change_of_the_leidinggevende_role(tmp_path):
    DepartmentFactory(name="Publiekszaken", code="PZ")
    path = tmp_path / "hr.csv"
    path.write_bytes(HEADER_WITH_ROLE + b"1001;Lars Jansen;l.jansen@dordrecht.nl;PZ;medewerker\n")
    call_command("import_staff", str(path), "--apply", stdout=StringIO())
    path.write_bytes(
        HEADER_WITH_ROLE + b"1001;Lars Jansen;l.jansen@dordrecht.nl;PZ;leidinggevende\n"
    )
    call_command("import_staff", str(path), "--apply", stdout=StringIO())
    event = only_event()
    assert event.action == AuditAction.ROLES_CHANGED
    assert event.details["added"] == [Role.LEIDINGGEVENDE.group_name]


# -- Reading the log ------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.KERNTEAM, Role.BEHEER])
def test_kernteam_and_beheer_read_the_audit_log(make_user, mfa_client_for, role):
    reader = make_user(Role.MEDEWERKER, role)
    target = make_user(Role.MEDEWERKER, last_name="Doelwit")
    audit_record(action=AuditAction.DEACTIVATED, actor=None, target=target)
    client = mfa_client_for(reader)
    response = client.get(AUDIT_LOG)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Doelwit" in html and "Account gedeactiveerd" in html
    assert AUDIT_LOG in client.get("/admin/").content.decode()  # in the Reports menu


@pytest.mark.parametrize("role", [Role.LEIDINGGEVENDE, Role.GRIFFIE])
def test_other_admin_roles_cannot_read_the_audit_log(make_user, mfa_client_for, role):
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    assert client.get(AUDIT_LOG).status_code == 403
    assert client.get(f"{AUDIT_LOG}?export=csv").status_code == 403
    assert AUDIT_LOG not in client.get("/admin/").content.decode()


def test_a_medewerker_cannot_read_the_audit_log(client, make_user):
    password_login(client, make_user(Role.MEDEWERKER).email)
    assert client.get(AUDIT_LOG).status_code == 403


def test_the_audit_log_filters_and_exports(beheer, make_user, mfa_client_for):
    anna = make_user(Role.MEDEWERKER, first_name="Anna", last_name="Smit")
    bram = make_user(Role.MEDEWERKER, first_name="Bram", last_name="Vos")
    audit_record(action=AuditAction.DEACTIVATED, actor=beheer, target=anna)
    audit_record(
        action=AuditAction.ROLES_CHANGED,
        actor=beheer,
        target=bram,
        details={"added": ["Leidinggevende"], "removed": []},
    )
    old = audit_record(action=AuditAction.ACTIVATED, actor=None, target=anna)
    AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    client = mfa_client_for(beheer)

    def targets(query: str) -> set[str]:
        rows = client.get(f"{AUDIT_LOG}?{query}").context["object_list"]
        return {row.target_label.split(" <")[0] for row in rows}

    assert targets("action=roles_changed") == {"Bram Vos"}
    assert targets("target=smit") == {"Anna Smit"}
    assert targets(f"actor={beheer.email}") == {"Anna Smit", "Bram Vos"}
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    assert len(client.get(f"{AUDIT_LOG}?created_at_from={since}").context["object_list"]) == 2

    export = client.get(f"{AUDIT_LOG}?export=csv&action=roles_changed")
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert len(rows) == 2 and "Bram Vos" in rows[1][3] and "Leidinggevende" in rows[1][4]
    xlsx = client.get(f"{AUDIT_LOG}?export=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.getvalue())).active
    assert sheet.max_row == 4  # heading + three entries


def test_nobody_can_change_or_delete_an_entry(make_user):
    event = audit_record(action=AuditAction.DEACTIVATED, actor=None, target=make_user())
    # No role can even be given the right: the permissions do not exist.
    assert not Permission.objects.filter(
        content_type__app_label="accounts",
        codename__in=["add_auditevent", "change_auditevent", "delete_auditevent"],
    ).exists()
    event.details = {"vervalst": True}
    with pytest.raises(ValueError):
        event.save()


def test_no_edit_or_delete_screens_exist_for_the_audit_log(make_user, mfa_client_for):
    event = audit_record(action=AuditAction.DEACTIVATED, actor=None, target=make_user())
    client = mfa_client_for(make_user(is_superuser=True))
    for path in (
        f"/admin/snippets/accounts/auditevent/edit/{event.pk}/",
        f"/admin/snippets/accounts/auditevent/delete/{event.pk}/",
        f"{AUDIT_LOG}{event.pk}/",
    ):
        assert client.post(path).status_code == 404, path
    assert AuditEvent.objects.filter(pk=event.pk).exists()


# -- A raadslid's learning stays out ----------------------------------------------------------


def test_a_raadslids_learning_never_enters_the_audit_log(make_user):
    audience = AudienceFactory(name="Raadsleden", roles=[Role.RAADSLID])
    quiz = QuizFactory(questions=[QuestionFactory(), QuestionFactory()])
    module = module_with_lessons(lessons=2, audience=audience, final_quiz=quiz)
    page = reflection_page(audience=audience)
    member = make_user(Role.RAADSLID)

    lesson_complete(user=member, lesson=module_lessons(module=module)[0])
    pass_final_quiz(member, module)
    reflection_save(
        user=member, page=page, answers={page.statements[0].id: "partly"}, notes="Privé"
    )
    assert not AuditEvent.objects.exists()

    # And the log has no place for it: only these fields, none about learning.
    assert {field.name for field in AuditEvent._meta.get_fields()} == {
        "id",
        "created_at",
        "action",
        "actor",
        "actor_label",
        "target",
        "target_label",
        "details",
        "ip_address",
    }
    assert set(AuditAction.values) == {
        "roles_changed",
        "password_set_by_admin",
        "password_reset",
        "password_changed",
        "mfa_added",
        "mfa_removed",
        "mfa_reset",
        "activated",
        "deactivated",
        "email_changed",
        "account_deleted",
        "retake_granted",  # a kernteam decision on a staff request; raadsleden never make one
        "attempts_regraded",  # counts only, no person: target is empty
        "content_pack_imported",  # the pack, its version and counts: no learner data
        "team_discussion",  # a module discussed by a department on a day: no learner data
        "profile_changed",  # SCIM: name, personnel number, department, manager; no learning
        "managed_departments",  # SCIM: department-manager links; no learning
        "evidence_pack_exported",  # the file's name and checksum: aggregates only
    }


@pytest.mark.parametrize("entries", [3, 30])
def test_the_audit_log_reads_a_fixed_number_of_queries(
    entries, beheer, make_user, mfa_client_for, django_assert_max_num_queries
):
    """The page and its export cost the same whether the log holds 3 entries or 30."""
    for number in range(entries):
        audit_record(
            action=AuditAction.DEACTIVATED,
            actor=beheer,
            target=make_user(Role.MEDEWERKER, first_name=f"Persoon{number}"),
        )
    client = mfa_client_for(beheer)
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(AUDIT_LOG)
    assert response.status_code == 200
    assert len(response.context["object_list"]) == entries
    with django_assert_max_num_queries(QUERY_BUDGET):
        export = client.get(f"{AUDIT_LOG}?export=csv")
        content = b"".join(export.streaming_content).decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(content), delimiter=";"))) == entries + 1
