"""`manage.py restore ARCHIVE`: put a backup from `manage.py backup` back (see
operations/backups.py). Checks the whole archive first; only then replaces the database's content
and the uploaded files, and makes every cached page stale. Stop the site first."""

import sys

from django.core.management.base import BaseCommand

from operations.backups import BackupError, restore_backup

QUESTION = "Dit vervangt de hele database en alle media. Doorgaan? [ja/nee] "


class Command(BaseCommand):
    help = "Zet een reservekopie terug (database en media). Stop de site eerst."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Niet om bevestiging vragen.")

    def handle(self, *args, archive, yes, **options):
        try:
            restore_backup(archive, confirm=lambda: yes or self.ask())
        except BackupError as error:
            # One Dutch line, no traceback: what is wrong, and that nothing changed.
            self.stderr.write(str(error))
            sys.exit(1)
        self.stdout.write(f"Teruggezet: {archive}")

    def ask(self):
        if not sys.stdin.isatty():
            raise BackupError(
                "Het archief is in orde, maar er is geen terminal om te bevestigen. Zeg ja met "
                "--yes (make restore FILE=… YES=1). Er is niets veranderd."
            )
        try:
            answer = input(QUESTION)
        except EOFError:
            answer = ""
        return answer.strip().lower() in {"ja", "j", "yes", "y"}
