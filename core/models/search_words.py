"""Words that mean the same to a visitor who searches: edited by the editors under "Indeling",
read by the site search (core/search.py). Someone who types "geld" also finds the paid
work; someone who types "psychose" also finds the pages about ggz and herstel."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

MAX_GROUP_WORDS = 12
WORD = re.compile(r"^\w+$")


def split_words(text):
    """The words of a group as typed ("geld, betaald, salaris"): trimmed, in lower case, each
    once, in the order given."""
    words = []
    for part in re.split(r"[,\n;]+", text or ""):
        word = part.strip().lower()
        if word and word not in words:
            words.append(word)
    return words


class SearchSynonym(models.Model):
    words = models.CharField(
        "Woorden",
        max_length=300,
        help_text="Woorden die voor iemand die zoekt hetzelfde betekenen, gescheiden door "
        "komma's. Wie één ervan zoekt, vindt ook pagina's met de andere. Bijvoorbeeld: geld, "
        "betaald, salaris.",
    )
    panels = [FieldPanel("words")]

    class Meta:
        ordering = ["words"]
        verbose_name = "zoekwoorden met dezelfde betekenis"
        verbose_name_plural = "zoekwoorden met dezelfde betekenis"

    def __str__(self):
        return ", ".join(split_words(self.words))

    def clean(self):
        words = split_words(self.words)
        odd = [word for word in words if not WORD.match(word)]
        if odd:
            raise ValidationError(
                {
                    "words": "Alleen losse woorden, gescheiden door komma's. Dit is geen los "
                    f"woord: ‘{odd[0]}’."
                }
            )
        if len(words) < 2:
            raise ValidationError({"words": "Noem minstens twee woorden, gescheiden door komma's."})
        if len(words) > MAX_GROUP_WORDS:
            raise ValidationError(
                {"words": f"Noem hoogstens {MAX_GROUP_WORDS} woorden; maak anders twee groepen."}
            )
        self.words = ", ".join(words)

    @classmethod
    def groups(cls):
        """Every group as a tuple of words."""
        return [tuple(split_words(text)) for text in cls.objects.values_list("words", flat=True)]
