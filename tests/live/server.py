"""A real copy of the site for the browser tests: its own database (SQLite file, or a database on
the test run's PostgreSQL cluster), the seeded content, three users, and gunicorn serving it.

Preparing it (migrations and content) takes a while, so it starts in the background as soon as
the test session knows it has browser tests, and the browser tests wait for it."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "een-lang-browserwachtwoord"
USERS = {"redacteur": "Redacteuren", "moderator": "Moderatoren", "beheerder": None}

CREATE_USERS = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
User = get_user_model()
for name, group in {USERS!r}.items():
    user = User.objects.create_user(name, f"{{name}}@example.org", {PASSWORD!r})
    if group:
        user.groups.add(Group.objects.get(name=group))
    else:
        user.is_superuser = user.is_staff = True
        user.save()
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SiteServer:
    """Prepare once, serve once; `url` is where the site answers."""

    def __init__(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="ervaring-browser-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.error = None
        self.ready = threading.Event()
        self.database_url, self.pg_admin_url = self._database()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "ervaring.settings.test",
            "DATABASE_URL": self.database_url,
            # Shared by the gunicorn workers, so publishing in one is seen by the other.
            "CACHE_URL": f"file://{self.workdir / 'cache'}",
            "MEDIA_ROOT": str(self.workdir / "media"),
            # A person in a browser test types faster than a person, and posts more often.
            "COMMENT_MIN_SECONDS": "1",
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

    def _run(self, *args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} mislukte:\n{result.stderr[-3000:]}")
        return result.stdout

    def prepare(self):
        """Database, content, users and the server. Runs in a background thread."""
        try:
            if self.pg_admin_url:
                import psycopg2

                connection = psycopg2.connect(self.pg_admin_url)
                connection.autocommit = True
                with connection.cursor() as cursor:
                    cursor.execute(f'CREATE DATABASE "{urlsplit(self.database_url).path[1:]}"')
                connection.close()
            self._run("migrate", "--noinput", "-v0")
            self._run("load_content")
            self._run("shell", "-c", CREATE_USERS)
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "ervaring.wsgi",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    "2",
                    "--threads",
                    "4",
                    "--worker-class",
                    "gthread",
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=open(self.workdir / "server.log", "w"),  # noqa: SIM115 - open while it runs
                stderr=subprocess.STDOUT,
            )
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(self.url + "/gezond/", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    time.sleep(0.3)
            else:
                raise RuntimeError("De testserver startte niet:\n" + self.log())
        except Exception as error:  # reported to the browser tests that wait for it
            self.error = error
        finally:
            self.ready.set()

    def start_in_background(self):
        threading.Thread(target=self.prepare, daemon=True).start()

    def wait(self):
        self.ready.wait(timeout=600)
        if self.error:
            raise self.error
        return self.url

    def log(self):
        path = self.workdir / "server.log"
        return path.read_text()[-5000:] if path.exists() else ""

    def stop(self):
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.pg_admin_url:
            try:
                import psycopg2

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
