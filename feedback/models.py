"""What readers said of a page: "Was deze pagina nuttig?" Ja or Nee, and after Nee an optional
"Wat miste je?". Anonymous: no name, address, account or network is stored with it."""

from django.db import models
from django.utils import timezone
from django.utils.text import Truncator

MISSING_MAX = 500


class PageFeedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="feedback", verbose_name="pagina"
    )
    useful = models.BooleanField("nuttig")
    missing = models.TextField("wat miste je?", blank=True, max_length=MISSING_MAX)
    created_at = models.DateTimeField("gegeven op", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "reactie op ‘Was deze pagina nuttig?’"
        verbose_name_plural = "reacties op ‘Was deze pagina nuttig?’"

    def __str__(self):
        return f"{'Ja' if self.useful else 'Nee'}: {self.page_id}"


CONTACT_MAX = 3000


class ContactMessage(models.Model):
    """A message sent with the form on /contact/: to the editors, kept in the admin (Berichten),
    and mailed to the site's contact address when one is set. Name and address are optional:
    only who wants an answer gives one."""

    name = models.CharField("naam", max_length=100, blank=True)
    email = models.EmailField("e-mailadres", blank=True)
    message = models.TextField("bericht", max_length=CONTACT_MAX)
    about = models.CharField(
        "over de pagina",
        max_length=300,
        blank=True,
        help_text="De pagina waar de lezer op ‘Contact’ klikte, als de site dat weet.",
    )
    created_at = models.DateTimeField("ontvangen op", default=timezone.now, db_index=True)
    handled = models.BooleanField(
        "afgehandeld",
        default=False,
        help_text="Vink aan als het bericht beantwoord of opgelost is.",
    )

    class Meta:
        verbose_name = "bericht via het contactformulier"
        verbose_name_plural = "berichten via het contactformulier"
        ordering = ["handled", "-created_at"]

    def __str__(self):
        who = self.name or "Anoniem"
        return f"{who}, {timezone.localtime(self.created_at):%d-%m-%Y %H:%M}"

    def short_message(self):
        return Truncator(" ".join(self.message.split())).chars(80)

    short_message.short_description = "bericht"
