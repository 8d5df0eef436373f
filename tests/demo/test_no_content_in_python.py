"""No learning content in Python: lessons, questions, trends, session texts and the site's
demo pages live in content packs (``site/demo/packs/``) and data files, where the kernteam can
export, edit and import them (docs/content-packs.md).

The check reads every ``*.py`` of the apps (not the tests) and fails on a string that looks
like content: HTML paragraphs or list items, or a long Dutch sentence. Interface text is
English in the code and Dutch in the translation catalogue, so a long Dutch string in Python
is content in the wrong place. The sample values Wagtail's block chooser previews
(``preview_value``) are editor chrome and are allowed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE_FOLDERS = ("site", "modules", "quizzes")
HTML = re.compile(r"<(p|h2|h3|li|ul|ol)\b", re.IGNORECASE)
WORD = re.compile(r"[A-Za-zÀ-ÿ']+")
# Words that are Dutch and not English, common in any Dutch sentence.
_DUTCH_WORDS = (
    "de het een en van je jij niet zijn wat wie waar hoe als dat die dit er bij met voor op "
    "aan naar om ook maar dan kun kan wordt worden heb hebt heeft jouw gemeente meld melden "
    "wij we ze zij hun ons onze geen nog wel al"
)
DUTCH_WORDS = frozenset(_DUTCH_WORDS.split())
MIN_WORDS = 10
DUTCH_SHARE = 0.3


def _code_files() -> list[Path]:
    files = []
    for folder in CODE_FOLDERS:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            files.append(path)
    return sorted(files)


def _preview_strings(tree: ast.AST) -> set[int]:
    """The ids of string nodes inside ``preview_value = ...`` assignments."""
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "preview_value" for target in node.targets
        ):
            allowed.update(id(child) for child in ast.walk(node.value))
    return allowed


def looks_like_content(text: str) -> bool:
    if HTML.search(text):
        return True
    if " " not in text:  # a slug or a key, not a sentence
        return False
    words = WORD.findall(text)
    if len(words) < MIN_WORDS:
        return False
    return sum(word.lower() in DUTCH_WORDS for word in words) / len(words) >= DUTCH_SHARE


def content_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = _preview_strings(tree)
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in allowed
            and looks_like_content(node.value)
        ):
            found.append((node.lineno, node.value))
    return found


def test_the_check_recognises_content():
    assert looks_like_content("<p>Zie je iets wat niet klopt?</p>")
    assert looks_like_content(
        "Een signaal is een aanwijzing dat gedrag of een situatie met ondermijning te maken "
        "kan hebben."
    )
    assert not looks_like_content(
        "The quiz has no questions in use: no attempt is started and nothing is saved."
    )
    assert not looks_like_content("Besproken in werkoverleg")


@pytest.mark.parametrize("path", _code_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_learning_content_in_python(path):
    found = content_strings(path)
    assert found == [], "\n".join(
        f"{path.relative_to(ROOT)}:{line}: {text[:80]!r}" for line, text in found
    )
