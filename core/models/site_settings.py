"""Texts and links in the header and footer of every page, edited under Instellingen."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Texts and links in the header and footer of every page."""

    tagline = models.CharField(
        "Ondertitel",
        max_length=150,
        blank=True,
        default="Werken met je ervaring",
        help_text="Staat onder de naam van de site.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Privacypagina",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Toegankelijkheidsverklaring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    glossary_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Begrippenlijst",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="De pagina met alle moeilijke woorden en hun uitleg. Staat onderaan elke pagina.",
    )
    situations_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Pagina ‘Jouw situatie’",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="De pagina met antwoorden per situatie (uitkering, opleiding, naaste, "
        "werkgever). De keuzehulp en een lege zoekopdracht of filter wijzen ernaar.",
    )
    help_now = models.TextField(
        "Hulp nodig?",
        blank=True,
        help_text="Staat onderaan elke pagina, met de kop ‘Hulp nodig?’ en het merkje ‘Van de "
        "redactie’: waar iemand terechtkan die het nu moeilijk heeft. Kort, met "
        "telefoonnummers. Een lege regel begint een nieuwe alinea.",
    )
    contact_email = models.EmailField(
        "E-mailadres voor contact",
        blank=True,
        help_text="Niet verplicht. ‘Contact’ onderaan elke pagina opent het contactformulier; "
        "de berichten staan in het beheer onder Berichten. Met een adres hier krijgt de redactie "
        "elk bericht ook per mail, en staat het adres op de contactpagina.",
    )

    moderation_wait = models.CharField(
        "Wanneer kijkt een moderator?",
        max_length=80,
        blank=True,
        default="meestal binnen twee werkdagen",
        help_text="Hoe snel een moderator meestal naar een nieuwe reactie kijkt. Bezoekers lezen "
        "het bij het reactieformulier en na het versturen: ‘Een moderator kijkt er eerst naar, "
        "meestal binnen twee werkdagen.’ Leeg laten: dan noemen we geen tijd.",
    )

    panels = [
        FieldPanel("tagline"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("glossary_page"),
        FieldPanel("situations_page"),
        FieldPanel("help_now"),
        FieldPanel("contact_email"),
        FieldPanel("moderation_wait"),
    ]

    def moderator_looks(self):
        """The sentence a reader gets about when a moderator looks at a new comment."""
        wait = self.moderation_wait.strip().rstrip(".")
        return (
            f"Een moderator kijkt er eerst naar, {wait}."
            if wait
            else ("Een moderator kijkt er eerst naar.")
        )

    class Meta:
        verbose_name = "instellingen van de site"
