"""The demo content teaches the facts of the content brief, every signal, in plain language.

Issue 15 ("Every fact right", "Every signal taught", "Plain language"). The checks read the
content from the loaded database, not from the Python dicts, so they keep working when the
demo content comes from content packs. They read the package's shared demo (``conftest.py``);
its text is gathered once for the module.

- every one of the 19 situations of the Veiligheidsmonitor 2023 is taught in a lesson of the
  onboarding module;
- none of the wrong statements found in review appears anywhere (pages, lessons, questions,
  reporting settings);
- no sentence a learner reads (lessons, questions, modules and their werkoverleg kits, trends,
  sessions and their templates, the self-reflection) is longer than 25 words;
- the figures on 13b closures, Bibob requests and dwangsommen match the audit.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pytest
from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.models import DepartmentContact, ReportingRoutes
from modules.awareness.models import SessionPage, SessionTemplate
from modules.council.models import ReflectionPage
from modules.learning.models import LessonPage, ModulePage
from modules.trends.models import TrendPage
from quizzes.models import Question, Quiz

pytestmark = pytest.mark.django_db

ONBOARDING_SLUG = "ondermijning-herkennen-en-melden"
MAX_WORDS = 25


@dataclass(frozen=True)
class Text:
    where: str  # e.g. "LessonPage 'Signalen op straat en op het werk'" or "Question #12"
    kind: str  # "lesson", "question" or "page"
    text: str  # plain text, HTML stripped


# --- Gathering the text of the loaded demo --------------------------------------------------

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|ul|ol|blockquote|div)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def plain(value: str) -> str:
    """HTML to text; the end of a paragraph, heading or list item ends a sentence."""
    text = _BLOCK_END.sub(". ", value)
    text = html.unescape(_TAG.sub(" ", text))
    return re.sub(r"\s+", " ", text).strip()


def _strings(value) -> list[str]:
    """Every string in a stream block value (struct, list and nested stream values)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        found = []
        for key, inner in value.items():
            if key in ("id", "type") and "value" in value:
                continue
            found += _strings(inner)
        return found
    if isinstance(value, list | tuple):
        return [string for inner in value for string in _strings(inner)]
    return []


def _page_fields(page: Page) -> list[models.Field]:
    """The text fields a page type adds to Wagtail's Page (plus its title)."""
    own = [
        field
        for field in page._meta.concrete_fields
        if field.model is not Page
        and isinstance(field, models.CharField | models.TextField | StreamField)
        and not field.choices
        and field.name not in ("slug", "url_path", "draft_title", "content_type")
    ]
    return own


def _page_texts(page: Page, kind: str) -> list[Text]:
    where = f"{type(page).__name__} '{page.title}'"
    texts = [Text(where, kind, page.title)]
    for field in _page_fields(page):
        value = getattr(page, field.name)
        if isinstance(field, StreamField):
            for string in _strings(list(value.raw_data)):
                texts.append(Text(where, kind, plain(string)))
        elif value:
            texts.append(
                Text(where, kind, plain(value) if isinstance(field, RichTextField) else value)
            )
    return texts


def _question_texts(question: Question) -> list[Text]:
    where = f"Question #{question.pk} '{question.text[:60]}'"
    texts = [Text(where, "question", plain(question.text))]
    for value in (question.scenario, question.explanation):
        if value:
            texts.append(Text(where, "question", plain(value)))
    for option in question.options.all():
        texts.append(Text(where, "question", plain(option.text)))
        if option.feedback:
            texts.append(Text(where, "question", plain(option.feedback)))
    return texts


def _setting_texts() -> list[Text]:
    texts = []
    for model in (ReportingRoutes, DepartmentContact):
        for row in model.objects.all():
            for field in model._meta.concrete_fields:
                value = getattr(row, field.name)
                if isinstance(value, str) and value:
                    texts.append(Text(model.__name__, "page", value))
    return texts


