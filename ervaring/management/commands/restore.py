"""`manage.py restore ARCHIVE`: put a backup from `manage.py backup` back.

Replaces the database's content and the uploaded files. Stop the site first."""

import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ervaring.management.commands.backup import pg_env_and_args, pg_tool


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
        with tempfile.TemporaryDirectory() as work:
            work = Path(work)
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(work, filter="data")
            if connection.vendor == "postgresql":
                dump = work / "database.dump"
                if not dump.exists():
                    raise CommandError("Dit archief bevat geen PostgreSQL-dump.")
                connection.close()
                env, db_args = pg_env_and_args()
                subprocess.run(  # noqa: S603 - fixed program, arguments from settings
                    [
                        pg_tool("pg_restore"),
                        "--clean",
                        "--if-exists",
                        "--no-owner",
                        "--single-transaction",
                        *db_args,
                        str(dump),
                    ],
                    env=env,
                    check=True,
                )
            elif connection.vendor == "sqlite":
                dump = work / "database.sqlite3"
                if not dump.exists():
                    raise CommandError("Dit archief bevat geen SQLite-database.")
                connection.close()
                shutil.copyfile(dump, settings.DATABASES["default"]["NAME"])
            else:
                raise CommandError(f"Geen herstel voor {connection.vendor}.")
            media_source = work / "media"
            media = Path(settings.MEDIA_ROOT)
            if media_source.exists():
                if media.exists():
                    shutil.rmtree(media)
                shutil.copytree(media_source, media)
        self.stdout.write(f"Teruggezet: {archive}")
