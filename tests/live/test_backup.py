"""`make backup` and `make restore`: everything comes back in a fresh database."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

from tests.live.server import ROOT, get_server

COUNT = """
import json
from pathlib import Path
from django.conf import settings
from wagtail.images.models import Image
from wagtail.models import Page
from articles.models import Comment
print(json.dumps({
    "pages": sorted(Page.objects.values_list("url_path", flat=True)),
    "comments": sorted(Comment.objects.values_list("body", "status")),
    "images": sorted(Image.objects.values_list("title", flat=True)),
    "image_files": all((Path(settings.MEDIA_ROOT) / i.file.name).exists()
                       for i in Image.objects.all()),
}))
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


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def fresh_database(server, tmp_path):
    if not server.pg_admin_url:
        return f"sqlite:///{tmp_path / 'hersteld.sqlite3'}", None
    import psycopg2

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
        if name:
            import psycopg2

            connection = psycopg2.connect(server.pg_admin_url)
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.close()
    assert after == before
    assert Path(tmp_path / "media").exists()
    assert os.listdir(tmp_path / "media")


def test_backup_refuses_a_database_that_is_empty_or_missing(tmp_path):
    env = {
        **get_server().env,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bestaat-niet.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "backup", "--output-dir", str(tmp_path / "backups")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Klopt DATABASE_URL?" in result.stderr
    assert not list((tmp_path / "backups").glob("*.tar.gz"))
