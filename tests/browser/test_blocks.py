"""Every lesson block in a real browser: reachable and usable by keyboard, no axe violations."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.rich_text import RichText
from wagtail_factories import ImageFactory

from modules.learning.models import ModuleIndexPage
from tests.browser.helpers import log_in_with_password, serious_violations
from tests.factories import LessonPageFactory, ModulePageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FOCUSED = """() => {
    const el = document.activeElement;
    const label = el.labels && el.labels.length ? el.labels[0].innerText : '';
    return {tag: el.tagName,
            text: (label || el.innerText || el.getAttribute('aria-label') || '').trim(),
            href: el.getAttribute('href') || ''};
}"""


def a_lesson_with_every_block():
    """One lesson that uses all eight block types (the demo content does not need them all)."""
    video = Document.objects.create(
        title="Uitleg", file=ContentFile(b"\x00" * 64, name="uitleg.mp4")
    )
    captions = Document.objects.create(
        title="Ondertiteling",
        file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n", name="uitleg.vtt"),
    )
    handout = Document.objects.create(
        title="Signalenkaart", file=ContentFile(b"%PDF-1.4\n", name="signalenkaart.pdf")
    )
    module = ModulePageFactory(parent=ModuleIndexPage.objects.get(), title="Alle blokken")
    return LessonPageFactory(
        parent=module,
        title="Les met alle blokken",
        body=[
            ("text", RichText('<p>Lees ook <a href="/signaal-melden/">hoe je meldt</a>.</p>')),
            (
                "image",
                {
                    "image": {
                        "image": ImageFactory(),
                        "alt_text": "Een loods op een bedrijventerrein",
                        "decorative": False,
                    },
                    "caption": "",
                },
            ),
            (
                "video",
                {"title": "Uitleg", "video": video, "captions": captions, "transcript": "Hallo."},
            ),
            (
                "signal",
                {
                    "title": "Anijslucht",
                    "what_you_see": "Je ruikt anijs.",
                    "why_it_matters": "Drugslab.",
                    "what_to_do": "Meld het.",
                },
            ),
            (
                "dilemma",
                {
                    "title": "Een cadeau",
                    "situation": "Je krijgt kaartjes.",
                    "question": "Wat doe je?",
                    "choices": [
                        {"choice": "Aannemen", "explanation": "Liever niet."},
                        {"choice": "Weigeren", "explanation": "Goed."},
                    ],
                },
            ),
            ("report_it", {"heading": "Meld het", "intro": "Zo meld je."}),
            ("takeaways", {"heading": "Onthoud", "points": ["Meld, ga niet zoeken."]}),
            ("document", {"document": handout, "description": "Om op te hangen."}),
        ],
    )


def test_every_block_is_usable_by_keyboard(page, demo_site):
    lesson = a_lesson_with_every_block()
    log_in_with_password(page, demo_site.url, "medewerker")
    page.wait_for_url("**/mijn-leeromgeving/")
    page.goto(f"{demo_site.url}{lesson.url}")
    assert serious_violations(page) == []

    page.locator("main h1").click()  # start tabbing from the lesson's title
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        reached.append(focused)
        if focused["tag"] == "BUTTON" and "afronden" in focused["text"].lower():
            break
    tags = [item["tag"] for item in reached]
    texts = " | ".join(item["text"] for item in reached)
    assert "VIDEO" in tags  # the player's controls
    assert "Lees de uitgeschreven tekst" in texts  # the transcript opens by keyboard
    assert "Aannemen" in texts and "Kies dit antwoord" in texts  # the dilemma's radio group
    assert any("/documenten/" in item["href"] for item in reached)  # the download
    assert any(item["href"].endswith("/signaal-melden/") for item in reached)
    assert tags[-1] == "BUTTON"  # and on to "Les afronden"

    assert not page.get_by_text("Goed.", exact=True).is_visible()  # asks before it explains
    page.get_by_label("Aannemen").focus()
    page.keyboard.press("ArrowDown")  # the next choice in the group: "Weigeren"
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # "Kies dit antwoord"
    assert "Jouw keuze: Weigeren" in page.locator("main").inner_text()
    assert page.get_by_text("Goed.", exact=True).is_visible()
    assert serious_violations(page) == []
