"""Backups of the database and the uploaded files: what `manage.py backup` and `restore` do.

An archive holds `database.dump` (PostgreSQL, pg_dump's custom format) or `database.sqlite3`
(SQLite's online backup), `media/`: every file of the storage the site uses, read through
Django's storage API, so uploads on object storage are backed up too, and `manifest.json`: the
database file's size and checksum, and the number, total size and checksum of the media files.
Archives are readable by their owner only, written under a temporary name and renamed when
complete, and only the newest `BACKUP_KEEP` are kept.

A restore checks everything before it touches anything (`Restore.check`): the archive opens,
the manifest matches every file, the database is whole (SQLite: `PRAGMA integrity_check`;
PostgreSQL: `pg_restore --list`), has every table of the current code and (SQLite) pages. Only
then are database and media swapped in. Every refusal is a `BackupError`: one Dutch line, and
data and media exactly as before."""

import contextlib
import fcntl
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from caching import data as data_cache
from caching.version import bump_content_version
from core.storage import STAGING

ARCHIVE_PATTERN = "ervaring-*.tar.gz"
MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
VENDOR_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
NO_PAGES = "De database in dit archief heeft geen pagina's. Er is niets veranderd."


class BackupError(CommandError):
    """A backup or restore that cannot go on, in one Dutch line; nothing was changed."""


def pg_tool(name):
    """The PostgreSQL client program `name`, preferring the server's own version."""
    folder = os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin")
    candidate = Path(folder) / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} niet gevonden. Installeer de PostgreSQL-clientprogramma's.")
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


def run_pg_tool(name, args, failure):
    """Run a PostgreSQL program; on failure a BackupError with `failure` and its last line."""
    env, db_args = pg_env_and_args()
    result = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
        [pg_tool(name), *args, *db_args], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        raise BackupError(f"{failure} ({name}: {lines[-1] if lines else 'geen uitleg'})")
    return result.stdout


def check_database_has_content():
    """Refuse to back up a database that was never migrated or holds no pages: usually the
    wrong settings (a new, empty database instead of the real one)."""
    if connection.vendor == "sqlite":
        name = settings.DATABASES["default"]["NAME"]
        path = Path(str(name))
        if not path.exists() or path.stat().st_size == 0:
            raise BackupError(
                f"De database {name} bestaat niet of is leeg. Klopt DATABASE_URL? "
                "(Gebruik op een server scripts/production-manage.sh backup.)"
            )
    if "wagtailcore_page" not in connection.introspection.table_names():
        raise BackupError(
            "Deze database is nooit gemigreerd: er is niets om te bewaren. Klopt DATABASE_URL?"
        )
    if not Page.objects.filter(depth__gte=2).exists():
        raise BackupError("Deze database heeft geen pagina's. Klopt DATABASE_URL?")


def dump_database(work):
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Geen reservekopie voor {connection.vendor}.")
    dump = work / DATABASE_FILES[connection.vendor]
    if connection.vendor == "postgresql":
        run_pg_tool(
            "pg_dump",
            ["--format=custom", "--no-owner", "--file", str(dump)],
            "De database kon niet worden gelezen.",
        )
    else:
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        target = sqlite3.connect(dump)
        source.backup(target)
        target.close()
        source.close()
    return dump


def file_digest(path):
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class Hashing:
    """A file object that computes the checksum of what is read from it."""

    def __init__(self, source):
        self.source = source
        self.hash = hashlib.sha256()

    def read(self, size=-1):
        data = self.source.read(size)
        self.hash.update(data)
        return data


