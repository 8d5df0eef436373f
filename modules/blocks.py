"""StreamField blocks for lessons: the building blocks the kernteam writes lessons with.

Every block has an icon and a description. The blocks whose content is text (text, signal
card, dilemma, report it, key takeaways) also have a preview value, which the block picker
shows through ``site/templates/wagtailcore/shared/block_preview.html``; the image, video and
download blocks need a file from the library, so the picker shows only their description.
Each renders with its own template in ``modules/learning/templates/modules/blocks/``; all of
them work without JavaScript and by keyboard (the dilemma asks with a plain form of radio
buttons, and shows its explanations only after the learner chose).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

LESSON_RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=LESSON_RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "modules/blocks/text.html"
        description = _("Running text with headings, lists and links.")
        preview_value = (
            "<p>Ondermijning zie je niet altijd meteen. Soms is het een klein detail in een "
            "aanvraag dat niet klopt.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    """An image with an optional caption.

    ``image`` is Wagtail's own ``ImageBlock``: the editor gives alternative text or marks the
    image as decorative (then it renders with ``alt=""``), and Wagtail refuses an image with
    neither. Its value is the image itself, carrying ``contextual_alt_text`` and ``decorative``.
    """

    # The same HTML for every reader: cached per published revision (lesson_tags).
    renders_the_same_for_everybody = True

    # The same HTML for every reader: cached per published revision (lesson_tags).
    renders_the_same_for_everybody = True

    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "modules/blocks/image.html"
        description = _(
            "An image from the media library, with alternative text (or marked as decorative) "
            "and an optional caption."
        )


class VideoBlock(blocks.StructBlock):
    """A video file from the documents library, with captions (WebVTT) and a transcript.

    Captions and a transcript are required: WCAG 2.1 AA asks for both for recorded video.
    """

    # The same HTML for every reader: cached per published revision (lesson_tags).
    renders_the_same_for_everybody = True

    title = blocks.CharBlock(label=_("title"), max_length=150)
    video = DocumentChooserBlock(
        label=_("video file"), help_text=_("An MP4 or WebM file from the documents library.")
    )
    captions = DocumentChooserBlock(
        label=_("captions (WebVTT)"), help_text=_("A .vtt file with Dutch captions.")
    )
    transcript = blocks.TextBlock(label=_("transcript"))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "modules/blocks/video.html"
        description = _("A video with Dutch captions and a written transcript.")

    def clean(self, value):
        value = super().clean(value)
        captions = value.get("captions")
        if captions is not None and captions.file_extension.lower() != "vtt":
            raise blocks.StructBlockValidationError(
                block_errors={"captions": ValidationError(_("Choose a WebVTT file (.vtt)."))}
            )
        return value


class SignalCardBlock(blocks.StructBlock):
    """A signal of ondermijning: what you see, why it may matter, what to do."""

    # The same HTML for every reader: cached per published revision (lesson_tags).
    renders_the_same_for_everybody = True

    title = blocks.CharBlock(label=_("signal"), max_length=150)
    what_you_see = blocks.TextBlock(label=_("what you see"))
    why_it_matters = blocks.TextBlock(label=_("why it may matter"))
    what_to_do = blocks.TextBlock(label=_("what to do"))

    class Meta:
        icon = "warning"
        label = _("Signal card")
        template = "modules/blocks/signal_card.html"
        description = _("One signal: what you see, why it may matter and what you do.")
        preview_value = {
            "title": "Sterke anijslucht",
            "what_you_see": "Bij een bedrijfspand ruik je een sterke lucht van anijs.",
            "why_it_matters": "Die lucht kan komen van het maken van synthetische drugs.",
            "what_to_do": "Ga niet zelf kijken. Meld het bij het kernteam ondermijning.",
        }


class DilemmaChoiceBlock(blocks.StructBlock):
    choice = blocks.CharBlock(label=_("choice"), max_length=250)
    explanation = blocks.TextBlock(
        label=_("explanation"), help_text=_("Shown after the learner picks this choice.")
    )


@dataclass(frozen=True)
class DilemmaOption:
    """One choice of a dilemma as the learner sees it; ``id`` is the list item's StreamField
    id, the key a stored choice refers to."""

    id: str
    text: str
    explanation: str
    chosen: bool = False


class DilemmaBlock(blocks.StructBlock):
    """A workplace situation with choices. The learner chooses first, then reads the
    explanation of their choice and of the others. No score.

    What the template shows follows from the page's context: a page that records choices
    (``LessonPage``, ``TrendPage``) puts the reader's choices on the page in
    ``dilemma_choices`` (block id → choice id). Without it (an admin preview, the block
    picker) every explanation shows, so editors can check them. With it, a dilemma not yet
    chosen is a plain form that posts to ``dilemma_choose`` (see
    :mod:`modules.learning.dilemmas`); a chosen one shows that choice first.
    """

    title = blocks.CharBlock(label=_("title"), max_length=150)
    situation = blocks.TextBlock(label=_("situation"))
    question = blocks.CharBlock(label=_("question"), max_length=250)
    choices = blocks.ListBlock(DilemmaChoiceBlock(), label=_("choices"), min_num=2, max_num=5)

    class Meta:
        icon = "help"
        label = _("Dilemma")
        template = "modules/blocks/dilemma.html"
        description = _(
            "A situation at work with choices. The learner chooses first, then reads why each "
            "choice is or is not wise. Nothing is scored."
        )
        preview_value = {
            "title": "Een vriendelijke aanvrager",
            "situation": "Een aanvrager biedt je na afloop twee kaartjes voor een concert aan.",
            "question": "Wat doe je?",
            "choices": [
                {"choice": "Ik neem ze aan.", "explanation": "Liever niet: zo ontstaat binding."},
                {"choice": "Ik weiger vriendelijk.", "explanation": "Goed. Meld het ook."},
            ],
        }

    @staticmethod
    def options(value) -> list[DilemmaOption]:
        """The choices in the editor's order, each with its StreamField id."""
        return [
            DilemmaOption(
                id=child.id, text=child.value["choice"], explanation=child.value["explanation"]
            )
            for child in value["choices"].bound_blocks
        ]

    def get_context(self, value, parent_context=None):
        """``dilemma_mode``: "ask" (the form), "answered" (``chosen`` first, then ``others``)
        or "all" (every explanation: no recorded choices in this context)."""
        context = super().get_context(value, parent_context=parent_context)
        options = self.options(value)
        choices = context.get("dilemma_choices")
        block_id = context.get("id")
        page = context.get("page")
        if choices is None or not block_id or page is None or page.pk is None:
            context.update(dilemma_mode="all", options=options)
            return context
        chosen_id = choices.get(block_id)
        if chosen_id is None:
            context.update(
                dilemma_mode="ask",
                options=options,
                action=reverse("dilemma_choose", args=[page.pk, block_id]),
            )
            return context
        chosen = next((option for option in options if option.id == chosen_id), None)
        context.update(
            dilemma_mode="answered",
            chosen=chosen,  # None when the editor removed that choice since
            others=[option for option in options if option is not chosen],
        )
        return context


