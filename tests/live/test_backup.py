"""`make backup` and `make restore`: everything comes back in a fresh database."""

import fcntl
import hashlib
import io
import json
import os
import sqlite3
import tarfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
import requests

from tests.live.server import get_server
from tests.support.servers import manage, run_manage

COUNT = """
import json
from pathlib import Path
from django.conf import settings
from wagtail.images.models import Image
from wagtail.models import Page
from comments.models import Comment
print(json.dumps({
    "pages": sorted(Page.objects.values_list("url_path", flat=True)),
    "comments": sorted(Comment.objects.values_list("body", "status")),
    "images": sorted(Image.objects.values_list("title", flat=True)),
    "image_files": all((Path(settings.MEDIA_ROOT) / i.file.name).exists()
                       for i in Image.objects.all()),
}))
"""

# A change after the good restore, so that putting the old archive back would show.
ADD_COMMENT = """
from articles.models import ArticlePage
from comments.models import Comment
Comment.objects.create(article=ArticlePage.objects.first(), name="Na", email="na@example.org",
                       body="Geschreven na de reservekopie.", status="approved")
"""

ADD_IMAGE = """
import io
from PIL import Image as Pil
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.models import Image
buffer = io.BytesIO()
Pil.new("RGB", (20, 20), "teal").save(buffer, "PNG")
Image.objects.create(title="Reservekopie-test", file=SimpleUploadedFile("b.png", buffer.getvalue()))
"""


def drop_database(server, name):
    if name:
        connection = psycopg2.connect(server.pg_admin_url)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.close()


def fresh_database(server, tmp_path):
    if not server.pg_admin_url:
        return f"sqlite:///{tmp_path / 'hersteld.sqlite3'}", None
    name = f"ervaring_restore_{uuid.uuid4().hex[:8]}"
    connection = psycopg2.connect(server.pg_admin_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return urlunsplit(urlsplit(server.database_url)._replace(path=f"/{name}")), name


def test_backup_and_restore_into_a_fresh_database(site_url, tmp_path):
    server = get_server()
    env = dict(server.env)
    manage(env, "shell", "-c", ADD_IMAGE)
    before = json.loads(manage(env, "shell", "-c", COUNT).strip().splitlines()[-1])
    assert "Reservekopie-test" in before["images"] and before["image_files"]

    for _ in range(3):
        manage(env, "backup", "--output-dir", str(tmp_path / "backups"), "--keep", "2")
    archives = sorted((tmp_path / "backups").glob("ervaring-*.tar.gz"))
    # Rotation keeps the newest two; each readable by its owner only (password hashes,
    # commenters' e-mail addresses).
    assert len(archives) == 2
    for archive in archives:
        assert archive.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "backups").stat().st_mode & 0o777 == 0o700
    # A page the site has cached must be fresh after a restore (the servers share the cache).
    requests.get(site_url + "/werk/", timeout=30)
    assert requests.get(site_url + "/werk/", timeout=30).headers.get("X-Cache") == "hit"

    url, name = fresh_database(server, tmp_path)
    restored_env = {**env, "DATABASE_URL": url, "MEDIA_ROOT": str(tmp_path / "media")}
    try:
        manage(restored_env, "restore", str(archives[-1]), "--yes")
        assert requests.get(site_url + "/werk/", timeout=30).headers.get("X-Cache") == "miss"
        after = json.loads(manage(restored_env, "shell", "-c", COUNT).strip().splitlines()[-1])
    finally:
        drop_database(server, name)
    assert after == before
    assert Path(tmp_path / "media").exists()
    assert os.listdir(tmp_path / "media")


def test_backup_refuses_a_database_that_is_empty_or_missing(tmp_path):
    env = {
        **get_server().env,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bestaat-niet.sqlite3'}",
    }
    result = run_manage(env, "backup", "--output-dir", str(tmp_path / "backups"))
    assert result.returncode == 1
    assert "Klopt DATABASE_URL?" in result.stderr
    assert not list((tmp_path / "backups").glob("*.tar.gz"))


# Broken archives, made from a good one: each function changes the unpacked archive in `folder`
# and says whether the manifest should then describe the new database file (so that the
# database check, not the checksum, is what must catch it).
def empty_database(folder):
    next(folder.glob("database.*")).write_bytes(b"")
    return True


def random_database(folder):
    next(folder.glob("database.*")).write_bytes(os.urandom(64 * 1024))
    return True


def sqlite_without_a_table(folder):
    connection = sqlite3.connect(next(folder.glob("database.sqlite3")))
    connection.execute("DROP TABLE comments_comment")
    connection.commit()
    connection.close()
    return True


def missing_media(folder):
    next(path for path in (folder / "media").rglob("*") if path.is_file()).unlink()
    return False


def changed_media(folder):
    path = next(path for path in (folder / "media").rglob("*") if path.is_file())
    path.write_bytes(path.read_bytes() + b"anders")
    return False