def storage_files(storage, folder=""):
    """Every file name in `storage`, below `folder`, through the storage API."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        if not folder and sub == STAGING:
            continue  # uploads being written (core/storage.py): not yet a file of the site
        yield from storage_files(storage, f"{folder}/{sub}" if folder else sub)


def add_media(tar, storage=None):
    """Every uploaded file into the archive under media/; {name: {size, sha256}}."""
    storage = storage or default_storage
    files = {}
    for name in storage_files(storage):
        with storage.open(name, "rb") as source:
            info = tarfile.TarInfo(f"media/{name}")
            info.size = storage.size(name)
            info.mode = 0o600
            info.mtime = int(timezone.now().timestamp())
            reader = Hashing(source)
            tar.addfile(info, reader)
        files[name] = {"size": info.size, "sha256": reader.hash.hexdigest()}
    return files


def add_json(tar, name, value):
    data = json.dumps(value, indent=1, sort_keys=True).encode()
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    info.mtime = int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(data))


@contextlib.contextmanager
def one_at_a_time():
    """Only one backup or restore at a time on this machine (a lock file in VAR_DIR, released
    by the system even when the process is killed): a second one refuses before it reads or
    changes anything."""
    path = Path(settings.VAR_DIR) / "backup.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BackupError(
                "Er loopt al een reservekopie of een herstel op deze machine. Wacht tot die klaar "
                "is en probeer het dan opnieuw. Er is niets veranderd."
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def make_backup(output_dir, keep):
    """Write one archive to `output_dir` and keep the newest `keep`: (archive, media files)."""
    with one_at_a_time():
        return _make_backup(output_dir, keep)


def _make_backup(output_dir, keep):
    check_database_has_content()
    output = Path(output_dir)
    try:
        output.mkdir(parents=True, exist_ok=True)
        output.chmod(0o700)
    except OSError as error:
        raise BackupError(f"De map {output} kan niet worden gemaakt: {error.strerror}.") from None
    now = timezone.localtime()
    stamp = f"{now:%Y%m%d-%H%M%S}-{now.microsecond // 1000:03d}"
    archive = output / f"ervaring-{stamp}.tar.gz"
    partial = output / f".ervaring-{stamp}.tar.gz.deel"
    try:
        with tempfile.TemporaryDirectory() as work:
            dump = dump_database(Path(work))
            # Owner-only from the first byte: the archive holds password hashes and e-mail
            # addresses.
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                tar.add(dump, arcname=dump.name)
                media = add_media(tar)
                add_json(tar, MANIFEST, manifest_for(dump, media))
        partial.rename(archive)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(
            f"De reservekopie kon niet worden geschreven: {error.strerror or error}."
        ) from None
    rotate(output, keep)
    return archive, len(media)


def manifest_for(dump, media):
    return {
        "format": MANIFEST_FORMAT,
        "made_at": timezone.now().isoformat(),
        "database": {
            "vendor": connection.vendor,
            "file": dump.name,
            "size": dump.stat().st_size,
            "sha256": file_digest(dump),
        },
        "media": {
            "count": len(media),
            "bytes": sum(entry["size"] for entry in media.values()),
            "files": media,
        },
    }


def rotate(output, keep):
    """Delete all but the newest `keep` archives in `output`; the ones deleted."""
    archives = sorted(output.glob(ARCHIVE_PATTERN), key=lambda path: path.name, reverse=True)
    removed = archives[keep:] if keep > 0 else []
    for old in removed:
        old.unlink()
    return removed


def required_tables():
    """The tables the current code's models need: what a restored database must have."""
    return set(connection.introspection.django_table_names(only_existing=False))


def missing_in_words(missing):
    names = sorted(missing)
    more = f" en nog {len(names) - 5}" if len(names) > 5 else ""
    return ", ".join(names[:5]) + more


