"""Questions, quizzes, pools and session templates have no drafts: the dry run says which
changes apply at once, the admin asks for a confirmation before it imports them, and a draw
rule the pools cannot fill after the import is an error."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from modules.contentpacks import format as fmt
from modules.contentpacks.admin_views import CONFIRM_FIELD
from modules.contentpacks.importer import pack_apply, pack_check, pack_read
from modules.contentpacks.models import PackImport
from quizzes.models import Question, Quiz
from tests.contentpacks.test_import_errors import _refused

pytestmark = pytest.mark.django_db

NEW_TEXT = "Wat doe je als je twijfelt? (gewijzigd)"


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def _imported_then_changed(pack_builder, tmp_path):
    pack_apply(pack_read(pack_builder.write()), by=None, publish=True)
    changed = pack_builder.copy(tmp_path / "v2")
    changed.question("signalen", "melden-routes")["text"] = NEW_TEXT
    changed.module("signalen")["final_quiz"]["pass_mark"] = 90
    return changed


def _upload(client, archive):
    with archive.open("rb") as handle:
        return client.post(reverse("content_pack_import"), {"file": handle})


def test_the_plan_marks_changed_questions_and_quizzes_as_immediate(
    pack_site, pack_builder, tmp_path
):
    changed = _imported_then_changed(pack_builder, tmp_path)
    plan = pack_check(pack_read(changed.write()))
    assert plan.ok, plan.error_lines()
    immediate = {(entry.kind, entry.key) for entry in plan.immediate}
    assert (fmt.KIND_QUESTION, "signalen/melden-routes") in immediate
    assert (fmt.KIND_MODULE, "signalen") in immediate
    # A page that is not a module with a quiz is a draft, not immediate.
    assert all(kind != fmt.KIND_LESSON for kind, _key in immediate)
    # A first import changes nothing that exists: nothing is immediate.
    assert pack_check(pack_read(pack_builder.copy(tmp_path / "v3").write())).immediate == []


def test_the_command_says_what_applies_at_once(pack_site, pack_builder, tmp_path, capsys):
    changed = _imported_then_changed(pack_builder, tmp_path)
    call_command("import_content_pack", str(changed.write()))
    out = capsys.readouterr().out
    assert "Geldt direct: question signalen/melden-routes" in out
    assert "hebben geen concept" in out


def test_the_admin_import_needs_the_confirmation(
    pack_site, pack_builder, tmp_path, kernteam_user, mfa_client_for
):
    changed = _imported_then_changed(pack_builder, tmp_path)
    client = mfa_client_for(kernteam_user)
    _upload(client, changed.zip(tmp_path / "v2.zip"))
    page = client.get(reverse("content_pack_preview")).content.decode()
    assert "geldt direct" in page
    assert "Ik begrijp dat gewijzigde vragen en toetsinstellingen direct gelden" in page
    imports = PackImport.objects.count()

    response = client.post(reverse("content_pack_preview"))
    assert response.status_code == 400
    assert "Vink het vakje aan" in response.content.decode()
    assert PackImport.objects.count() == imports
    assert not Question.objects.filter(text=NEW_TEXT).exists()
    assert Quiz.objects.filter(pass_mark=90).count() == 0

    response = client.post(reverse("content_pack_preview"), {CONFIRM_FIELD: "1"})
    assert response.status_code == 302
    assert PackImport.objects.count() == imports + 1
    assert Question.objects.filter(text=NEW_TEXT).exists()


def test_a_draw_rule_the_pool_cannot_fill_is_an_error(pack_site, pack_builder):
    rule = pack_builder.module("signalen")["final_quiz"]["draw"][0]
    questions = [q for q in pack_builder.pool("signalen")["questions"] if q["is_active"]]
    rule["count"] = len(questions) + 1
    lines = _refused(pack_builder.write())
    assert (
        f"modules/signalen.json, final_quiz.draw[0].count: Deze regel vraagt {rule['count']} "
        f'vragen uit pool "signalen", maar na de import heeft die pool maar {len(questions)} '
        "actieve vragen." in lines
    ), lines


def test_an_inactive_question_does_not_fill_a_rule(pack_site, pack_builder):
    rule = pack_builder.module("signalen")["final_quiz"]["draw"][0]
    questions = [q for q in pack_builder.pool("signalen")["questions"] if q["is_active"]]
    rule["count"] = len(questions)
    questions[0]["is_active"] = False
    lines = _refused(pack_builder.write())
    assert any("final_quiz.draw[0].count: Deze regel vraagt" in line for line in lines), lines
