"""`manage.py backup`: the database and the uploaded files in one dated archive (see
operations/backups.py). On a server: `scripts/production-manage.sh backup`."""

import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from operations.backups import BackupError, make_backup


class Command(BaseCommand):
    help = "Maakt een reservekopie van de database en de media in één archief."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default=str(settings.VAR_DIR / "backups"))
        parser.add_argument(
            "--keep",
            type=int,
            default=int(os.environ.get("BACKUP_KEEP", "14")),
            help="Bewaar alleen de nieuwste zoveel archieven (standaard BACKUP_KEEP of 14).",
        )

    def handle(self, *args, output_dir, keep, **options):
        try:
            archive, media_count = make_backup(output_dir, keep)
        except BackupError as error:
            self.stderr.write(str(error))
            sys.exit(1)
        self.stdout.write(f"Reservekopie gemaakt: {archive} ({media_count} mediabestanden)")