class Restore:
    """One archive, opened in a temporary folder: `check()` it, then `put_back()`."""

    def __init__(self, archive, work):
        self.archive = Path(archive)
        self.work = Path(work)
        self.manifest = None

    @property
    def media(self):
        return self.work / "media"

    def check(self):
        self.unpack()
        self.read_manifest()
        self.check_files()
        if connection.vendor == "sqlite":
            self.check_sqlite()
        else:
            self.check_postgresql()

    def unpack(self):
        if not self.archive.is_file():
            raise BackupError(f"Bestand niet gevonden: {self.archive}")
        try:
            with tarfile.open(self.archive, "r:gz") as tar:
                for member in tar.getmembers():
                    top = PurePosixPath(member.name).parts[0] if member.name else ""
                    if top not in {MANIFEST, "media", *DATABASE_FILES.values()}:
                        raise BackupError(
                            f"Dit archief bevat iets wat niet in een reservekopie hoort: "
                            f"{member.name[:80]}. Er is niets veranderd."
                        )
                tar.extractall(self.work, filter="data")
        except tarfile.FilterError as error:
            raise BackupError(
                f"Het archief {self.archive.name} wil een bestand buiten zijn eigen map zetten "
                f"({error.tarinfo.name[:80]}): dit is geen reservekopie. Er is niets veranderd."
            ) from None
        except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
            raise BackupError(
                f"Het archief {self.archive.name} is beschadigd of onvolledig "
                f"({type(error).__name__}). Er is niets veranderd."
            ) from None

    def read_manifest(self):
        path = self.work / MANIFEST
        if not path.is_file():
            raise BackupError(
                "Dit archief heeft geen inhoudsopgave (manifest.json): het is onvolledig of "
                "gemaakt met een oudere versie van de site. Er is niets veranderd."
            )
        try:
            manifest = json.loads(path.read_text())
            manifest["database"]["sha256"]
            manifest["media"]["files"].items()
        except (ValueError, KeyError, TypeError, AttributeError):
            raise BackupError(
                "De inhoudsopgave (manifest.json) van dit archief is onleesbaar. "
                "Er is niets veranderd."
            ) from None
        if manifest.get("format") != MANIFEST_FORMAT:
            raise BackupError(
                f"Dit archief heeft een onbekende vorm ({manifest.get('format')!r}). "
                "Er is niets veranderd."
            )
        self.manifest = manifest

    def check_files(self):
        database = self.manifest["database"]
        vendor = connection.vendor
        if database.get("vendor") != vendor:
            raise BackupError(
                f"Dit archief is van een {VENDOR_NAMES.get(database.get('vendor'), '?')}-"
                f"database; deze site gebruikt {VENDOR_NAMES.get(vendor, vendor)}. "
                "Er is niets veranderd."
            )
        dump = self.work / DATABASE_FILES[vendor]
        if not dump.is_file():
            raise BackupError("Dit archief bevat geen database. Er is niets veranderd.")
        if dump.stat().st_size != database.get("size") or file_digest(dump) != database["sha256"]:
            raise BackupError(
                "De database in dit archief klopt niet met de inhoudsopgave: het archief is "
                "beschadigd. Er is niets veranderd."
            )
        expected = self.manifest["media"]["files"]
        found = {
            path.relative_to(self.media).as_posix(): path
            for path in (self.media.rglob("*") if self.media.exists() else [])
            if path.is_file()
        }
        missing = set(expected) - set(found)
        extra = set(found) - set(expected)
        changed = {
            name
            for name in set(expected) & set(found)
            if found[name].stat().st_size != expected[name].get("size")
            or file_digest(found[name]) != expected[name].get("sha256")
        }
        if missing or extra or changed:
            parts = []
            if missing:
                parts.append(f"ontbreekt: {missing_in_words(missing)}")
            if extra:
                parts.append(f"niet in de inhoudsopgave: {missing_in_words(extra)}")
            if changed:
                parts.append(f"anders dan bij het maken: {missing_in_words(changed)}")
            raise BackupError(
                "De mediabestanden kloppen niet met de inhoudsopgave: "
                + "; ".join(parts)
                + ". Er is niets veranderd."
            )
        media = self.manifest["media"]
        total = sum(entry.get("size", 0) for entry in expected.values())
        if media.get("count") != len(expected) or media.get("bytes") != total:
            raise BackupError(
                "De inhoudsopgave van dit archief spreekt zichzelf tegen (aantal of grootte van "
                "de media). Er is niets veranderd."
            )

    def check_sqlite(self):
        dump = self.work / DATABASE_FILES["sqlite"]
        if dump.stat().st_size == 0:
            raise BackupError("De database in dit archief is leeg. Er is niets veranderd.")
        try:
            database = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
            try:
                verdict = database.execute("PRAGMA integrity_check").fetchone()[0]
                tables = {
                    row[0]
                    for row in database.execute("SELECT name FROM sqlite_master WHERE type='table'")
                }
                pages = 0
                if "wagtailcore_page" in tables:
                    pages = database.execute(
                        "SELECT count(*) FROM wagtailcore_page WHERE depth >= 2"
                    ).fetchone()[0]
            finally:
                database.close()
        except sqlite3.DatabaseError:
            raise BackupError(
                "De database in dit archief is geen leesbare SQLite-database. "
                "Er is niets veranderd."
            ) from None
        if verdict != "ok":
            raise BackupError(
                f"De database in dit archief is beschadigd ({verdict[:80]}). Er is niets veranderd."
            )
        self.check_tables(tables)
        if not pages:
            raise BackupError(
                "De database in dit archief heeft geen pagina's. Er is niets veranderd."
            )

    def check_postgresql(self):
        dump = self.work / DATABASE_FILES["postgresql"]
        if dump.stat().st_size == 0:
            raise BackupError("De database in dit archief is leeg. Er is niets veranderd.")
        result = subprocess.run(  # noqa: S603 - fixed program, a file we unpacked
            [pg_tool("pg_restore"), "--list", str(dump)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BackupError(
                "De database in dit archief is geen leesbare PostgreSQL-dump. "
                "Er is niets veranderd."
            )
        tables, with_data = set(), set()
        for line in result.stdout.splitlines():
            if line.startswith(";"):
                continue
            words = line.split()
            if " TABLE DATA " in line and len(words) >= 7:
                with_data.add(words[6])
            elif " TABLE " in line and len(words) >= 6:
                tables.add(words[5])
        self.check_tables(tables)
        if "wagtailcore_page" not in with_data:
            raise BackupError(
                "De database in dit archief heeft geen pagina's. Er is niets veranderd."
            )

    @staticmethod
    def check_tables(tables):
        missing = required_tables() - tables
        if missing:
            raise BackupError(
                "De database in dit archief mist tabellen van deze versie van de site: "
                f"{missing_in_words(missing)}. Er is niets veranderd."
            )

    def put_back(self):
        """Swap database and media in; then make every cache stale."""
        fresh_media = self.prepare_media()
        try:
            self.restore_database()
        except BaseException:
            if fresh_media is not None:
                shutil.rmtree(fresh_media, ignore_errors=True)
            raise
        self.swap_media(fresh_media)
        # Nothing cached from before the restore may be shown: pages, page map, privacy,
        # catalogue. A new content version makes it stale on every server; clearing frees it.
        cache.clear()
        data_cache.clear_local()
        bump_content_version()

    def restore_database(self):
        connection.close()
        if connection.vendor == "postgresql":
            run_pg_tool(
                "pg_restore",
                [
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    str(self.work / DATABASE_FILES["postgresql"]),
                ],
                "Terugzetten van de database mislukte; de database is zoals hij was.",
            )
            return
        target = Path(settings.DATABASES["default"]["NAME"])
        copy = target.with_name(target.name + ".terug")
        shutil.copyfile(self.work / DATABASE_FILES["sqlite"], copy)
        # A write-ahead log of the old database must not be applied to the restored one.
        for suffix in ("-wal", "-shm"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        copy.replace(target)

    def prepare_media(self):
        """On the file system: a complete new media folder next to the old one, swapped in by
        renaming once the database is back. Other storage: nothing to prepare."""
        storage = default_storage
        if not isinstance(storage, FileSystemStorage):
            return None
        media = Path(storage.location)
        media.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=f".{media.name}-nieuw-", dir=media.parent))
        if self.media.exists():
            shutil.copytree(self.media, fresh, dirs_exist_ok=True)
        return fresh

    def swap_media(self, fresh):
        if fresh is not None:
            media = Path(default_storage.location)
            old = media.with_name(f".{media.name}-oud")
            shutil.rmtree(old, ignore_errors=True)
            if media.exists():
                media.rename(old)
            fresh.rename(media)
            shutil.rmtree(old, ignore_errors=True)
            return
        # Object storage: every file is written back through the storage API under its own
        # name, then read back and compared with the manifest.
        storage = default_storage
        expected = self.manifest["media"]["files"]
        for path in sorted(self.media.rglob("*")) if self.media.exists() else []:
            if path.is_file():
                name = path.relative_to(self.media).as_posix()
                if storage.exists(name):
                    storage.delete(name)
                with path.open("rb") as content:
                    saved = storage.save(name, File(content))
                with storage.open(saved, "rb") as stored:
                    digest = hashlib.sha256(stored.read()).hexdigest()
                if saved != name or digest != expected[name]["sha256"]:
                    raise BackupError(
                        f"Het bestand {name} staat na het terugzetten niet goed in de "
                        "objectopslag. De database is teruggezet; zet de reservekopie opnieuw "
                        "terug als de opslag weer werkt."
                    )


def restore_backup(archive, confirm=lambda: True):
    """Check `archive` completely, ask `confirm()`, then put database and media back; never
    while another backup or restore runs."""
    with one_at_a_time(), tempfile.TemporaryDirectory() as work:
        restore = Restore(archive, work)
        restore.check()
        if not confirm():
            raise BackupError("Afgebroken: er is niets veranderd.")
        restore.put_back()