@dataclass
class Content:
    all: list[Text]
    onboarding_lessons: list[Text]

    def of_kind(self, *kinds: str) -> list[Text]:
        return [text for text in self.all if text.kind in kinds]


@pytest.fixture(scope="module")
def content(demo_today, django_db_blocker) -> Content:
    """The text of the shared demo, read once for the module."""
    with django_db_blocker.unblock():
        texts: list[Text] = []
        for page in Page.objects.live().specific():
            texts += _page_texts(page, "lesson" if isinstance(page, LessonPage) else "page")
        for question in Question.objects.prefetch_related("options"):
            texts += _question_texts(question)
        for quiz in Quiz.objects.all():
            texts += [Text(f"Quiz '{quiz.title}'", "page", plain(quiz.intro))]
        texts += _setting_texts()
        module = ModulePage.objects.get(slug=ONBOARDING_SLUG)
        onboarding = []
        for lesson in LessonPage.objects.child_of(module).live().specific():
            onboarding += _page_texts(lesson, "lesson")
        return Content(all=texts, onboarding_lessons=onboarding)


# A sentence ends at ".", "!" or "?" not followed by a letter or digit (so "5.000" and
# "13.30 uur" stay whole), or at a line break (the end of a paragraph, list item or line
# of a plain-text field). A colon or semicolon does not end a sentence: "Die komt in drie
# vormen voor: ..." counts as one sentence with its list.
_SENTENCE_END = re.compile(r"[.!?]+(?!\w)|\n")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def words(sentence: str) -> list[str]:
    return [token for token in sentence.split() if re.search(r"\w", token)]


# --- (a) Every signal of the Veiligheidsmonitor 2023 is taught ------------------------------

# The 19 situations residents were asked about (content brief §4), each with the Dutch
# phrasings a lesson may use for it.
SIGNALS: dict[str, list[str]] = {
    "sterke chemische (anijs)lucht": [r"\banijs"],
    "signalen van illegale prostitutie": [r"illegale prostitutie"],
    "plekken waar illegaal wordt gegokt": [r"illegaal (wordt )?gegokt", r"illegale gok"],
    "verdachte pakketjes die worden opgehaald of afgeleverd": [
        r"pakket(je)?s\b[^.]{0,80}(opgehaald|afgeleverd|gebracht)"
    ],
    "handel in gestolen goederen of voertuigen": [
        r"gestolen (spullen|goederen|fietsen|auto'?s|voertuigen)",
        r"\bheling\b",
    ],
    "bedrijven waar je alleen contant kunt betalen": [r"alleen contant"],
    "cafés of bars waar criminelen samenkomen": [
        r"(café|bar|horecazaak)[^.]{0,80}criminelen[^.]{0,40}(samenkomen|afspreken|ontmoeten)"
    ],
    "(buitenlandse) werknemers die worden uitgebuit": [
        r"werknemers[^.]{0,40}uitgebuit",
        r"arbeidsuitbuiting",
    ],
    "onbekenden die kort ergens wonen en weer vertrekken": [
        r"(blijven|wonen) (maar )?kort[^.]{0,40}vertrekken"
    ],
    "woningen verhuurd door huisjesmelkers": [r"huisjesmelker"],
    "mensen die wapens bij zich dragen": [r"wapens? bij zich"],
    "bedrijven die bijna nooit klanten hebben maar blijven bestaan": [
        r"(zonder|bijna nooit|weinig) klanten[^.]{0,60}(blijft|blijven|bestaan|open)",
        r"zaak zonder klanten",
    ],
    "buren met dure spullen of auto's": [r"dure (spullen|auto'?s|kleren)[^.]{0,80}"],
    "iets verdachts bij een woning of bedrijfspand": [
        r"verdachts? (bij|rond|aan) een (woning|bedrijfspand|pand)"
    ],
    "een sterke lucht van hennep": [r"lucht van hennep", r"hennep(lucht|geur)"],
    "een verdachte situatie met een voertuig": [
        r"verdachte situatie (met|rond|bij) een (voertuig|auto|busje)",
        r"(auto|busje|voertuig)[^.]{0,60}(verdacht|vreemd)",
    ],
    "signalen van drugsgebruik": [r"drugsgebruik"],
    "mensen die op een verdachte manier praten": [r"verdachte manier[^.]{0,30}praten"],
    "verpakkingen van chemicaliën waar je ze niet verwacht": [
        r"verpakkingen van chemicaliën",
        r"chemische verpakkingen",
    ],
}


