"""Backups of the database and the uploaded files: what `manage.py backup` and `restore` do.

An archive holds `database.dump` (PostgreSQL, pg_dump's custom format) or `database.sqlite3`
(SQLite's online backup), and `media/`: every file of the storage the site uses, read through
Django's storage API, so uploads on object storage are backed up too. Archives are readable by
their owner only, written under a temporary name and renamed when complete, and only the
newest `BACKUP_KEEP` are kept."""

import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from ervaring.caching import data as data_cache
from ervaring.caching.version import bump_content_version

ARCHIVE_PATTERN = "ervaring-*.tar.gz"


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


def check_database_has_content():
    """Refuse to back up a database that was never migrated or holds no pages: usually the
    wrong settings (a new, empty database instead of the real one)."""
    if connection.vendor == "sqlite":
        name = settings.DATABASES["default"]["NAME"]
        path = Path(str(name))
        if not path.exists() or path.stat().st_size == 0:
            raise CommandError(
                f"De database {name} bestaat niet of is leeg. Klopt DATABASE_URL? "
                "(Gebruik op een server scripts/production-manage.sh backup.)"
            )
    if "wagtailcore_page" not in connection.introspection.table_names():
        raise CommandError(
            "Deze database is nooit gemigreerd: er is niets om te bewaren. Klopt DATABASE_URL?"
        )
    from wagtail.models import Page

    if not Page.objects.filter(depth__gte=2).exists():
        raise CommandError("Deze database heeft geen pagina's. Klopt DATABASE_URL?")


def dump_database(work):
    if connection.vendor == "postgresql":
        dump = work / "database.dump"
        env, db_args = pg_env_and_args()
        subprocess.run(  # noqa: S603 - fixed program, arguments from settings
            [pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dump), *db_args],
            env=env,
            check=True,
        )
        return dump
    if connection.vendor == "sqlite":
        dump = work / "database.sqlite3"
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        target = sqlite3.connect(dump)
        source.backup(target)
        target.close()
        source.close()
        return dump
    raise CommandError(f"Geen reservekopie voor {connection.vendor}.")


def storage_files(storage, folder=""):
    """Every file name in `storage`, below `folder`, through the storage API."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from storage_files(storage, f"{folder}/{sub}" if folder else sub)


def add_media(tar, storage=None):
    """Every uploaded file into the archive under media/; the number of files."""
    storage = storage or default_storage
    count = 0
    for name in storage_files(storage):
        with storage.open(name, "rb") as source:
            info = tarfile.TarInfo(f"media/{name}")
            info.size = storage.size(name)
            info.mode = 0o600
            info.mtime = int(timezone.now().timestamp())
            tar.addfile(info, source)
        count += 1
    return count


def make_backup(output_dir, keep):
    """Write one archive to `output_dir` and keep the newest `keep`: (archive, media files)."""
    check_database_has_content()
    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    output.chmod(0o700)
    now = timezone.localtime()
    stamp = f"{now:%Y%m%d-%H%M%S}-{now.microsecond // 1000:03d}"
    archive = output / f"ervaring-{stamp}.tar.gz"
    partial = output / f".ervaring-{stamp}.tar.gz.deel"
    with tempfile.TemporaryDirectory() as work:
        dump = dump_database(Path(work))
        # Owner-only from the first byte: the archive holds password hashes and e-mail addresses.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            tar.add(dump, arcname=dump.name)
            media_count = add_media(tar)
    partial.rename(archive)
    rotate(output, keep)
    return archive, media_count


def rotate(output, keep):
    """Delete all but the newest `keep` archives in `output`; the ones deleted."""
    archives = sorted(output.glob(ARCHIVE_PATTERN), key=lambda path: path.name, reverse=True)
    removed = archives[keep:] if keep > 0 else []
    for old in removed:
        old.unlink()
    return removed


def restore_database(work):
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
        target = Path(settings.DATABASES["default"]["NAME"])
        copy = target.with_name(target.name + ".terug")
        shutil.copyfile(dump, copy)
        # A write-ahead log of the old database must not be applied to the restored one.
        for suffix in ("-wal", "-shm"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        copy.replace(target)
    else:
        raise CommandError(f"Geen herstel voor {connection.vendor}.")


def restore_media(source):
    """Put the archive's media back. On the file system the new copy is made next to the old
    one and swapped in only when it is complete; on other storage every file is written back
    through the storage API."""
    storage = default_storage
    if isinstance(storage, FileSystemStorage):
        media = Path(storage.location)
        media.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=f".{media.name}-nieuw-", dir=media.parent))
        if source.exists():
            shutil.copytree(source, fresh, dirs_exist_ok=True)
        old = media.with_name(f".{media.name}-oud")
        shutil.rmtree(old, ignore_errors=True)
        if media.exists():
            media.rename(old)
        fresh.rename(media)
        shutil.rmtree(old, ignore_errors=True)
        return
    if source.exists():
        for path in sorted(source.rglob("*")):
            if path.is_file():
                name = path.relative_to(source).as_posix()
                if storage.exists(name):
                    storage.delete(name)
                with path.open("rb") as content:
                    storage.save(name, File(content))


def restore_backup(archive):
    """Put the database and media of `archive` back, then make every cache stale."""
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")
        restore_database(work)
        restore_media(work / "media")
    # Nothing cached from before the restore may be shown: pages, page map, privacy,
    # catalogue. A new content version makes it stale on every server; clearing frees it.
    cache.clear()
    data_cache.clear_local()
    bump_content_version()
