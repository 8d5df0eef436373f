"""Dutch everywhere: our catalogue is complete and compiled, and Django answers in Dutch."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

PO_FILE = Path(settings.LOCALE_PATHS[0]) / "nl" / "LC_MESSAGES" / "django.po"


def test_language_is_dutch():
    assert settings.LANGUAGE_CODE == "nl"
    assert [code for code, _ in settings.LANGUAGES] == ["nl"]
    assert [code for code, _ in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == ["nl"]


def test_every_message_has_a_dutch_translation():
    with PO_FILE.open("rb") as handle:
        catalog = read_po(handle)
    # Plural entries have a tuple of forms; each form needs its translation.
    untranslated = [
        m.id for m in catalog if m.id and not (all(m.string) if m.pluralizable else m.string)
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []
    assert len(catalog) > 50


def test_compiled_catalogue_is_used():
    mo_file = PO_FILE.with_suffix(".mo")
    assert mo_file.exists(), "run `make messages`"
    assert mo_file.stat().st_mtime >= PO_FILE.stat().st_mtime, "run `make messages`"
    with translation.override("nl"):
        assert translation.gettext("My learning") == "Mijn leeromgeving"
        assert translation.gettext("Report a signal") == "Signaal melden"
