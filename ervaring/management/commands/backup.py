"""`manage.py backup`: the database and the uploaded files in one dated archive.

PostgreSQL is dumped with pg_dump (custom format); SQLite is copied with its online backup API.
The archive holds `database.dump` or `database.sqlite3`, and `media/`."""

import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone


def pg_tool(name):
    """The PostgreSQL client program `name`, preferring the server's own version."""
    folder = os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin")
    candidate = Path(folder) / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if not found:
        raise CommandError(f"{name} niet gevonden. Installeer de PostgreSQL-clientprogramma's.")
    return found


def pg_env_and_args():
    database = settings.DATABASES["default"]
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    args = ["--dbname", database["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            args += [option, str(database[key])]
    return env, args


class Command(BaseCommand):
    help = "Maakt een reservekopie van de database en de media in één archief."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default=str(settings.VAR_DIR / "backups"))

    def handle(self, *args, output_dir, **options):
        output = Path(output_dir)
        output.mkdir(parents=True, exist_ok=True)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        archive = output / f"ervaring-{stamp}.tar.gz"
        with tempfile.TemporaryDirectory() as work:
            work = Path(work)
            if connection.vendor == "postgresql":
                dump = work / "database.dump"
                env, db_args = pg_env_and_args()
                subprocess.run(  # noqa: S603 - fixed program, arguments from settings
                    [
                        pg_tool("pg_dump"),
                        "--format=custom",
                        "--no-owner",
                        "--file",
                        str(dump),
                        *db_args,
                    ],
                    env=env,
                    check=True,
                )
            elif connection.vendor == "sqlite":
                dump = work / "database.sqlite3"
                source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
                target = sqlite3.connect(dump)
                source.backup(target)
                target.close()
                source.close()
            else:
                raise CommandError(f"Geen reservekopie voor {connection.vendor}.")
            with tarfile.open(archive, "w:gz") as tar:
                tar.add(dump, arcname=dump.name)
                media = Path(settings.MEDIA_ROOT)
                if media.exists():
                    tar.add(media, arcname="media")
        self.stdout.write(f"Reservekopie gemaakt: {archive}")
