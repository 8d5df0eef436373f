"""The demo's packs alone rebuild the demo's content: imported into a site that has only a home
page, the three overviews and the audiences the packs name, they give the same modules,
lessons, quizzes, pools, questions, trends, reflection and session templates as
``load_demo`` (compared as a normalized dump, block ids included)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.roles import Role
from accounts.services import audience_create
from demo.content.people import AUDIENCE_ALL_STAFF, AUDIENCE_COUNCIL
from demo.content.plan import DEMO_PACKS
from demo.content.teamwork import CONTACT_PERSON_AUDIENCE
from demo.loader import PACKS_DIR, load_demo
from home.services import site_install_home_page
from modules.contentpacks.importer import pack_apply, pack_read
from modules.learning.services import module_index_create
from modules.trends.services import trend_index_create
from tests.contentpacks.compare import assert_same_content, content_dump


def _empty_site_with_the_packs() -> dict:
    home = site_install_home_page(title="Voorbeeld", intro="<p>Voorbeeld</p>")
    module_index_create(parent=home, title="Leermodules", slug="leermodules")
    trend_index_create(parent=home, title="Trends", slug="trends")
    audience_create(**AUDIENCE_ALL_STAFF, roles=[Role.MEDEWERKER])
    audience_create(**AUDIENCE_COUNCIL, roles=[Role.RAADSLID])
    audience_create(**CONTACT_PERSON_AUDIENCE, roles=[Role.AANDACHTSFUNCTIONARIS])
    for key in DEMO_PACKS:
        pack_apply(pack_read(PACKS_DIR / key), by=None, publish=True)
    return content_dump(block_ids=True)


def test_the_packs_rebuild_the_demo_content_on_an_empty_site(db):
    with transaction.atomic():
        from_packs = _empty_site_with_the_packs()
        transaction.set_rollback(True)
    load_demo(seed=2026, today=timezone.localdate(), history=False)
    assert from_packs["modules"], "the packs made no modules"
    assert_same_content(content_dump(block_ids=True), from_packs)
