"""When something breaks: no traceback for visitors, the right status, a page that stays up,
and a message for the people who keep the site running."""

import importlib
import logging.config
import os
import secrets
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.urls import path
from wagtail.images.models import Image

from caching.version import bump_content_version
from core.models import ContentPage
from roles.models import LadderStep, RolePage
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
