"""A small pack builder for the content-pack tests: write a valid pack folder (manifest with
checksums) in ``tmp_path``, change what a test needs, and zip it.

``PackBuilder.minimal()`` holds one module with two lessons and a final quiz, a pool whose
questions name those lessons, a trend with a refresher module and its own pool, a session
template and a council reflection, all for the audience :data:`AUDIENCE`. Every item is a
plain dict a test may edit before :meth:`PackBuilder.write`.
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import pytest

from accounts.roles import Role
from accounts.services import audience_create
from home.services import site_install_home_page
from modules.contentpacks.format import (
    FOLDER_MEDIA,
    FOLDER_MODULES,
    FOLDER_POOLS,
    FOLDER_REFLECTIONS,
    FOLDER_SESSIONS,
    FOLDER_TRENDS,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    dump_json,
    sha256_of,
)
from modules.learning.services import module_index_create
from modules.trends.services import trend_index_create

AUDIENCE = "Alle medewerkers (voorbeeld)"
# A casustafel is for an audience whose only role is aandachtsfunctionaris.
CASUSTAFEL_AUDIENCE = "Aandachtsfunctionarissen (voorbeeld)"
PACK_KEY = "voorbeeld"

# A 1x1 transparent PNG: a real image file Wagtail and Pillow can read.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360606060000000050001a5f645400000000049454e44ae426082"
)
PDF = b"%PDF-1.4\n% voorbeeld\n"


def _text(html: str, block_id: str) -> dict:
    return {"type": "text", "value": html, "id": block_id}


def _question(key: str, lesson: str, text: str, *, kind: str = "single", theme: str = "melden"):
    options = [
        {"text": "Ik meld het bij het kernteam.", "correct": True, "feedback": "Goed."},
        {"text": "Ik zoek het zelf uit.", "correct": False, "feedback": "Liever niet."},
    ]
    if kind == "true_false":
        options = [
            {"text": "Waar", "correct": True, "feedback": ""},
            {"text": "Niet waar", "correct": False, "feedback": ""},
        ]
    return {
        "key": key,
        "kind": kind,
        "theme": theme,
        "scenario": "",
        "text": text,
        "explanation": "Je hoeft niets te bewijzen (voorbeeld).",
        "is_active": True,
        "source": {"lesson": lesson} if "/" in lesson else {"trend": lesson},
        "source_note": "",
        "options": options,
    }


class PackBuilder:
    """Items by folder and key; :meth:`write` puts them, the media and a manifest with the
    right checksums in ``root``."""

    def __init__(self, root: Path):
        self.root = root
        self.manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "key": PACK_KEY,
            "title": "Voorbeeldpakket",
            "version": "2026.12",
            "language": "nl",
            "source": "Testgegevens (voorbeeld)",
            "licence": "Alleen voor intern gebruik",
            "description": "",
        }
        self.items: dict[str, dict[str, dict]] = {
            FOLDER_MODULES: {},
            FOLDER_POOLS: {},
            FOLDER_TRENDS: {},
            FOLDER_SESSIONS: {},
            FOLDER_REFLECTIONS: {},
        }
        self.media: dict[str, bytes] = {}
        # Raw files written as they are (not through dump_json), e.g. a broken one.
        self.raw: dict[str, bytes] = {}
        # Checksums to write instead of the real one, by path.
        self.wrong_checksums: dict[str, str] = {}
        self.unlisted: set[str] = set()
        # Paths the manifest lists first, in this order (the pack order); the rest by path.
        self.order: list[str] = []

    @classmethod
    def minimal(cls, root: Path) -> PackBuilder:
        builder = cls(root)
        builder.items[FOLDER_MODULES]["signalen"] = {
            "key": "signalen",
            "title": "Signalen herkennen (voorbeeld)",
            "slug": "signalen-herkennen",
            "intro": "<p>Je leert <b>signalen</b> herkennen.</p>",
            "learning_goals": "Je herkent signalen.\nJe weet waar je het meldt.",
            "estimated_minutes": 20,
            "audience": AUDIENCE,
            "team_kit": [
                {
                    "type": "questions",
                    "value": {
                        "heading": "Vragen voor het team",
                        "questions": ["Herken je dit uit je eigen werk?"],
                    },
                    "id": "kit-1",
                }
            ],
            "final_quiz": {
                "title": "Eindtoets signalen (voorbeeld)",
                "intro": "",
                "pass_mark": 70,
                "max_attempts": 3,
                "retry_wait_minutes": 0,
                "feedback_timing": "after_quiz",
                "review_after_fail": "themes",
                "review_after_last": "full",
                "review_after_pass": "full",
                "draw": [{"pool": "signalen", "theme": "", "count": 2}],
            },
            "lessons": [
                {
                    "key": "wat-is-het",
                    "title": "Wat is ondermijning?",
                    "slug": "wat-is-ondermijning",
                    "summary": "Wat we bedoelen met ondermijning.",
                    "estimated_minutes": 5,
                    "body": [
                        _text(
                            "<h2>Wat is het?</h2><p>Criminelen gebruiken de gemeente. Lees ook "
                            '<a linktype="page" ref="lesson:signalen/melden">Melden</a>.</p>',
                            "b-1",
                        ),
                        {
                            "type": "image",
                            "value": {
                                "image": {
                                    "media": "loods.png",
                                    "title": "Loods (voorbeeld)",
                                    "alt": "Een grijze loods",
                                    "decorative": False,
                                },
                                "caption": "Een loods op een bedrijventerrein.",
                            },
                            "id": "b-2",
                        },
                    ],
                },
                {
                    "key": "melden",
                    "title": "Melden",
                    "slug": "melden",
                    "summary": "",
                    "estimated_minutes": 5,
                    "body": [
                        _text(
                            '<p>Gebruik het <a linktype="document" media="formulier.pdf">'
                            "meldformulier</a>.</p>",
                            "b-3",
                        ),
                        {
                            "type": "document",
                            "value": {
                                "document": {"media": "formulier.pdf", "title": "Formulier"},
                                "description": "Het meldformulier (voorbeeld).",
                            },
                            "id": "b-4",
                        },
                    ],
                },
            ],
        }
        builder.items[FOLDER_POOLS]["signalen"] = {
            "key": "signalen",
            "name": "Signalen (voorbeeld)",
            "description": "Vragen bij de module Signalen herkennen.",
            "questions": [
                _question("melden-routes", "signalen/melden", "Wat doe je bij een vermoeden?"),
                _question(
                    "zelf-uitzoeken",
                    "signalen/wat-is-het",
                    "Ga je zelf op onderzoek uit?",
                    kind="true_false",
                ),
                _question("kernteam", "signalen/melden", "Wie helpt je bij twijfel?"),
            ],
        }
        builder.items[FOLDER_MODULES]["opfrisser"] = {
            "key": "opfrisser",
            "title": "Opfrisser: opslagboxen (voorbeeld)",
            "slug": "opfrisser-opslagboxen",
            "intro": "<p>Twee vragen over de trend.</p>",
            "learning_goals": "Je herkent signalen bij opslagboxen.",
            "estimated_minutes": 5,
            "audience": AUDIENCE,
            "team_kit": [],
            "final_quiz": {
                "title": "Opfrisser opslagboxen",
                "intro": "",
                "pass_mark": 50,
                "max_attempts": None,
                "retry_wait_minutes": 0,
                "feedback_timing": "after_quiz",
                "review_after_fail": "full",
                "review_after_last": "full",
                "review_after_pass": "full",
                "draw": [{"pool": "opfrisser", "theme": "", "count": 2}],
            },
            "lessons": [],
        }
        builder.items[FOLDER_POOLS]["opfrisser"] = {
            "key": "opfrisser",
            "name": "Opfrisser: opslagboxen (voorbeeld)",
            "description": "",
            "questions": [
                _question("box-1", "opslagboxen", "Wat valt op bij een opslagbox?", theme="drugs"),
                _question("box-2", "opslagboxen", "Wie meldt een opslagbox?", theme="drugs"),
            ],
        }
        builder.items[FOLDER_TRENDS]["opslagboxen"] = {
            "key": "opslagboxen",
            "title": "Drugs in opslagboxen (voorbeeld)",
            "slug": "drugs-in-opslagboxen",
            "theme": "drugs",
            "summary": "Criminelen bewaren drugs in opslagboxen.",
            "body": [_text("<h2>Wat speelt er?</h2><p>Opslag in boxen (voorbeeld).</p>", "t-1")],
            "signals": ["Huur voor korte tijd, contant betaald"],
            "sources": [
                {
                    "title": "Onderzoek naar de aanpak van ondermijning (voorbeeld)",
                    "publisher": "Rekenkamer (voorbeeld)",
                    "url": "",
                }
            ],
            "audience": AUDIENCE,
            "refresher": "opfrisser",
            "review_after_days": 180,
        }
        builder.items[FOLDER_SESSIONS]["casustafel"] = {
            "key": "casustafel",
            "title": "Casustafel ondermijning (voorbeeld)",
            "kind": "casustafel",
            "theme": "melden",
            "description": "<p>We bespreken een casus zonder namen.</p>",
            "duration_minutes": 90,
            "capacity": 12,
            "led_by": "Kernteam (voorbeeld)",
            "audience": CASUSTAFEL_AUDIENCE,
        }
        builder.items[FOLDER_REFLECTIONS]["hoe-weerbaar"] = {
            "key": "hoe-weerbaar",
            "title": "Hoe weerbaar ben ik? (voorbeeld)",
            "slug": "hoe-weerbaar-ben-ik",
            "intro": "<p>Alleen jij ziet je antwoorden.</p>",
            "statements": [
                {
                    "type": "statement",
                    "value": {
                        "statement": "Ik weet bij wie ik terechtkan.",
                        "tip": "Bespreek twijfel met de griffier.",
                    },
                    "id": "s-1",
                }
            ],
            "audience": None,
        }
        builder.media = {"loods.png": PNG, "formulier.pdf": PDF}
        return builder

    # --- shortcuts for tests

    def module(self, key: str) -> dict:
        return self.items[FOLDER_MODULES][key]

    def pool(self, key: str) -> dict:
        return self.items[FOLDER_POOLS][key]

    def question(self, pool: str, key: str) -> dict:
        return next(q for q in self.pool(pool)["questions"] if q["key"] == key)

    def copy(self, root: Path) -> PackBuilder:
        other = copy.deepcopy(self)
        other.root = root
        return other

    # --- writing

    def files(self) -> dict[str, bytes]:
        files = {
            f"{folder}/{key}.json": dump_json(data).encode()
            for folder, items in self.items.items()
            for key, data in items.items()
        }
        files |= {f"{FOLDER_MEDIA}/{name}": data for name, data in self.media.items()}
        files |= self.raw
        return files

    def write(self) -> Path:
        files = self.files()
        in_order = [path for path in self.order if path in files]
        in_order += sorted(path for path in files if path not in in_order)
        listed = [
            {"path": path, "sha256": self.wrong_checksums.get(path, sha256_of(files[path]))}
            for path in in_order
            if path not in self.unlisted
        ]
        files[MANIFEST] = dump_json({**self.manifest, "files": listed}).encode()
        self.root.mkdir(parents=True, exist_ok=True)
        for path, data in files.items():
            target = self.root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return self.root

    def zip(self, target: Path, *, extra: dict[str, bytes] | None = None) -> Path:
        folder = self.write()
        with zipfile.ZipFile(target, "w") as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(folder).as_posix())
            for name, data in (extra or {}).items():
                archive.writestr(name, data)
        return target


@pytest.fixture
def pack_builder(tmp_path) -> PackBuilder:
    return PackBuilder.minimal(tmp_path / "pack")


@pytest.fixture
def pack_site(db):
    """A home page with the modules and trends overviews and the pack's audience."""
    home = site_install_home_page(title="Weerbaar", intro="")
    module_index = module_index_create(parent=home, title="Leermodules", slug="leermodules")
    trend_index = trend_index_create(parent=home, title="Trends en signalen", slug="trends")
    audience = audience_create(name=AUDIENCE, roles=[Role.MEDEWERKER])
    audience_create(name=CASUSTAFEL_AUDIENCE, roles=[Role.AANDACHTSFUNCTIONARIS])
    return {"home": home, "modules": module_index, "trends": trend_index, "audience": audience}
