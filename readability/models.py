"""The two word lists editors keep (Indeling → Eigen woorden, Indeling → Gewonere woorden):
words of this site that are fine although rare, and hard words with a plainer alternative."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


def clean_word(value):
    return " ".join(value.split()).lower()


class SiteWord(index.Indexed, models.Model):
    word = models.CharField(
        "Woord",
        max_length=80,
        unique=True,
        help_text="Eén woord, zoals het op de site staat (bijvoorbeeld ‘kwartiermaker’). "
        "Meervoud en andere vormen vinden we zelf.",
        error_messages={"unique": "Dit woord staat al in de lijst."},
    )
    note = models.CharField(
        "Waarom het mag",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld: ‘een rol op de site’ of ‘uitgelegd op de startpagina’.",
    )

    panels = [FieldPanel("word"), FieldPanel("note")]
    search_fields = [index.SearchField("word"), index.AutocompleteField("word")]

    class Meta:
        ordering = ["word"]
        verbose_name = "eigen woord"
        verbose_name_plural = "eigen woorden"

    def __str__(self):
        return self.word

    def clean(self):
        self.word = clean_word(self.word)
        if " " in self.word:  # empty: the form already says "Dit is een verplicht veld"
            raise ValidationError({"word": "Vul één woord in, zonder spaties."})


class PlainWord(index.Indexed, models.Model):
    word = models.CharField(
        "Moeilijk woord",
        max_length=80,
        unique=True,
        help_text="Het woord in zijn gewone vorm (‘faciliteren’, niet ‘faciliteert’), of een "
        "vaste uitdrukking (‘ten behoeve van’).",
        error_messages={"unique": "Dit woord staat al in de lijst."},
    )
    alternatives = models.CharField(
        "Gewonere woorden",
        max_length=200,
        help_text="Wat de redacteur in plaats daarvan kan schrijven. Meer dan één: scheid ze "
        "met een komma.",
    )

    panels = [FieldPanel("word"), FieldPanel("alternatives")]
    search_fields = [
        index.SearchField("word"),
        index.AutocompleteField("word"),
        index.SearchField("alternatives"),
    ]

    class Meta:
        ordering = ["word"]
        verbose_name = "gewoner woord"
        verbose_name_plural = "gewonere woorden"

    def __str__(self):
        return f"{self.word} → {self.alternatives}"

    def clean(self):
        self.word = clean_word(self.word)
        self.alternatives = ", ".join(
            part.strip() for part in self.alternatives.split(",") if part.strip()
        )
        errors = {}
        if not self.alternatives:
            errors["alternatives"] = "Vul minstens één gewoner woord in."
        elif self.word in [part.lower() for part in self.alternatives.split(", ")]:
            errors["alternatives"] = "Het gewonere woord is hetzelfde als het moeilijke."
        if errors:
            raise ValidationError(errors)
