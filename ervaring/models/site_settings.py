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
    contact_email = models.EmailField(
        "E-mailadres voor contact",
        blank=True,
        help_text="Staat onderaan elke pagina als ‘Contact’. Bezoekers mailen hierheen, "
        "bijvoorbeeld om hun reactie te laten wissen.",
    )

    panels = [
        FieldPanel("tagline"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = "instellingen van de site"
