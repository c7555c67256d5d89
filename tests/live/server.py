"""A real copy of the site for the browser tests: its own database (SQLite file, or a database on
the test run's PostgreSQL cluster), the seeded content, three users, a shared cache (a database
of the test run's Redis server, or files without one), and gunicorn serving it. More servers on
the same database and cache can be started (`extra_server`), as on more than one machine.

Preparing it (migrations and content) takes a while, so it starts in the background as soon as
the test session knows it has browser tests, and the browser tests wait for it."""

import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import threading
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
from django.conf import settings

from tests.support.servers import free_port, manage, start_gunicorn

PASSWORD = "een-lang-browserwachtwoord"
USERS = {
    "redacteur": ["Redacteuren"],
    "eindredacteur": ["Redacteuren", "Eindredactie"],
    "moderator": ["Moderatoren"],
    "beheerder": [],
}

CREATE_USERS = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
User = get_user_model()
for name, groups in {USERS!r}.items():
    user = User.objects.create_user(name, f"{{name}}@example.org", {PASSWORD!r})
    if groups:
        user.groups.add(*Group.objects.filter(name__in=groups))
    else:
        user.is_superuser = user.is_staff = True
        user.save()
"""


NEW_PAGE = """
from wagtail.models import Page
from core.models import ContentPage
parent = Page.objects.get(url_path="/home/")
page = ContentPage(title={title!r}, slug={slug!r}, summary="Een pagina om mee te testen.")
parent.add_child(instance=page)
page.save_revision().publish()
print("PK", page.pk)
"""

NEW_ARTICLE = """
import datetime
from articles.models import ArticleIndexPage, ArticlePage
parent = ArticleIndexPage.objects.get()
from wagtail.rich_text import RichText
page = ArticlePage(title={title!r}, slug={slug!r}, intro={intro!r}, source="ervaring",
                   date=datetime.date(2026, 11, 30),
                   body=[("paragraph", RichText("<p>Een alinea om mee te testen.</p>"))])
