"""Erase what readers wrote under "Wat miste je?" once it is older than FEEDBACK_RETENTION_DAYS
(the Ja/Nee counts stay), and messages sent with the contact form once they are older than
CONTACT_RETENTION_DAYS. Run by the daily job."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback.models import ContactMessage, PageFeedback


class Command(BaseCommand):
    help = (
        "Wis de teksten bij ‘Was deze pagina nuttig?’ en de berichten via het contactformulier "
        "na hun bewaartermijn."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.ERVARING["FEEDBACK_RETENTION_DAYS"])
        erased = (
            PageFeedback.objects.filter(created_at__lt=cutoff)
            .exclude(missing="")
            .update(missing="")
        )
        self.stdout.write(f"{erased} {'tekst' if erased == 1 else 'teksten'} gewist")
        cutoff = timezone.now() - timedelta(days=settings.ERVARING["CONTACT_RETENTION_DAYS"])
        messages, _ = ContactMessage.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"{messages} {'bericht' if messages == 1 else 'berichten'} gewist")
