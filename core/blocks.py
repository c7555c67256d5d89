"""StreamField blocks shared by every page body on the site.

Every body (content pages, roles, employers, articles) is built from `BaseStreamBlock`, so an
editor meets the same blocks everywhere and the front end styles them once."""

from wagtail import blocks, hooks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.images.blocks import ImageChooserBlock

# The Wagtail hook through which the readability app gives the accessibility statement its list
# of quoted texts above B1: a function returning {rows, b1_min_score, verbatim_percent}.
# ervaring imports no app; without that app the block shows nothing.
READABILITY_LIST_HOOK = "readability_list"

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading. Pages have one h1 (the title), so bodies start at h2."""

    text = blocks.CharBlock(label="Tekst", max_length=120)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Kop (niveau 2)"), ("h3", "Tussenkop (niveau 3)")],
        default="h2",
        help_text="Gebruik niveau 3 alleen onder een kop van niveau 2.",
    )

    class Meta:
        icon = "title"
        label = "Kop"
        template = "blocks/heading_block.html"
        description = "Een kop boven een deel van de tekst."
        preview_value = {"text": "Wat doet een ervaringsdeskundige?", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with links and simple lists."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Tekst"
        template = "blocks/paragraph_block.html"
        description = "Gewone tekst, met vet, cursief, links en lijstjes."


class QuoteBlock(blocks.StructBlock):
    """A quotation with who said it."""

    text = blocks.TextBlock(label="Citaat")
    attribution = blocks.CharBlock(
        label="Wie zegt dit?", required=False, help_text="Naam of omschrijving. Mag leeg."
    )

    class Meta:
        icon = "openquote"
        label = "Citaat"
        template = "blocks/quote_block.html"
        description = "Een citaat, met wie het zei."
        preview_value = {
            "text": "Cliënten herkennen zich in mij, dat maakt het contact heel sterk.",
            "attribution": "Een ervaringswerker",
        }


class ExperienceStoryBlock(QuoteBlock):
    """A short first-person story of someone doing this work ("Cliënten herkennen zich in mij…")."""

    class Meta:
        icon = "user"
        label = "Ervaringsverhaal"
        template = "blocks/experience_story_block.html"
        description = "Een kort verhaal of citaat van iemand die dit werk doet."


class ListBlock(blocks.StructBlock):
    """A list of short points, numbered or not."""

    title = blocks.CharBlock(label="Titel boven de lijst", required=False)
    numbered = blocks.BooleanBlock(label="Genummerd", required=False)
    items = blocks.ListBlock(blocks.TextBlock(label="Punt"), label="Punten", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Lijst"
        template = "blocks/list_block.html"
        description = "Een opsomming van korte punten."


class CalloutBlock(blocks.StructBlock):
    """A highlighted box: a tip or something to watch out for."""

    kind = blocks.ChoiceBlock(
        label="Soort",
        choices=[("tip", "Tip"), ("let-op", "Let op"), ("info", "Goed om te weten")],
        default="tip",
    )
    title = blocks.CharBlock(label="Titel", required=False)
    text = ParagraphBlock(label="Tekst")

    class Meta:
        icon = "help"
        label = "Tip of let op"
        template = "blocks/callout_block.html"
        description = "Een opvallend blok met een tip of een waarschuwing."


class FromSourceBlock(blocks.StructBlock):
    """Words of one source, word for word, with the source named: on a page that gathers what
    the sources say for a visitor's situation, what is theirs and what is the editors' shows
    (issue 32). The content loader refuses a passage it cannot find in the source it names."""

    source = blocks.CharBlock(
        label="Bron",
        max_length=120,
        help_text="Zoals de site de bron noemt, bijvoorbeeld ‘Movisie’ of ‘Jim van Os, "
        "PsychoseNet’.",
    )
    title = blocks.CharBlock(label="Titel boven de lijst", required=False)
    text = blocks.TextBlock(
        label="Tekst uit de bron",
        required=False,
        help_text="Woord voor woord, zonder iets te veranderen. Een lege regel begint een nieuwe "
        "alinea.",
    )
    items = blocks.ListBlock(
        blocks.TextBlock(label="Punt"), label="Punten uit de bron", required=False, default=[]
    )

    class Meta:
        icon = "openquote"
        label = "Uit de bron"
        template = "blocks/from_source_block.html"
        description = "Tekst of punten uit een bron, woord voor woord, met de naam van de bron."
        preview_value = {
            "source": "Jim van Os, PsychoseNet",
            "text": "Bouw het rustig op. Bewaak je eigen grenzen.",
            "items": [],
        }


class EditorsBlock(blocks.StructBlock):
    """The editors' own words, marked as theirs wherever they stand: plain-language readings,
    what the sources do not cover, where to ask."""

    title = blocks.CharBlock(label="Titel", required=False, max_length=120)
    text = ParagraphBlock(label="Tekst")

    class Meta:
        icon = "edit"
        label = "Van de redactie"
        template = "blocks/editors_block.html"
        description = "Tekst van de redactie zelf, zichtbaar gemarkeerd als ‘Van de redactie’."


class ImageBlock(blocks.StructBlock):
    """An image with the text a screen reader reads out. The alt text is required."""

    image = ImageChooserBlock(label="Afbeelding")
    alt_text = blocks.CharBlock(
        label="Alt-tekst",
        max_length=250,
        help_text="Beschrijf wat er op de afbeelding te zien is, voor wie hem niet kan zien.",
    )
    caption = blocks.CharBlock(label="Onderschrift", required=False)

    class Meta:
        icon = "image"
        label = "Afbeelding"
        template = "blocks/image_block.html"
        description = "Een afbeelding met alt-tekst en een onderschrift."


class TableBlock(WagtailTableBlock):
    """A simple table with a caption and a header row."""

    class Meta:
        icon = "table"
        label = "Tabel"
        template = "blocks/table_block.html"
        description = "Een tabel met een bijschrift en een kopregel."


class FigureBlock(blocks.StructBlock):
    """One figure as data: a number with its unit and qualifier, what it counts, its source, and
    its year when the source gives one."""

    number = blocks.DecimalBlock(label="Getal", decimal_places=1)
    unit = blocks.ChoiceBlock(
        label="Eenheid",
        choices=[
            ("personen", "personen"),
            ("procent", "procent"),
            ("organisaties", "organisaties"),
        ],
        default="personen",
    )
    qualifier = blocks.ChoiceBlock(
        label="Precisie",
        choices=[
            ("", "precies"),
            ("ongeveer", "ongeveer"),
            ("naar schatting", "naar schatting"),
            ("ruim", "ruim"),
            ("minstens", "minstens"),
        ],
        required=False,
        help_text="Neem het woord van de bron over: ‘ruim 90’ is iets anders dan ‘ongeveer 90’.",
    )
    label = blocks.CharBlock(
        label="Wat is geteld?",
        max_length=250,
        help_text="Zeg ook waarvan het een deel is, bij een percentage: ‘van de organisaties "
        "die meededen’.",
    )
    source = blocks.CharBlock(label="Bron", max_length=250)
    year = blocks.IntegerBlock(
        label="Jaar",
        min_value=1950,
        max_value=2100,
        required=False,
        help_text="Alleen als de bron het jaar noemt. Leeg: op de site staat ‘niet genoemd’.",
    )

    class Meta:
        icon = "order"
        label = "Cijfer"


class FiguresBlock(blocks.StructBlock):
    """A group of figures, shown as a table with bars (readable without the bars)."""

    title = blocks.CharBlock(label="Titel")
    in_short = blocks.TextBlock(
        label="In het kort (door de redactie)",
        required=False,
        help_text="Eén korte zin in eenvoudige woorden: wat zeggen deze cijfers? Zeg niets wat "
        "de bron niet zegt. Op de site staat dat deze zin van de redactie is.",
    )
    intro = blocks.TextBlock(label="Toelichting", required=False)
    figures = blocks.ListBlock(FigureBlock(), label="Cijfers", min_num=1)

    class Meta:
        icon = "table"
        label = "Cijfers"
        template = "blocks/figures_block.html"
        description = (
            "Cijfers met hun bron (en jaar, als de bron dat noemt), als tabel met balkjes."
        )


class ReadabilityListBlock(blocks.StaticBlock):
    """The quoted source texts that read above B1, measured when the page is shown (for the
    accessibility statement; the readability app provides them through READABILITY_LIST_HOOK)."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["measured"] = False
        for provide in hooks.get_hooks(READABILITY_LIST_HOOK):
            context.update(provide())
            context["measured"] = True
        return context

    class Meta:
        icon = "list-ul"
        label = "Bronteksten boven B1"
        admin_text = (
            "Toont vanzelf welke letterlijk overgenomen teksten volgens de meting moeilijker "
            "zijn dan B1. Voor de toegankelijkheidsverklaring."
        )
        template = "blocks/readability_list_block.html"
        description = "De lijst van bronteksten boven B1, altijd bijgewerkt."


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every page body can use."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    experience_story = ExperienceStoryBlock()
    list = ListBlock()
    callout = CalloutBlock()
    from_source = FromSourceBlock()
    editors = EditorsBlock()
    image = ImageBlock()
    table = TableBlock()
    figures = FiguresBlock()
    readability_list = ReadabilityListBlock()
