"""Security settings and defences: headers, production checks, login throttling, passwords,
uploads, documents."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from tests.support.files import image_file
from tests.support.pages import soup

ROOT = Path(__file__).resolve().parents[1]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "ervaring.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "testserver,ervaring.example",
}


def in_production(args, tmp_path, **env):
    """Run `python *args` in the project with production settings (and a throwaway database)."""
    env = {
        **os.environ,
        **PRODUCTION_ENV,
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{tmp_path / 'p.sqlite3'}",
        "CACHE_URL": f"file://{tmp_path / 'cache'}",
        **env,
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_production_settings_pass_check_deploy(tmp_path):
    result = in_production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_a_cache_of_one_process(tmp_path):
    result = in_production(["manage.py", "check", "--deploy"], tmp_path, CACHE_URL="locmem://")
    assert result.returncode != 0
    assert "ervaring.E001" in result.stderr and "één proces" in result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = in_production(["manage.py", "check"], tmp_path, SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY ontbreekt" in result.stderr


def test_production_refuses_to_start_without_a_database_url(tmp_path):
    result = in_production(["manage.py", "check"], tmp_path, DATABASE_URL="")
    assert result.returncode != 0
    assert "DATABASE_URL ontbreekt" in result.stderr


def test_timers_and_cron_run_with_the_production_settings_and_environment_file(tmp_path):
    """deploy/systemd/*.service and deploy/cron run scripts/production-manage.sh, which reads the
    environment file and the production settings, whatever the shell around it has."""
    database = tmp_path / "productie.sqlite3"
    env_file = tmp_path / "ervaring.env"
    env_file.write_text(
        f"SECRET_KEY={secrets.token_urlsafe(50)}\n"
        "ALLOWED_HOSTS=ervaring.example\n"
        f"DATABASE_URL=sqlite:///{database}\n"
        "CACHE_URL=locmem://\n"
    )
    code = "from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG)"
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV | {"DATABASE_URL": 1}}
    result = subprocess.run(
        ["scripts/production-manage.sh", "shell", "-c", code],
        cwd=ROOT,
        env={**clean, "ERVARING_ENV_FILE": str(env_file), "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "ervaring.settings.production False" in result.stdout
    jobs = (ROOT / "deploy" / "cron").read_text() + "".join(
        unit.read_text() for unit in (ROOT / "deploy" / "systemd").glob("ervaring-*.service")
    )
    for command in (
        "publish_scheduled",
        "purge_comments",
        "tidy_outbox",
        "purge_feedback",
        "send_review_reminders",
        "check_links",
        "backup",
        "run_worker",
    ):
        assert f"scripts/production-manage.sh {command}" in jobs
    assert "manage.py" not in jobs.replace("production-manage.sh", "")


def test_production_responses_carry_the_security_headers(tmp_path):
    code = """
import django; django.setup()
from django.conf import settings
from django.test import Client
client = Client()
plain = client.get("/robots.txt")
print("redirect", plain.status_code, plain.get("Location"))
r = client.get("/robots.txt", secure=True)
for name in ("Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy",
             "Cross-Origin-Opener-Policy", "Permissions-Policy", "Content-Security-Policy",
             "X-Frame-Options"):
    print(name, "=", r.get(name))
print("cookies", settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE,
      settings.SESSION_COOKIE_HTTPONLY, settings.CSRF_COOKIE_HTTPONLY)
"""
    result = in_production(["-c", code], tmp_path)
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "redirect 301 https://testserver/robots.txt" in out
    assert "Strict-Transport-Security = max-age=31536000; includeSubDomains; preload" in out
    assert "X-Content-Type-Options = nosniff" in out
    assert "Referrer-Policy = strict-origin-when-cross-origin" in out
    assert "Cross-Origin-Opener-Policy = same-origin" in out
    assert "Permissions-Policy = accelerometer=()" in out
    assert "X-Frame-Options = DENY" in out
    assert "cookies True True True True" in out


@pytest.mark.django_db
def test_public_pages_have_a_strict_content_security_policy(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert "http" not in policy  # no third parties


@pytest.mark.django_db
def test_the_admin_has_its_own_policy_still_without_third_parties(client, editor):
    client.force_login(editor)
    policy = client.get("/beheer/").headers["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "object-src 'none'" in policy
    assert "http" not in policy


@pytest.mark.django_db
def test_no_admin_page_may_be_framed_except_the_preview(client, editor):
    client.force_login(editor)
    page = Page.objects.filter(depth=3).first()
    for path in ("/beheer/", f"/beheer/pages/{page.pk}/edit/", "/beheer/login/"):
        response = client.get(path)
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], path
        assert response["X-Frame-Options"] == "DENY", path
    # The side panel's preview: Wagtail's preview view, framed by the admin itself.
    response = client.get(f"/beheer/pages/{page.pk}/edit/preview/?mode=")
    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_no_migrations_are_missing():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_login_is_locked_after_five_wrong_passwords(client, editor):
    for _ in range(5):
        client.post("/beheer/login/", {"username": editor.username, "password": "fout"})
    response = client.post(
        "/beheer/login/", {"username": editor.username, "password": "een-lang-testwachtwoord"}
    )
    assert response.status_code == 429
    assert "Te vaak een verkeerd wachtwoord" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_right_password_still_works_before_the_limit(client, editor):
    client.post("/beheer/login/", {"username": editor.username, "password": "fout"})
    response = client.post(
        "/beheer/login/", {"username": editor.username, "password": "een-lang-testwachtwoord"}
    )
    assert response.status_code == 302


@pytest.mark.parametrize("password", ["wachtwoord", "kort", "12345678901234", "redactie2026"])
@pytest.mark.django_db
def test_weak_passwords_are_refused(password, editor):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor)


@pytest.mark.django_db
def test_a_strong_password_is_accepted(editor):
    validate_password("paarse-olifant-danst-op-dinsdag", user=editor)


@pytest.mark.django_db
class TestUploads:
    def test_svg_images_are_refused(self, client, editor):
        client.force_login(editor)
        svg = SimpleUploadedFile(
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            content_type="image/svg+xml",
        )
        response = client.post("/beheer/images/add/", {"title": "Logo", "file": svg})

        assert not Image.objects.filter(title="Logo").exists()
        assert response.status_code == 200

    def test_a_file_pretending_to_be_an_image_is_refused(self, client, editor):
        client.force_login(editor)
        fake = SimpleUploadedFile("foto.png", b"<?php echo 'hallo'; ?>")
        client.post("/beheer/images/add/", {"title": "Nep", "file": fake})

        assert not Image.objects.filter(title="Nep").exists()

    def test_a_real_png_is_accepted(self, client, editor):
        client.force_login(editor)
        client.post("/beheer/images/add/", {"title": "Echt", "file": image_file()})

        assert Image.objects.filter(title="Echt").exists()

    def test_documents_are_served_as_attachments(self, client, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        document = Document.objects.create(
            title="Folder", file=SimpleUploadedFile("folder.pdf", b"%PDF-1.4 test")
        )
        response = client.get(document.url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert "X-Cache" not in response

    def test_documents_of_an_unsafe_type_are_refused(self, client, editor):
        client.force_login(editor)
        client.post(
            "/beheer/documents/add/",
            {
                "title": "Script",
                "file": SimpleUploadedFile("x.html", b"<script>alert(1)</script>"),
            },
        )

        assert not Document.objects.filter(title="Script").exists()


HEAD_PATHS = [
    "/",
    "/werk/",
    "/werk/keuzehulp/",
    "/werk/clientondersteuner/",
    "/ervaringsladder/",
    "/werkgevers/",
    "/artikelen/",
    "/artikelen/tag/ggz/",
    "/artikelen/feed/rss/",
    "/artikelen/feed/atom/",
    "/robots.txt",
    "/sitemap.xml",
    "/zoeken/?q=werk",
    "/gezond/",
    "/favicon.ico",
    "/inloggen/",
    "/beheer/login/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", HEAD_PATHS)
def test_head_is_answered_wherever_get_is(client, path):
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == get.status_code, path
    assert head.status_code in (200, 301, 302), path
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""


@pytest.mark.django_db
def test_a_host_has_one_spelling_and_a_port_that_exists(client):
    assert client.get("/werk/", HTTP_HOST="localhost:99999999999").status_code == 400
    assert client.get("/werk/", HTTP_HOST="localhost:0").status_code == 400
    first = client.get("/werk/", HTTP_HOST="localhost")
    assert first["X-Cache"] == "miss"
    # Other spellings of the same address share its one cached copy and its canonical link.
    for spelling in ("LOCALHOST", "localhost:80", "localhost:0080"):
        again = client.get("/werk/", HTTP_HOST=spelling)
        assert again["X-Cache"] == "hit", spelling
        assert again.content == first.content
    canonical = soup(first).find("link", rel="canonical")["href"]
    assert canonical == "http://localhost/werk/"
    # A real other port is another address.
    other = client.get("/werk/", HTTP_HOST="localhost:8080")
    assert other["X-Cache"] == "miss"
    assert soup(other).find("link", rel="canonical")["href"] == "http://localhost:8080/werk/"
