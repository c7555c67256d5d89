"""Queue the weekly mail to the editors about pages to check (reviews/reminders.py). Run by
the daily job; the mail goes out once per calendar week."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from reviews.reminders import ask_for_this_week


class Command(BaseCommand):
    help = "Stuur de redactie één keer per week een mail met de pagina's om te controleren."

    def handle(self, *args, **options):
        if ask_for_this_week(timezone.localdate()):
            self.stdout.write("Mail van deze week staat klaar om te versturen")
        else:
            self.stdout.write("Mail van deze week is al verstuurd")