def test_there_are_nineteen_signals():
    assert len(SIGNALS) == 19


def test_every_signal_of_the_veiligheidsmonitor_is_taught_in_an_onboarding_lesson(content):
    lesson_text = "\n".join(text.text for text in content.onboarding_lessons)
    assert lesson_text, "the onboarding module has no lessons"
    missing = [
        name
        for name, phrasings in SIGNALS.items()
        if not any(re.search(pattern, lesson_text, re.IGNORECASE) for pattern in phrasings)
    ]
    assert not missing, f"signals no onboarding lesson teaches: {missing}"


# --- (b) None of the wrong statements appears -----------------------------------------------

# Each wrong statement found in review (issue 15), with patterns that catch it; the numbers
# follow the issue.
WRONG: dict[str, list[str]] = {
    "1 every team has a contact person (the audit: most teams)": [
        r"\b(elk|ieder)e? team heeft\b",
        r"\b(elk|ieder)e? team[^.]{0,60}(contactpersoon|aandachtsveld)",
        r"\balle teams hebben\b",
    ],
    "2 13b closures '13 to 20 a year' (were 20, 0, 14, 17, 13)": [
        r"13 tot (en met )?20 keer",
    ],
    "4 residents recognise these signals least (it is how often they think they occur)": [
        r"herkennen[^.]{0,40}het minst",
        r"het minst[^.]{0,40}herkend",
        r"het slechtst herkend",
    ],
    "5 fines for dealers (it is a last onder dwangsom, a herstelsanctie)": [
        r"boetes? (voor|aan|van) (de )?(drugs)?dealers?",
        r"(drugs)?dealers?[^.]{0,40}(krijgt|krijgen) een boete",
        r"(verbeurd|ingevorderd)[^.]{0,60}\b(23|21|11) keer",
        r"\b(23|21|11) keer[^.]{0,40}(verbeurd|ingevorderd)",
    ],
    "6 drugs is the biggest theme (nobody has a view of size and seriousness)": [
        r"grootste (thema|probleem|vorm)",
        r"(drugs|drugscriminaliteit) is het grootste",
    ],
    "8 sex businesses without a permit are closed (a warning up to closure)": [
        r"zonder vergunning (wordt|worden) (altijd |meteen |direct )?gesloten",
        r"zonder vergunning (gaat|gaan) (altijd |meteen )?dicht",
    ],
    "9 many signals come in via staff (it still happens little)": [
        r"veel signalen komen (binnen )?via (medewerkers|collega)",
        r"de meeste signalen komen (binnen )?via (medewerkers|collega)",
    ],
    "10 about 70 boa's (the 70 also count parking controllers and office staff)": [
        r"\b70 boa",
        r"\b70 handhavers",
    ],
    "11 Bibob 27 times in 2023 in all (27 are the APV horeca requests)": [
        r"bibob[^.]{0,40}\b27 keer in 2023(?![^.]{0,40}horeca)",
    ],
    "12 the 2023 leak framed as a criminal link": [
        r"risico is echt",
    ],
    "demo: a real-looking phone number": [r"078 770 0000", r"\b0\d{2} ?\d{3} ?\d{4}\b"],
    "demo: a real-looking room": [r"Stadskantoor, zaal 3"],
    "demo: an invented procedure presented as real": [
        r"Elke trend is door twee mensen",
    ],
    "jonge aanwas presented as a theme of the 2025-2026 plan": [
        r"2025-2026[^.]{0,80}jonge aanwas(?![^.]{0,40}(vervangen|niet meer))",
    ],
}

