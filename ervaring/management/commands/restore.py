"""`manage.py restore ARCHIVE`: put a backup from `manage.py backup` back (see
ervaring/backups.py). Replaces the database's content and the uploaded files, then makes every
cached page stale. Stop the site first."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ervaring.backups import restore_backup


class Command(BaseCommand):
    help = "Zet een reservekopie terug (database en media). Stop de site eerst."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Niet om bevestiging vragen.")

    def handle(self, *args, archive, yes, **options):
        archive = Path(archive)
        if not archive.exists():
            raise CommandError(f"Bestand niet gevonden: {archive}")
        if not yes:
            answer = input("Dit vervangt de hele database en alle media. Doorgaan? [ja/nee] ")
            if answer.strip().lower() not in {"ja", "j", "yes", "y"}:
                raise CommandError("Afgebroken.")
        restore_backup(archive)
        self.stdout.write(f"Teruggezet: {archive}")
