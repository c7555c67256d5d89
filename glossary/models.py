"""The begrippenlijst: hard words that must stay (EVC, LVB, kwartiermaken …), each with a B1
explanation the editors keep in the admin (Indeling → Begrippen). On public pages the first use
of a term in the page's text is marked and leads to its explanation (glossary/marking.py);
/begrippen/ lists them all (GlossaryPage)."""

import re

from django.db import models
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.models import Page
from wagtail.search import index

from core.models import BasePage
from core.models.pages import findable_in_admin, page_tabs, source_field


class Term(index.Indexed, models.Model):
    """A word a reader may not know, and what it means in plain words."""

    term = models.CharField(
        "begrip",
        max_length=80,
        unique=True,
        help_text="Zoals het meestal geschreven wordt, bijvoorbeeld ‘EVC’ of ‘kwartiermaken’.",
    )
    slug = models.SlugField(
        "anker",
        max_length=80,
        unique=True,
        blank=True,
        help_text="Het adres van de uitleg op de pagina Begrippen (/begrippen/#…). Leeg: "
        "gemaakt uit het begrip.",
    )
    other_forms = models.TextField(
        "andere vormen",
        blank=True,
        help_text="Andere schrijfwijzen en vormen, één per regel: meervoud, met of zonder "
        "streepje (‘kwartiermaker’, ‘kwartiermakers’). Ook die worden op pagina's gemarkeerd.",
    )
    explanation = models.TextField(
        "uitleg",
        max_length=600,
        help_text="In gewone woorden (B1): korte zinnen, geen nieuwe moeilijke woorden.",
    )
    explanation_from_source = models.BooleanField(
        "de uitleg komt uit de bron",
        default=False,
        help_text="Alleen aanvinken als de uitleg letterlijk in de bron staat. Anders lezen "
        "bezoekers ‘uitleg van de redactie’.",
    )
    source = source_field()

    # The field that says "the source says so" (the loader wants a quote from the source).
    source_claims = ("explanation_from_source",)

    search_fields = [
        index.SearchField("term", boost=3),
        index.SearchField("other_forms", boost=2),
        index.SearchField("explanation"),
        index.AutocompleteField("term"),
    ]

    panels = [
        FieldPanel("term"),
        FieldPanel("other_forms"),
        FieldPanel("explanation"),
        FieldPanel("explanation_from_source"),
        FieldPanel("source"),
        FieldPanel("slug"),
    ]

    class Meta:
        verbose_name = "begrip"
        verbose_name_plural = "begrippen"
        ordering = ["term"]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.term)[:80] or "begrip"
        super().save(*args, **kwargs)

    @cached_property
    def forms(self):
        """Every way the term is written: the term first, then its other forms."""
        others = [line.strip() for line in re.split(r"[\n,]", self.other_forms) if line.strip()]
        return [self.term, *(form for form in others if form != self.term)]

    @property
    def mark(self):
        """Whose explanation this is, as the reader sees it."""
        if self.explanation_from_source and self.source:
            return f"uitleg uit de bron: {self.source}"
        return "uitleg van de redactie"


class GlossaryPage(BasePage):
    """/begrippen/: every term with its explanation, A to Z, each at its own anchor."""

    intro = models.TextField(
        "Introductie",
        max_length=600,
        blank=True,
        help_text="Eén of twee zinnen boven de lijst.",
    )
    source = source_field()

    type_label = "Begrippenlijst"
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("summary")]
    edit_handler = page_tabs(ObjectList(content_panels, heading="Inhoud"))
    search_fields = findable_in_admin(
        [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("terms_text")]
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "begrippenlijst"
        verbose_name_plural = "begrippenlijsten"

    def terms_text(self):
        """What search finds this page by: every term, its forms and its explanation."""
        return " ".join(
            f"{term.term} {term.other_forms} {term.explanation}" for term in Term.objects.all()
        )

    def shown_from_elsewhere(self, query):
        shown = super().shown_from_elsewhere(query)
        terms = list(Term.objects.all())
        letters = {}
        for term in terms:
            letters.setdefault(term.term[:1].upper(), []).append(term)
        shown["terms_list"] = self.rendered_part(
            "glossary/includes/terms_list.html", letters=sorted(letters.items())
        )
        return shown
