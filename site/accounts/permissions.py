"""What each role may do, declared in one place and synced to the database after migrate.

Model permissions decide which Wagtail admin menus a role sees; page and collection permissions
decide which parts of the page tree and media library it may edit. Medewerker and raadslid have no
admin access at all.

To give a role more rights, add the permission here; the next ``migrate`` applies it. Rights that
are no longer declared are taken away, so the declaration is the whole truth.
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from accounts.roles import Role
from core.tree import ensure_wagtail_roots

# "app_label.codename" model permissions per role.
ROLE_MODEL_PERMISSIONS: dict[Role, set[str]] = {
    Role.MEDEWERKER: set(),
    Role.RAADSLID: set(),
    # Contact persons learn and meet at the casustafel; they have no admin access.
    Role.AANDACHTSFUNCTIONARIS: set(),
    # Managers use the admin only for the completion reports of their own departments.
    Role.LEIDINGGEVENDE: {"wagtailadmin.access_admin", "modules.view_completion_report"},
    Role.KERNTEAM: {
        "wagtailadmin.access_admin",
        "accounts.add_audience",
        "accounts.change_audience",
        "accounts.delete_audience",
        "accounts.view_audience",
        "accounts.view_auditevent",
        "accounts.view_department",
        "home.change_reportingroutes",
        "modules.add_assignment",
        "modules.change_assignment",
        "modules.delete_assignment",
        "modules.view_assignment",
        "modules.view_completion_report",
        # Requests for a new round of final-quiz attempts (modules.learning.retakes).
        "modules.change_retakerequest",
        "modules.view_retakerequest",
        # Team meetings on a werkoverleg kit: seen, and removed when recorded by mistake; they
        # are recorded only through the kit page's form (modules.learning.team_kit).
        "modules.delete_teamdiscussion",
        "modules.view_teamdiscussion",
        "awareness.change_registration",
        "awareness.view_registration",
        "awareness.add_sessiontemplate",
        "awareness.change_sessiontemplate",
        "awareness.delete_sessiontemplate",
        "awareness.view_sessiontemplate",
        # Partners' SCORM packages (modules.scorm): upload, retitle, remove.
        "scorm.add_scormpackage",
        "scorm.change_scormpackage",
        "scorm.delete_scormpackage",
        "scorm.view_scormpackage",
        "quizzes.add_question",
        "quizzes.change_question",
        "quizzes.delete_question",
        "quizzes.view_question",
        "quizzes.add_quiz",
        "quizzes.change_quiz",
        "quizzes.delete_quiz",
        "quizzes.view_quiz",
        "quizzes.add_questionpool",
        "quizzes.change_questionpool",
        "quizzes.view_questionpool",
        "quizzes.view_item_analysis",
        # Regrade attempts after fixing a key (modules.learning.regrade).
        "quizzes.regrade_attempt",
        # Import content packs in the admin (modules.contentpacks).
        "contentpacks.import_pack",
        "modules.export_yearly_overview",
        "reminders.change_reminderschedule",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    },
    # The griffie sees the council's participation as aggregates and recommends modules.
    Role.GRIFFIE: {
        "wagtailadmin.access_admin",
        "council.add_councilrecommendation",
        "council.change_councilrecommendation",
        "council.delete_councilrecommendation",
        "council.view_councilrecommendation",
        "council.view_council_participation",
        # "Weerbaarheid in cijfers" for the council, yearly and quarterly (aggregates only,
        # groups under five hidden: modules.reporting.yearly); the griffie passes it on.
        "modules.export_yearly_overview",
    },
    Role.BEHEER: {
        "wagtailadmin.access_admin",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_user",
        "accounts.add_department",
        "accounts.change_department",
        "accounts.view_department",
        "accounts.view_audience",
        "accounts.view_auditevent",
        "accounts.import_staff",
        "reminders.change_reminderschedule",
        "modules.view_completion_report",
        # Emails the mail server refused, retried and given up (core.mail).
        "core.view_emailfailure",
    },
}

# Page permissions on the whole tree (granted at the root page).
ROLE_PAGE_PERMISSIONS: dict[Role, set[str]] = {
    Role.KERNTEAM: {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"},
}

# Image and document permissions on the root collection (so on every collection).
ROLE_COLLECTION_PERMISSIONS: dict[Role, set[str]] = {
    Role.KERNTEAM: {
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    },
}


WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def _permissions(qualified: set[str]) -> list[Permission]:
    perms = []
    for name in sorted(qualified):
        app_label, codename = name.split(".", 1)
        perms.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return perms


@transaction.atomic
def sync_role_groups() -> dict[Role, Group]:
    """Create the role groups and give each exactly its declared permissions."""

    # Wagtail's first migrations create "Editors" and "Moderators"; our roles replace them.
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups: dict[Role, Group] = {}
    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.group_name)
        groups[role] = group
        group.permissions.set(_permissions(ROLE_MODEL_PERMISSIONS.get(role, set())))

        page_perms = _permissions(
            {f"wagtailcore.{codename}" for codename in ROLE_PAGE_PERMISSIONS.get(role, set())}
        )
        GroupPagePermission.objects.filter(group=group).exclude(
            page=root_page, permission__in=page_perms
        ).delete()
        for perm in page_perms:
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=perm)

        collection_perms = _permissions(ROLE_COLLECTION_PERMISSIONS.get(role, set()))
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection, permission__in=collection_perms
        ).delete()
        for perm in collection_perms:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=perm
            )
    return groups


def sync_roles_after_migrate(sender, using="default", verbosity=1, **kwargs) -> None:
    """post_migrate handler (connected in AccountsConfig.ready).

    Django creates each app's permissions in its own post_migrate handler, and apps after
    ``accounts`` have not had theirs yet, so create all of them first (idempotent). After a
    ``flush`` Wagtail's root page and collection are gone too; they are put back first, since
    the page and collection permissions are granted on them.
    """
    ensure_wagtail_roots(using=using)
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_role_groups()