def no_manifest(folder):
    (folder / "manifest.json").unlink()
    return False


BROKEN = [empty_database, random_database, missing_media, changed_media, no_manifest]


def rebuilt(good, folder, change, target):
    with tarfile.open(good, "r:gz") as tar:
        tar.extractall(folder, filter="data")
    if change(folder):
        database = next(folder.glob("database.*"))
        manifest = json.loads((folder / "manifest.json").read_text())
        manifest["database"]["size"] = database.stat().st_size
        manifest["database"]["sha256"] = hashlib.sha256(database.read_bytes()).hexdigest()
        (folder / "manifest.json").write_text(json.dumps(manifest))
    with tarfile.open(target, "w:gz") as tar:
        for path in sorted(folder.iterdir()):
            tar.add(path, arcname=path.name)
    return target


def media_state(folder):
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_a_bad_archive_is_refused_and_changes_nothing(site_url, tmp_path):
    """Restore checks everything first: for each broken archive one Dutch line, exit code 1,
    and the database and media exactly as before."""
    server = get_server()
    env = dict(server.env)
    manage(env, "shell", "-c", ADD_IMAGE)
    manage(env, "backup", "--output-dir", str(tmp_path / "backups"))
    good = next((tmp_path / "backups").glob("ervaring-*.tar.gz"))
    url, name = fresh_database(server, tmp_path)
    media = tmp_path / "media"
    target = {**env, "DATABASE_URL": url, "MEDIA_ROOT": str(media)}
    try:
        manage(target, "restore", str(good), "--yes")
        manage(target, "shell", "-c", ADD_COMMENT)
        before = manage(target, "shell", "-c", COUNT)
        media_before = media_state(media)
        assert media_before

        changes = BROKEN if name else [*BROKEN, sqlite_without_a_table]
        archives = {
            change.__name__: rebuilt(
                good, tmp_path / change.__name__, change, tmp_path / f"{change.__name__}.tar.gz"
            )
            for change in changes
        }
        truncated = tmp_path / "afgebroken.tar.gz"
        truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
        archives["truncated"] = truncated
        outside = tmp_path / "buiten.tar.gz"
        with tarfile.open(outside, "w:gz") as tar:
            info = tarfile.TarInfo("media/../../buiten.txt")
            data = b"buiten de map"
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        archives["outside"] = outside

        for what, archive in archives.items():
            result = run_manage(target, "restore", str(archive), "--yes")
            assert result.returncode == 1, what
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and "Er is niets veranderd" in lines[0], (what, result.stderr)
            assert "Traceback" not in result.stderr
            assert manage(target, "shell", "-c", COUNT) == before, what
            assert media_state(media) == media_before, what
        assert not (tmp_path.parent / "buiten.txt").exists()

        # Without a terminal and without --yes: the archive is checked, nothing is asked,
        # and nothing changes.
        result = run_manage(target, "restore", str(good))
        assert result.returncode == 1
        assert "--yes" in result.stderr and "YES=1" in result.stderr
        assert manage(target, "shell", "-c", COUNT) == before
    finally:
        drop_database(server, name)


def test_a_second_restore_while_one_runs_refuses_and_changes_nothing(site_url, tmp_path):
    """Two restores (or a restore and the nightly backup) at once would each put back half:
    while one holds the machine's lock, the other says so, exits 1 and changes nothing."""
    server = get_server()
    var = tmp_path / "var"
    env = {**server.env, "ERVARING_VAR_DIR": str(var)}
    manage(env, "backup", "--output-dir", str(tmp_path / "backups"))
    good = next((tmp_path / "backups").glob("ervaring-*.tar.gz"))
    url, name = fresh_database(server, tmp_path)
    target = {**env, "DATABASE_URL": url, "MEDIA_ROOT": str(tmp_path / "media")}
    try:
        manage(target, "restore", str(good), "--yes")
        manage(target, "shell", "-c", ADD_COMMENT)
        before = manage(target, "shell", "-c", COUNT)
        # The first restore, still busy: it holds the lock as restore does.
        with open(var / "backup.lock", "a") as running:
            fcntl.flock(running, fcntl.LOCK_EX | fcntl.LOCK_NB)
            for command in (
                ["restore", str(good), "--yes"],
                ["backup", "--output-dir", str(tmp_path / "b2")],
            ):
                result = run_manage(target, *command)
                assert result.returncode == 1, command
                assert "Er loopt al een reservekopie of een herstel" in result.stderr, command
                assert "Er is niets veranderd" in result.stderr
            assert manage(target, "shell", "-c", COUNT) == before
            assert not (tmp_path / "b2").exists()
        # Once it is done, the next one runs.
        manage(target, "restore", str(good), "--yes")
        assert manage(target, "shell", "-c", COUNT) != before
    finally:
        drop_database(server, name)
