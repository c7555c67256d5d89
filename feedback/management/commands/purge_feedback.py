"""Erase what readers wrote under "Wat miste je?" once it is older than FEEDBACK_RETENTION_DAYS
(the Ja/Nee counts stay). Run by the daily job."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback.models import PageFeedback


class Command(BaseCommand):
    help = "Wis de teksten bij ‘Was deze pagina nuttig?’ na de bewaartermijn."

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.ERVARING["FEEDBACK_RETENTION_DAYS"])
        erased = (
            PageFeedback.objects.filter(created_at__lt=cutoff)
            .exclude(missing="")
            .update(missing="")
        )
        self.stdout.write(f"{erased} {'tekst' if erased == 1 else 'teksten'} gewist")