parent.add_child(instance=page)
page.save_revision().publish()
print("PK", page.pk)
"""


def redis_url(offset):
    """A database of the test run's Redis server (scripts/test.sh starts one), or None: this
    test process's own (ervaring/settings/test.py): +0 its cache, +1 the browser tests'
    servers, +2 tests/test_redis.py."""
    return getattr(settings, "TEST_REDIS_URLS", [None] * 3)[offset]


class SiteServer:
    """Prepare once, serve once; `url` is where the site answers."""

    def __init__(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="ervaring-browser-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.processes = []
        self.error = None
        self.ready = threading.Event()
        self.database_url, self.pg_admin_url = self._database()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "ervaring.settings.test",
            "DATABASE_URL": self.database_url,
            # Shared by the gunicorn workers (and extra servers), so publishing in one is seen
            # by the others.
            "CACHE_URL": redis_url(1) or f"file://{self.workdir / 'cache'}",
            "MEDIA_ROOT": str(self.workdir / "media"),
            # A person in a browser test posts more often than a person.
            "COMMENT_RATE_LIMIT": "1000",
            "AXES_FAILURE_LIMIT": "100",
            # The concurrency test plays 50 visitors behind one proxy.
            "PROXY_COUNT": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
        }

    def _database(self):
        base = os.environ.get("DATABASE_URL")
        if not base:
            return f"sqlite:///{self.workdir / 'browser.sqlite3'}", None
        parts = urlsplit(base)
        name = f"ervaring_browser_{uuid.uuid4().hex[:8]}"
        admin = urlunsplit(parts._replace(path="/postgres"))
        return urlunsplit(parts._replace(path=f"/{name}")), admin

    def manage(self, *args):
        """Run a management command against this site's database; its output."""
        return self._run(*args)

    def query(self, sql, params=()):
        """Read this site's database directly (not through the site): the rows. Placeholders
        are written `?`."""
        if self.pg_admin_url:
            connection = psycopg2.connect(self.database_url)
            try:
                with connection.cursor() as cursor:
                    cursor.execute(sql.replace("?", "%s"), params)
                    return cursor.fetchall()
            finally:
                connection.close()
        connection = sqlite3.connect(urlsplit(self.database_url).path)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()

    def shell_output(self, code, marker):
        """What a `manage.py shell -c` snippet printed after `marker` (the shell prints more)."""
        output = self.manage("shell", "-c", code)
        line = next(line for line in output.splitlines() if line.startswith(marker))
        return line[len(marker) :].strip()

    def new_database(self, folder):
        """An empty database beside this site's (on its PostgreSQL cluster, or an SQLite file
        in `folder`): (its URL, a function that removes it)."""
        if not self.pg_admin_url:
            return (
                f"sqlite:///{Path(folder) / f'leeg-{uuid.uuid4().hex[:8]}.sqlite3'}",
                lambda: None,
            )
        name = f"ervaring_empty_{uuid.uuid4().hex[:8]}"

        def admin(sql):
            connection = psycopg2.connect(self.pg_admin_url)
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(sql)
            connection.close()

        admin(f'CREATE DATABASE "{name}"')
        url = urlunsplit(urlsplit(self.database_url)._replace(path=f"/{name}"))
        return url, lambda: admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def new_page(self, title):
        """A fresh, published content page below the home page: (id, address)."""
        slug = f"test-{uuid.uuid4().hex[:8]}"
        pk = self.shell_output(NEW_PAGE.format(title=title, slug=slug), marker="PK")
        return int(pk), f"/{slug}/"

    def new_article(self, title, intro="Een artikel om mee te testen."):
        """A fresh, published article of the site's own (no source quoted): (id, address)."""
        slug = f"test-{uuid.uuid4().hex[:8]}"
        code = NEW_ARTICLE.format(title=title, slug=slug, intro=intro)
        return int(self.shell_output(code, marker="PK")), f"/artikelen/{slug}/"

    def _run(self, *args):
        return manage(self.env, *args)

    def prepare(self):
        """Database, content, users and the server. Runs in a background thread."""
        try:
            if self.pg_admin_url:
                connection = psycopg2.connect(self.pg_admin_url)
                connection.autocommit = True
                with connection.cursor() as cursor:
                    cursor.execute(f'CREATE DATABASE "{urlsplit(self.database_url).path[1:]}"')
                connection.close()
            # A new site starts with an empty cache: nothing a shared Redis kept from an earlier
            # run (pages, Wagtail's renditions of images with the same id) may show here.
            self._run("shell", "-c", "from django.core.cache import cache; cache.clear()")
            self._run("migrate", "--noinput", "-v0")
            self._run("load_content")
            self._run("shell", "-c", CREATE_USERS)
            self.process = self.gunicorn(self.port, self.env, "server.log")
        except Exception as error:  # reported to the browser tests that wait for it
            self.error = error
        finally:
            self.ready.set()

    def gunicorn(self, port, env, log_name):
        """Start gunicorn on `port` and wait until it answers."""
        process = start_gunicorn(
            port, env, workers=2, threads=4, log=self.workdir / log_name, wait=60
        )
        self.processes.append(process)
        return process

    def extra_server(self, **env):
        """Another server on the same database and cache, with `env` changed: its address."""
        self.wait()
        port = free_port()
        self.gunicorn(port, {**self.env, **env}, f"server-{port}.log")
        return f"http://127.0.0.1:{port}"

    def start_in_background(self):
        threading.Thread(target=self.prepare, daemon=True).start()

    def wait(self):
        self.ready.wait(timeout=600)
        if self.error:
            raise self.error
        return self.url

    def log(self, name="server.log"):
        path = self.workdir / name
        return path.read_text()[-5000:] if path.exists() else ""

    def stop(self):
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        if self.pg_admin_url:
            try:
                connection = psycopg2.connect(self.pg_admin_url)
                connection.autocommit = True
                with connection.cursor() as cursor:
                    name = urlsplit(self.database_url).path[1:]
                    cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                connection.close()
            except Exception:  # noqa: S110 - the cluster itself is thrown away afterwards
                pass
        shutil.rmtree(self.workdir, ignore_errors=True)


_server = None


def get_server():
    global _server
    if _server is None:
        _server = SiteServer()
    return _server
