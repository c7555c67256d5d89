"""When something breaks: no traceback for visitors, the right status, a page that stays up,
and a message for the people who keep the site running."""

import html
import importlib
import logging.config
import os
import secrets
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.urls import path
from wagtail.images.models import Image

from caching import data as data_cache
from caching.version import bump_content_version, forget_request_version
from comments.models import Comment
from core.models import ContentPage
from ervaring.settings.environment import cache_from_url
from roles.models import LadderStep, RolePage
from tests.support.comments import post_comment
from tests.support.files import image_file
from tests.support.servers import free_port, start_gunicorn, stop


def test_an_unreachable_database_gives_a_dutch_503_without_traceback(tmp_path):
    port = free_port()
    dead_port = free_port()  # nothing listens here
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ervaring.settings.test",
        "DATABASE_URL": f"postgres://nobody@127.0.0.1:{dead_port}/ervaring",
        "CACHE_URL": "locmem://",
    }
    server = start_gunicorn(port, env, workers=1, log=tmp_path / "server.log")
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/werk/", timeout=5)
            except urllib.error.HTTPError as error:
                response, body = error, error.read().decode()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        assert response.code == 503
        assert response.headers["Retry-After"] == "60"
        assert "De site is even niet bereikbaar" in body
        assert 'lang="nl"' in body
        assert "Traceback" not in body and "OperationalError" not in body
        assert "niets van jou verloren" not in body

        # A comment posted while the database is away: not stored, and given back to copy.
        typed = "Mijn verhaal <b>met</b> een regel\nen nog een."
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/artikelen/iets/",
            data=urllib.parse.urlencode({"name": "Sanne", "body": typed}).encode(),
            headers={"Origin": f"http://127.0.0.1:{port}", "Sec-Fetch-Site": "same-origin"},
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 503
        page = refused.value.read().decode()
        assert "Wat je net stuurde, is niet opgeslagen." in page
        assert html.escape(typed, quote=False) in page
    finally:
        stop(server)


@pytest.mark.django_db
def test_a_broken_image_does_not_take_the_page_down(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    image = Image.objects.create(title="Weg", file=image_file())
    Path(image.file.path).unlink()  # the file is gone, the record stays
    page = ContentPage.objects.get(slug="privacy")
    page.body = [
        *[(b.block_type, b.value) for b in page.body],
        ("image", {"image": image, "alt_text": "Een foto die kwijt is", "caption": ""}),
    ]
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Een foto die kwijt is" in response.content.decode()


@pytest.mark.django_db
def test_a_deleted_snippet_does_not_take_pages_down(client):
    LadderStep.objects.filter(number=2).delete()

    bump_content_version()
    role = RolePage.objects.get(slug="clientondersteuner")
    assert client.get(role.url).status_code == 200
    assert "nog geen plek op de ladder" in client.get(role.url).content.decode()
    assert client.get("/ervaringsladder/").status_code == 200
    assert client.get("/werk/?stap=2").status_code == 200


def broken_view(request):
    raise RuntimeError("Iets ging stuk")


urlpatterns = [path("stuk/", broken_view)]


@pytest.mark.django_db
def test_a_server_error_is_logged_and_mailed_to_admins_in_production(client, monkeypatch):
    for name, value in {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": "sqlite:///:memory:",
    }.items():
        monkeypatch.setenv(name, value)
    production = importlib.import_module("ervaring.settings.production")
    client.raise_request_exception = False
    try:
        logging.config.dictConfig(production.LOGGING)
        with override_settings(
            ROOT_URLCONF="tests.test_faults", ADMINS=["beheer@example.org"], DEBUG=False
        ):
            response = client.get("/stuk/?van=test", HTTP_USER_AGENT="testbrowser")
    finally:
        logging.config.dictConfig(settings.LOGGING)
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert "Iets ging stuk" not in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["beheer@example.org"]
    assert "/stuk/" in message.subject
    assert "Iets ging stuk" in message.body and "testbrowser" in message.body


@pytest.mark.django_db
def test_a_request_for_an_unknown_host_is_logged_not_mailed(client, monkeypatch):
    for name, value in {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "ervaring.example",
        "DATABASE_URL": "sqlite:///:memory:",
    }.items():
        monkeypatch.setenv(name, value)
    production = importlib.import_module("ervaring.settings.production")
    try:
        logging.config.dictConfig(production.LOGGING)
        with override_settings(
            ALLOWED_HOSTS=["ervaring.example"], ADMINS=["beheer@example.org"], DEBUG=False
        ):
            response = client.get("/", HTTP_HOST="scanner.invalid")
    finally:
        logging.config.dictConfig(settings.LOGGING)
    assert response.status_code == 400
    assert mail.outbox == []


@pytest.fixture
def full_folder(tmp_path):
    """A folder on a disk with no room left: a small tmpfs, filled up (as root, which `make
    test` is on CI); without the right to mount one, a folder where the system refuses every
    write (/proc). Either way a real error from the operating system on every write."""
    folder = tmp_path / "vol"
    folder.mkdir()
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", str(folder)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    if mounted:
        for name in ("media", "cache"):
            (folder / name).mkdir()
        subprocess.run(
            ["dd", "if=/dev/zero", f"of={folder / 'vol'}", "bs=4k"],
            capture_output=True,
            check=False,
        )
        yield folder
        subprocess.run(["umount", str(folder)], check=False)
    else:
        yield Path(f"/proc/self/ervaring-{os.getpid()}")


@pytest.mark.django_db
def test_a_full_disk_under_the_file_cache_makes_pages_uncached_not_errors(
    client, full_folder, article
):
    with pytest.raises(OSError):
        (full_folder / "proef").write_bytes(b"x" * 8192)
    with override_settings(CACHES={"default": cache_from_url(f"file://{full_folder}/cache")}):
        data_cache.clear_local()
        forget_request_version()
        for url in ("/", "/werk/", "/werk/coach/", "/ervaringsladder/", "/artikelen/", article.url):
            for _ in range(2):
                assert client.get(url).status_code == 200, url
        response = post_comment(article, "Geschreven terwijl de schijf vol is.", client=client)
        assert response.status_code == 200
        assert Comment.objects.filter(body="Geschreven terwijl de schijf vol is.").exists()
    data_cache.clear_local()
    forget_request_version()


@pytest.mark.django_db
def test_an_upload_to_a_full_disk_leaves_no_half_file_and_no_image(settings, full_folder):
    """Django's own storage streams into the final name and left a cut-off file behind."""
    settings.MEDIA_ROOT = full_folder / "media"
    before = Image.objects.count()
    with pytest.raises(OSError), transaction.atomic():
        Image.objects.create(title="Op een volle schijf", file=image_file(size=(1200, 1200)))
    assert Image.objects.count() == before
    media = full_folder / "media"
    left = [path for path in media.rglob("*") if path.is_file()] if media.exists() else []
    assert left == []
