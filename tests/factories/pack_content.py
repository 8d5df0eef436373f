"""A realistic set of learning content for the content-pack tests, built through the apps'
services the way the demo and the admin build it: a module whose lessons use most block types
(text with a page and a document link, image, video, download, signal, dilemma, report it,
key takeaways) and a werkoverleg kit, its final quiz drawn per theme from its own pool, a
trend with a refresher module and the refresher's pool, a council reflection and a session
template. Some of it has a draft on top of what is published, and one lesson was never
published, so the tests can check that a pack carries published content only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.rich_text import RichText

from accounts.models import Audience
from accounts.roles import Role
from accounts.services import audience_create
from home.services import site_install_home_page
from modules.awareness.models import SessionTemplate
from modules.council.models import ReflectionPage
from modules.council.services import reflection_page_create
from modules.learning.models import LessonPage, ModuleIndexPage, ModulePage
from modules.learning.services import (
    module_create_with_lessons,
    module_index_create,
    module_set_final_quiz,
)
from modules.trends.models import TrendIndexPage, TrendPage
from modules.trends.services import trend_create, trend_index_create
from quizzes.models import Question, QuestionPool, Quiz
from quizzes.services import (
    Draw,
    pool_get_or_create,
    question_create,
    question_set_source,
    quiz_create,
)

# A 1x1 transparent PNG: a real image file Wagtail can read.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nVoorbeeld van een ondertitel.\n"
PDF = b"%PDF-1.4\n% voorbeeld\n"
MP4 = b"\x00\x00\x00\x18ftypmp42voorbeeld"

AUDIENCE_STAFF = "Alle medewerkers (voorbeeld)"
AUDIENCE_COUNCIL = "Raadsleden (voorbeeld)"
MODULE_SLUG = "signalen-voorbeeld"
POOL_NAME = "Voorbeeldpool"
TREND_SLUG = "opslagboxen-voorbeeld"
REFRESHER_POOL = "Opfrisser: Opslagboxen (voorbeeld)"
REFLECTION_SLUG = "hoe-weerbaar-voorbeeld"
DRAFT_TEXT = "CONCEPTTEKST die nog niet is gepubliceerd"


@dataclass(frozen=True)
class PackContent:
    module: ModulePage
    lessons: list[LessonPage]
    unpublished_lesson: LessonPage
    pool: QuestionPool
    questions: list[Question]
    quiz: Quiz
    trend: TrendPage
    refresher: ModulePage
    refresher_pool: QuestionPool
    reflection: ReflectionPage
    session_template: SessionTemplate
    staff: Audience
    council: Audience


def _home():
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_page if site else site_install_home_page(title="Weerbaar", intro="")


def _module_index(home) -> ModuleIndexPage:
    return ModuleIndexPage.objects.first() or module_index_create(
        parent=home, title="Leermodules", slug="leermodules"
    )


def _trend_index(home) -> TrendIndexPage:
    return TrendIndexPage.objects.first() or trend_index_create(
        parent=home, title="Trends en signalen", slug="trends"
    )


def media_files():
    """An image, a PDF, a video and its captions in the media library."""
    image = get_image_model().objects.create(
        title="Loods op een bedrijventerrein",
        description="Een grijze loods met een rolluik",
        file=ContentFile(PNG, name="loods.png"),
    )
    documents = get_document_model().objects
    pdf = documents.create(
        title="Meldformulier (voorbeeld)", file=ContentFile(PDF, name="meldformulier.pdf")
    )
    video = documents.create(title="Uitlegvideo", file=ContentFile(MP4, name="uitleg.mp4"))
    captions = documents.create(title="Ondertitels", file=ContentFile(VTT, name="uitleg.vtt"))
    return image, pdf, video, captions


def _dilemma(title: str) -> dict:
    return {
        "title": title,
        "situation": "Een aanvrager biedt je na afloop twee kaartjes aan.",
        "question": "Wat doe je?",
        "choices": [
            {"choice": "Ik neem ze aan.", "explanation": "Liever niet: zo ontstaat binding."},
            {"choice": "Ik weiger vriendelijk.", "explanation": "Goed. Meld het ook."},
        ],
    }


def _video_block(video, captions) -> tuple[str, dict]:
    return (
        "video",
        {
            "title": "Uitleg",
            "video": video,
            "captions": captions,
            "transcript": "Een korte uitleg over signalen.",
        },
    )


def pack_content() -> PackContent:
    """Build the set (see the module docstring) and return its parts."""
    home = _home()
    index = _module_index(home)
    staff = audience_create(name=AUDIENCE_STAFF, roles=[Role.MEDEWERKER])
    council = audience_create(name=AUDIENCE_COUNCIL, roles=[Role.RAADSLID])
    image, pdf, video_file, captions = media_files()

    module = module_create_with_lessons(
        index=index,
        audience=staff,
        content={
            "title": "Signalen herkennen (voorbeeld)",
            "slug": MODULE_SLUG,
            "intro": "<p>Je leert <b>signalen</b> herkennen.</p>",
            "learning_goals": "Je herkent signalen.\nJe weet waar je meldt.",
            "estimated_minutes": 25,
            "lessons": [
                {
                    "title": "Wat je ziet",
                    "slug": "wat-je-ziet",
                    "summary": "Signalen in je werk.",
                    "estimated_minutes": 6,
                    "body": [
                        ("text", "<h2>Kijk goed</h2><p>Een pand met <i>dichte</i> luiken.</p>"),
                        (
                            "image",
                            {
                                "image": {
                                    "image": image,
                                    "alt_text": "Een loods",
                                    "decorative": False,
                                },
                                "caption": "Een loods (voorbeeld)",
                            },
                        ),
                        (
                            "signal",
                            {
                                "title": "Sterke anijslucht",
                                "what_you_see": "Je ruikt anijs bij een bedrijfspand.",
                                "why_it_matters": "Het kan op drugsproductie wijzen.",
                                "what_to_do": "Ga niet zelf kijken. Meld het.",
                            },
                        ),
                        ("dilemma", _dilemma("Kaartjes voor een concert")),
                        _video_block(video_file, captions),
                    ],
                },
                {
                    "title": "Melden",
                    "slug": "melden",
                    "summary": "Waar je meldt.",
                    "estimated_minutes": 5,
                    "body": [
                        ("report_it", {"heading": "Meld het", "intro": "Twijfel je? Meld het."}),
                        ("document", {"document": pdf, "description": "Het meldformulier"}),
                        (
                            "takeaways",
                            {
                                "heading": "Onthoud",
                                "points": ["Je hoeft niets te bewijzen.", "Meld het."],
                            },
                        ),
                    ],
                },
            ],
        },
    )
    first, second = list(LessonPage.objects.child_of(module).order_by("path"))
    # A third lesson links to the first one and to the form (rich-text page and document links).
    third = LessonPage(
        title="Terugblik",
        slug="terugblik",
        summary="Wat je leerde.",
        estimated_minutes=4,
        body=[
            (
                "text",
                RichText(
                    f'<p>Lees <a linktype="page" id="{first.pk}">Wat je ziet</a> nog eens en '
                    f'bewaar <a linktype="document" id="{pdf.pk}">het formulier</a>. Zie ook '
                    '<a href="https://www.example.test/">een voorbeeld</a>.</p>'
                ),
            )
        ],
    )
    module.add_child(instance=third)
    third.save_revision().publish()
    never_published = LessonPage(
        title="Nog niet af",
        slug="nog-niet-af",
        summary="Concept.",
        body=[("text", RichText("<p>Concept</p>"))],
        live=False,
    )
    module.add_child(instance=never_published)
    never_published.save_revision()

    module = ModulePage.objects.get(pk=module.pk)
    module.team_kit = [
        ("text", RichText("<p>Bespreek deze les in het werkoverleg.</p>")),
        ("dilemma", _dilemma("Een cadeau van een ondernemer")),
        (
            "questions",
            {
                "heading": "Vragen voor het team",
                "questions": ["Herken je dit?", "Bij wie meld je?"],
            },
        ),
    ]
    module.save_revision().publish()

    pool = pool_get_or_create(name=POOL_NAME, description="Vragen bij de voorbeeldmodule.")
    questions = [
        question_create(
            theme="melden",
            kind="single",
            text="Wat doe je als je een signaal ziet?",
            explanation="Je meldt het bij het kernteam.",
            options=[
                {"text": "Ik meld het", "correct": True, "feedback": "Goed."},
                {"text": "Ik ga zelf kijken", "correct": False, "feedback": "Liever niet."},
                {"text": "Niets", "correct": False},
            ],
            pools=[pool],
            source_page=second,
        ),
        question_create(
            theme="melden",
            kind="true_false",
            text="Je moet eerst bewijs hebben voordat je meldt.",
            explanation="Nee: een vermoeden is genoeg.",
            options=[{"text": "Waar", "correct": False}, {"text": "Niet waar", "correct": True}],
            pools=[pool],
            source_page=second,
            source_note="Onthoud",
        ),
        question_create(
            theme="drugs",
            kind="multiple",
            text="Welke signalen passen bij drugsopslag?",
            explanation="Dichte luiken en een sterke lucht.",
            options=[
                {"text": "Dichte luiken", "correct": True},
                {"text": "Sterke anijslucht", "correct": True},
                {"text": "Een open deur", "correct": False},
            ],
            pools=[pool],
            source_page=first,
            source_note="Sterke anijslucht",
        ),
        question_create(
            theme="drugs",
            kind="scenario",
            scenario="Een huurder betaalt contant vooruit en komt 's nachts.",
            text="Wat doe je?",
            explanation="Je meldt het, je gaat niet zelf kijken.",
            options=[
                {"text": "Melden", "correct": True, "feedback": "Goed."},
                {"text": "Aanspreken", "correct": False, "feedback": "Niet zelf doen."},
            ],
            pools=[pool],
            source_page=first,
        ),
        question_create(  # the same text as the first: the derived key is made unique
            theme="melden",
            kind="single",
            text="Wat doe je als je een signaal ziet?",
            explanation="Een tweede versie van dezelfde vraag.",
            options=[{"text": "Melden", "correct": True}, {"text": "Wachten", "correct": False}],
            pools=[pool],
            source_page=third,
        ),
    ]
    quiz = quiz_create(
        title="Eindtoets (voorbeeld)",
        intro="Vier vragen.",
        pass_mark=75,
        max_attempts=3,
        retry_wait_minutes=30,
        draw=[Draw(pool=pool, theme="melden", count=2), Draw(pool=pool, theme="drugs", count=2)],
    )
    module_set_final_quiz(module=module, quiz=quiz)

    # A draft on top of the published module and lesson: the pack must not carry it.
    module = ModulePage.objects.get(pk=module.pk)
    module.title = DRAFT_TEXT
    module.save_revision()
    draft_lesson = LessonPage.objects.get(pk=first.pk)
    draft_lesson.body = [("text", RichText(f"<p>{DRAFT_TEXT}</p>"))]
    draft_lesson.save_revision()

    refresher_pool = pool_get_or_create(name=REFRESHER_POOL, description="Opfrisvragen.")
    refresher_questions = [
        question_create(
            theme="drugs",
            kind="true_false",
            text=f"Opslagboxen worden gebruikt voor drugs ({number}).",
            explanation="Ja, dat komt voor.",
            options=[{"text": "Waar", "correct": True}, {"text": "Niet waar", "correct": False}],
            pools=[refresher_pool],
        )
        for number in (1, 2, 3)
    ]
    refresher = module_create_with_lessons(
        index=index,
        audience=staff,
        content={
            "title": "Opfrisser: opslagboxen",
            "slug": "opfrisser-opslagboxen-voorbeeld",
            "intro": "<p>Test wat je weet.</p>",
            "learning_goals": "Je herkent de signalen.",
            "estimated_minutes": 5,
            "lessons": [],
        },
        final_quiz=quiz_create(
            title="Opfrisser (voorbeeld)",
            pass_mark=60,
            draw=[Draw(pool=refresher_pool, count=2)],
        ),
    )
    trend = trend_create(
        index=_trend_index(home),
        content={
            "title": "Drugs in opslagboxen (voorbeeld)",
            "slug": TREND_SLUG,
            "theme": "drugs",
            "summary": "Criminelen huren opslagboxen voor drugs.",
            "body": [
                ("text", "<p>Wat we zien in opslagboxen.</p>"),
                ("dilemma", _dilemma("De beheerder twijfelt")),
            ],
            "signals": ["Contant vooruitbetalen", "Komt op rare tijden"],
            "sources": [
                {
                    "title": "Onderzoek (voorbeeld)",
                    "publisher": "Rekenkamer",
                    "url": "https://example.test/",
                }
            ],
        },
        audience=staff,
        refresher=refresher,
        review_by=timezone.localdate() + timedelta(days=90),
        published_at=timezone.now(),
    )
    for question in refresher_questions:
        question_set_source(question=question, source_page=trend, source_note="Signalen")

    reflection = reflection_page_create(
        index=index,
        title="Hoe weerbaar ben ik? (voorbeeld)",
        slug=REFLECTION_SLUG,
        intro="<p>Alleen jij ziet je antwoorden.</p>",
        statements=[
            {"statement": "Ik weet bij wie ik terechtkan.", "tip": "Vraag het de griffier."},
            {"statement": "Ik herken een eerste stap.", "tip": "Let op kleine gunsten."},
        ],
        audience=council,
    )
    session_template = SessionTemplate.objects.create(
        title="Bewustwording voor de balie (voorbeeld)",
        kind="bewustwording",
        theme="melden",
        description=(
            f'<p>Een bijeenkomst. Neem <a linktype="document" id="{pdf.pk}">het formulier</a> '
            "mee.</p>"
        ),
        duration_minutes=120,
        capacity=20,
        led_by="Kernteam ondermijning",
        audience=staff,
    )
    return PackContent(
        module=ModulePage.objects.get(pk=module.pk),
        lessons=[first, second, third],
        unpublished_lesson=never_published,
        pool=pool,
        questions=questions,
        quiz=quiz,
        trend=trend,
        refresher=refresher,
        refresher_pool=refresher_pool,
        reflection=reflection,
        session_template=session_template,
        staff=staff,
        council=council,
    )