# The waterbed effect is a perception of staff (fact 7): a sentence naming it must say so.
WATERBED_PERCEPTION = re.compile(
    r"gevoel|beeld|indruk|denk|denken|idee|herkennen|ervaren|vermoeden|niet gemeten|vertelde",
    re.IGNORECASE,
)


def test_no_wrong_statement_appears_anywhere(content):
    found = []
    for text in content.all:
        for fact, patterns in WRONG.items():
            for pattern in patterns:
                match = re.search(pattern, text.text, re.IGNORECASE)
                if match:
                    found.append(f"[{fact}] {text.where}: ...{match.group(0)}...")
    assert not found, "wrong statements:\n" + "\n".join(found)


def test_the_waterbed_effect_is_taught_as_a_perception_not_a_fact(content):
    found = []
    for text in content.all:
        for sentence in sentences(text.text):
            if "waterbedeffect" in sentence.lower() and not WATERBED_PERCEPTION.search(sentence):
                found.append(f"{text.where}: {sentence}")
    assert not found, "waterbed effect stated as a fact:\n" + "\n".join(found)


def test_no_question_keys_the_waterbed_effect_as_a_measured_fact(content):
    for question in Question.objects.filter(
        kind="true_false", text__icontains="waterbed"
    ).prefetch_related("options"):
        key = next(option.text for option in question.options.all() if option.is_correct)
        assert key != "Waar" or WATERBED_PERCEPTION.search(question.text), question.text


# --- (c) Plain language: no sentence over 25 words ------------------------------------------


def learner_texts(content: Content) -> list[Text]:
    """Every text a learner reads: lessons and questions, and also the module pages (intro,
    learning goals, werkoverleg kit), trends, sessions and session templates, and the
    council's self-reflection."""
    texts = content.of_kind("lesson", "question")
    for model in (ModulePage, TrendPage, SessionPage, ReflectionPage):
        for page in model.objects.live():
            texts += _page_texts(page, "page")
    for template in SessionTemplate.objects.all():
        where = f"SessionTemplate '{template.title}'"
        texts += [
            Text(where, "page", template.title),
            Text(where, "page", plain(template.description)),
        ]
    return texts


def test_no_learner_facing_sentence_is_longer_than_25_words(content):
    long = []
    for text in learner_texts(content):
        for sentence in sentences(text.text):
            count = len(words(sentence))
            if count > MAX_WORDS:
                long.append(f"{text.where} ({count} words): {sentence}")
    assert not long, f"{len(long)} sentences over {MAX_WORDS} words:\n" + "\n".join(long)


def test_the_sentence_counter_can_fail():
    too_long = " ".join(["woord"] * 26) + ". Kort."
    assert [len(words(s)) for s in sentences(plain(f"<p>{too_long}</p>"))] == [26, 1]
    assert sentences(plain("<ul><li>Een</li><li>Twee</li></ul>")) == ["Een", "Twee"]
    with_colon = "Dit komt voor: " + ", ".join(["woord"] * 12) + "; en " + " ".join(["x"] * 10)
    assert [len(words(s)) for s in sentences(with_colon)] == [26]
    assert sentences("Het kost 5.000 euro. Om 13.30 uur!") == [
        "Het kost 5.000 euro",
        "Om 13.30 uur",
    ]
    assert sentences("Doel een\nDoel twee") == ["Doel een", "Doel twee"]


# --- (d) The audit's figures ----------------------------------------------------------------

CLOSURES_13B = {2020: {20}, 2021: {0}, 2022: {14}, 2023: {17}, 2024: {13}}
# All kinds of Bibob requests together (audit table 4.5), the APV horeca requests among them
# (27 in 2023, 24 in 2024 to September), and building/environment (23 to 38 a year).
BIBOB = {
    2020: set(range(23, 39)),
    2021: {22} | set(range(23, 39)),
    2022: {21} | set(range(23, 39)),
    2023: {32, 27} | set(range(23, 39)),
    2024: {24} | set(range(23, 39)),
}
DWANGSOM = {2022: {23}, 2023: {21}, 2024: {11}}

