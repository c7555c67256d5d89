"""What readers said of a page: "Was deze pagina nuttig?" Ja or Nee, and after Nee an optional
"Wat miste je?". Anonymous: no name, address, account or network is stored with it."""

from django.db import models
from django.utils import timezone

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
