"""``manage.py import_content_pack``: a dry run by default, --apply and --publish, and a
non-zero exit with the Dutch errors."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from modules.contentpacks.models import PackImport
from modules.learning.models import ModulePage

pytestmark = pytest.mark.django_db


def _run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_content_pack", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_default_is_a_dry_run(pack_site, pack_builder):
    out, err = _run(str(pack_builder.write()))
    assert "module: 2 new, 0 changed, 0 unchanged" in out
    assert "Dry run: nothing was changed." in out and err == ""
    assert not ModulePage.objects.exists()


def test_apply_and_publish(pack_site, pack_builder):
    folder = str(pack_builder.write())
    out, _err = _run(folder, "--apply", "--publish")
    assert "Imported voorbeeld 2026.12 (published)." in out
    assert ModulePage.objects.get(slug="signalen-herkennen").live
    out, _err = _run(folder, "--apply")
    assert "module: 0 new, 0 changed, 2 unchanged" in out
    assert PackImport.objects.count() == 2


def test_errors_exit_non_zero_and_are_dutch(pack_site, pack_builder):
    pack_builder.items["sessions"]["casustafel"]["kind"] = "borrel"
    err = StringIO()
    with pytest.raises(CommandError, match="1 error"):
        call_command("import_content_pack", str(pack_builder.write()), "--apply", stderr=err)
    assert err.getvalue().startswith('sessions/casustafel.json, kind: "borrel" mag hier niet')
    assert not ModulePage.objects.exists()


def test_publish_needs_apply(pack_site, pack_builder):
    with pytest.raises(CommandError, match="--publish needs --apply"):
        _run(str(pack_builder.write()), "--publish")
