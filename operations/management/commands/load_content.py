"""`manage.py load_content`: load the site's content from fixtures/ (safe to run again)."""

import time

from django.core.management.base import BaseCommand, CommandError

from operations.loader import FixtureError, load_content


class Command(BaseCommand):
    help = "Laadt de inhoud uit fixtures/. Nog een keer draaien verandert niets."

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            report = load_content(stdout=self.stdout)
        except FixtureError as error:
            raise CommandError(f"Inhoud niet geladen. {error}") from error
        seconds = time.monotonic() - started
        self.stdout.write(f"Inhoud geladen in {seconds:.1f} s: {report.summary()}.")
        for key in report.kept:
            self.stdout.write(f"  overgeslagen (aangepast of verwijderd door een redacteur): {key}")