_PAIR = re.compile(r"\b(\d{1,3}) (?:keer |sluitingen |panden |verzoeken |aanvragen )?in (20\d\d)\b")
_PAIR_YEAR_FIRST = re.compile(r"\b(?:in )?(20\d\d)[: ]+(?:waren het |ging het om )?(\d{1,3})\b")


def figure_pairs(sentence: str) -> set[tuple[int, int]]:
    """(year, number) pairs such as "14 keer in 2022" or "2022: 14"."""
    pairs = {(int(year), int(n)) for n, year in _PAIR.findall(sentence)}
    pairs |= {(int(year), int(n)) for year, n in _PAIR_YEAR_FIRST.findall(sentence)}
    return {(year, n) for year, n in pairs if 2015 <= year <= 2030 and n < 1000}


def _figure_problems(content: Content, topic: re.Pattern, table: dict[int, set[int]]):
    problems = []
    for text in content.all:
        for sentence in sentences(text.text.replace("13b", "13-b")):
            if not topic.search(sentence):
                continue
            for year, number in figure_pairs(sentence):
                if year in table and number not in table[year]:
                    problems.append(f"{text.where}: {number} in {year}: {sentence}")
    return problems


def test_figure_pairs_are_read_from_a_sentence():
    assert figure_pairs("20 keer in 2020 en 14 keer in 2022") == {(2020, 20), (2022, 14)}
    assert figure_pairs("In 2023: 17") == {(2023, 17)}


def test_13b_closures_match_the_audit(content):
    topic = re.compile(r"13-b|sluit\w*[^.]{0,60}(drugs)?pand|pand\w*[^.]{0,40}sluit", re.I)
    problems = _figure_problems(content, topic, CLOSURES_13B)
    assert not problems, "13b figures that differ from the audit:\n" + "\n".join(problems)


def test_bibob_figures_match_the_audit(content):
    problems = _figure_problems(content, re.compile(r"bibob", re.I), BIBOB)
    for text in content.all:
        for sentence in sentences(text.text):
            if (
                re.search(r"bibob", sentence, re.I)
                and re.search(r"\b27\b[^.]{0,20}2023", sentence)
                and not re.search(r"horeca|APV", sentence, re.I)
            ):
                problems.append(f"{text.where}: 27 in 2023 without horeca: {sentence}")
    assert not problems, "Bibob figures that differ from the audit:\n" + "\n".join(problems)


def test_dwangsom_figures_match_the_audit(content):
    problems = _figure_problems(content, re.compile(r"dwangsom", re.I), DWANGSOM)
    assert not problems, "dwangsom figures that differ from the audit:\n" + "\n".join(problems)


# --- Every question points to what teaches it ------------------------------------------------


def test_every_question_names_a_heading_or_block_of_the_lesson_that_teaches_it(content):
    """The source note is a heading, signal card or dilemma title of the source lesson, so
    the result page sends the learner to the part that teaches the answer."""
    lessons = {}
    problems = []
    for question in Question.objects.select_related("source_page"):
        if question.source_page is None:
            problems.append(f"#{question.pk} {question.text[:60]}: no lesson")
            continue
        if not question.source_note:
            continue
        page = question.source_page.specific
        if page.pk not in lessons:
            lessons[page.pk] = " ".join(text.text for text in _page_texts(page, "lesson"))
        if question.source_note.lower() not in lessons[page.pk].lower():
            problems.append(
                f"#{question.pk} {question.text[:60]}: '{question.source_note}' not in "
                f"'{page.title}'"
            )
    assert not problems, "questions whose source is not in their lesson:\n" + "\n".join(problems)
