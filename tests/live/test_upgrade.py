"""A site made by an earlier release upgrades with `migrate` and loses nothing.

The databases in tests/data/ were made by main before the page foundation, the comments, the
limits and the operations became apps of their own and every app's migrations were squashed
(tests/data/README.md). Migrating one with today's code must keep every page, comment, user
and permission, let the loader bring its own pages up to date (none may look changed by an
editor), and leave the groups exactly as a fresh install makes them. On SQLite in the SQLite
run, on PostgreSQL in the PostgreSQL run."""

import gzip
import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
import pytest
from django.contrib.auth.models import Group

from tests.support.servers import manage

pytestmark = pytest.mark.live

DATA = Path(__file__).resolve().parents[1] / "data"
RELEASE = "main-0223471"
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))

WHAT_IT_HOLDS = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from wagtail.models import Page
from comments.models import Comment

def groups():
    return {
        group.name: sorted(
            f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
        )
        for group in Group.objects.all()
    }

visitor = Client()
moderator = Client()
moderator.force_login(get_user_model().objects.get(username="moderatie"))
article = visitor.get("/artikelen/inzet-ervaringsdeskundigen-sociaal-werk-in-opmars/")
queue = moderator.get("/beheer/reacties/?status=pending")
print("HOLDS", json.dumps({
    "groups": groups(),
    "pages": Page.objects.count(),
    "comments": sorted(Comment.objects.values_list("name", "status")),
    "stale_types": [
        f"{t.app_label}.{t.model}" for t in ContentType.objects.all() if t.model_class() is None
    ],
    "home": visitor.get("/").status_code,
    "article": article.status_code,
    "approved_shown": "Deze reactie staat online." in article.content.decode(),
    "pending_hidden": "Deze reactie wacht nog." not in article.content.decode(),
    "queue": queue.status_code,
    "pending_queued": "Wachtende lezer" in queue.content.decode(),
    "old_rules_address": moderator.get("/beheer/settings/articles/moderationrules/")["Location"],
}))
"""


@pytest.fixture
def old_database(tmp_path):
    """A database as the earlier release left it, on the test run's kind of database: its URL."""
    base = os.environ.get("DATABASE_URL")
    if not base:
        path = tmp_path / "old.sqlite3"
        with gzip.open(DATA / f"{RELEASE}.sqlite3.gz", "rb") as dump, path.open("wb") as copy:
            shutil.copyfileobj(dump, copy)
        yield f"sqlite:///{path}"
        return
    parts = urlsplit(base)
    name = f"ervaring_upgrade_{uuid.uuid4().hex[:8]}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    run_sql(admin, f'CREATE DATABASE "{name}"')
    url = urlunsplit(parts._replace(path=f"/{name}"))
    psql = shutil.which("psql", path=str(PG_BIN)) or shutil.which("psql")
    with gzip.open(DATA / f"{RELEASE}.postgresql.sql.gz", "rb") as dump:
        subprocess.run(
            [
                psql,
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-d",
                url,
            ],
            input=dump.read(),
            check=True,
            capture_output=True,
        )
    yield url
    run_sql(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_sql(url, statement):
    connection = psycopg2.connect(url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(statement)
    connection.close()


def environment(database_url, tmp_path):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ervaring.settings.test",
        "DATABASE_URL": database_url,
        "CACHE_URL": f"file://{tmp_path / 'cache'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def test_a_site_made_by_the_earlier_release_upgrades_without_losing_anything(
    old_database, tmp_path, db
):
    env = environment(old_database, tmp_path)
    migrated = manage(env, "migrate", "--noinput")
    # Only the apps that are new take over their tables; the squashed apps count as done.
    for app in ("core", "comments", "limits", "operations"):
        assert f"Applying {app}.0001_initial... OK" in migrated
    # The apps that kept their label keep their tables: none of their first migrations runs
    # again (later ones, such as the review dates, do).
    for app in ("roles", "organisations", "articles", "readability"):
        assert f"Applying {app}.0001" not in migrated
    # The models and the migrated schema agree.
    manage(env, "makemigrations", "--check", "--dry-run")
    # The loader still knows its own pages: the content changed since that release is brought
    # up to date, and no page counts as changed by an editor (which would keep it back).
    loaded = manage(env, "load_content")
    # No page: only the settings and the menu order, which that site changed after loading.
    kept = {
        line.rsplit(": ", 1)[1]
        for line in loaded.splitlines()
        if line.strip().startswith("overgeslagen")
    }
    assert kept <= {"instellingen", "menu-volgorde"}, kept
    # After that the loader sees its own content as it left it: nothing new, nothing to update.
    again = manage(env, "load_content")
    assert "0 nieuw, 0 bijgewerkt, " in again

    line = next(
        line
        for line in manage(env, "shell", "-c", WHAT_IT_HOLDS).splitlines()
        if line.startswith("HOLDS ")
    )
    holds = json.loads(line.removeprefix("HOLDS "))
    # The groups have exactly the permissions a fresh install gives them (this test database).
    fresh = {
        group.name: sorted(
            f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
        )
        for group in Group.objects.all()
    }
    assert holds["groups"] == fresh
    assert holds["stale_types"] == []
    assert holds["pages"] > 50
    assert ["Goedgekeurde lezer", "approved"] in holds["comments"]
    assert ["Wachtende lezer", "pending"] in holds["comments"]
    assert len(holds["comments"]) == 9  # the 7 from the sources and the 2 made by hand
    assert holds["home"] == holds["article"] == holds["queue"] == 200
    assert holds["approved_shown"] and holds["pending_hidden"] and holds["pending_queued"]
    # A moderator's bookmark of the rules, from before they moved with the comments.
    assert holds["old_rules_address"] == "/beheer/settings/comments/moderationrules/"