class ReportItBlock(blocks.StructBlock):
    """Shows the current reporting routes from the "reporting routes" site setting."""

    heading = blocks.CharBlock(label=_("heading"), max_length=150, default="Meld het")
    intro = blocks.TextBlock(label=_("introduction"), required=False)

    class Meta:
        icon = "mail"
        label = _("Report it")
        template = "modules/blocks/report_it.html"
        preview_value = {
            "heading": "Meld het",
            "intro": "Twijfel je? Meld het toch. Het kernteam kijkt er vertrouwelijk naar.",
        }
        description = _(
            "The current reporting routes. Change the addresses once under Settings → "
            "Reporting routes; every lesson follows."
        )


class KeyTakeawaysBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=150, default="Onthoud")
    points = blocks.ListBlock(blocks.CharBlock(max_length=250), label=_("points"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Key takeaways")
        template = "modules/blocks/key_takeaways.html"
        description = _("The few points a learner must remember from this lesson.")
        preview_value = {
            "heading": "Onthoud",
            "points": ["Je hoeft niets te bewijzen.", "Ga niet zelf op onderzoek uit."],
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(label=_("description"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "modules/blocks/document.html"
        description = _("A document to download, with its type and size.")


class ScormBlock(blocks.StructBlock):
    """A partner's SCORM package, played in the lesson; done when the package says so.

    The package model lives in the SCORM app, above this layer: it is named as a string and
    the template loads that app's ``scorm_tags`` by name. Rendered per reader (their progress).
    """

    package = SnippetChooserBlock("scorm.ScormPackage", label=_("SCORM package"))

    class Meta:
        icon = "media"
        label = _("E-learning (SCORM)")
        template = "scorm/blocks/scorm.html"
        description = _(
            "A partner's e-learning (SCORM 1.2 or 2004); the lesson is done when the learner "
            "completes it."
        )


class LessonStreamBlock(blocks.StreamBlock):
    text = TextBlock()
    image = CaptionedImageBlock()
    video = VideoBlock()
    signal = SignalCardBlock()
    dilemma = DilemmaBlock()
    report_it = ReportItBlock()
    takeaways = KeyTakeawaysBlock()
    document = DocumentBlock()


class LessonPageStreamBlock(LessonStreamBlock):
    """A lesson's blocks: the shared ones plus a SCORM package, which only a lesson can track
    (a trend page shares the rest, not this)."""

    scorm = ScormBlock()


class TeamQuestionsBlock(blocks.StructBlock):
    """Open questions a leidinggevende asks the team in a werkoverleg; no right answers."""

    # The same HTML for every reader: cached per published revision (lesson_tags).
    renders_the_same_for_everybody = True

    # The same HTML for every reader: cached per published revision (lesson_tags).
    renders_the_same_for_everybody = True

    # The same HTML for every reader: cached per published revision (lesson_tags).
    renders_the_same_for_everybody = True

    heading = blocks.CharBlock(label=_("heading"), max_length=150, default="Vragen voor het team")
    questions = blocks.ListBlock(
        blocks.CharBlock(max_length=250), label=_("questions"), min_num=1, max_num=8
    )

    class Meta:
        icon = "group"
        label = _("Team questions")
        template = "modules/blocks/team_questions.html"
        description = _("Open questions for the team to talk about. There are no right answers.")
        preview_value = {
            "heading": "Vragen voor het team",
            "questions": [
                "Herken je deze situatie uit je eigen werk?",
                "Bij wie kun je in ons team terecht als je twijfelt?",
            ],
        }


class TeamKitBlock(blocks.StreamBlock):
    """The werkoverleg kit of a module: what a leidinggevende projects or prints to talk about
    ondermijning with the team (see :mod:`modules.learning.team_kit`). Its dilemmas are for
    talking, not for recording choices: the kit page shows every choice and its explanation."""

    text = TextBlock()
    dilemma = DilemmaBlock()
    questions = TeamQuestionsBlock()
