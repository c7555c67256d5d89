"""Pages travel light: a shared page is compressed once, when it is stored, and every client
gets the best encoding it accepts, with its own ETag; what holds a secret is never compressed."""

import gzip

import brotli
import pytest
from django.core.cache import cache
from django.test import Client

from caching import encoding
from caching.middleware import PageCacheMiddleware
from caching.version import content_version
from comments.models import Comment
from tests.support.comments import comment_data
from tests.support.content import OPMARS_URL
from tests.support.pages import visit

pytestmark = pytest.mark.django_db
BROWSER = "gzip, deflate, br, zstd"
PAGES = ["/", "/werk/", "/werk/coach/", "/ervaringsladder/", OPMARS_URL, "/artikelen/"]


def decoded(response):
    body = response.content
    if response.get("Content-Encoding") == "br":
        return brotli.decompress(body)
    if response.get("Content-Encoding") == "gzip":
        return gzip.decompress(body)
    return body


@pytest.mark.parametrize("url", PAGES)
def test_a_browser_gets_brotli_and_every_encoding_is_the_same_page(url):
    plain = visit(url)
    assert "Content-Encoding" not in plain
    for accepted, expected in ((BROWSER, "br"), ("gzip, deflate", "gzip")):
        seen = set()
        for _ in range(2):  # made and stored, then from the cache: the same bytes for everyone
            response = visit(url, HTTP_ACCEPT_ENCODING=accepted)
            seen.add(response.content)
            assert response["Content-Encoding"] == expected, url
            assert response["Vary"] == "Accept-Encoding"
            assert int(response["Content-Length"]) == len(response.content)
            assert len(response.content) < len(plain.content) / 2
            assert decoded(response) == plain.content
        assert len(seen) == 1


@pytest.mark.parametrize(
    ("accepted", "expected"),
    [
        ("gzip, deflate, br", "br"),
        ("br;q=0, gzip", "gzip"),
        ("gzip;q=1.0, br;q=0.5", "gzip"),
        ("gzip;q=0.5, br;q=0.9", "br"),
        ("*", "br"),
        ("*;q=0.5, br;q=0", "gzip"),
        ("identity", ""),
        ("gzip;q=0, br;q=0", ""),
        ("", ""),
        ("gzip;q=zomaar, br;q=7", ""),
        ("GZIP", "gzip"),
    ],
)
def test_the_encoding_is_the_one_the_client_weighs_highest(accepted, expected):
    response = visit("/werk/", HTTP_ACCEPT_ENCODING=accepted)
    assert response.get("Content-Encoding", "") == expected
    assert encoding.best_encoding(accepted) == expected


def test_each_encoding_has_its_own_etag_and_a_304_for_its_own_bytes():
    tags = {}
    for accepted in (BROWSER, "gzip", ""):
        visit("/werk/coach/", HTTP_ACCEPT_ENCODING=accepted)
        tags[accepted] = visit("/werk/coach/", HTTP_ACCEPT_ENCODING=accepted)["ETag"]
    assert len(set(tags.values())) == 3
    for accepted, etag in tags.items():
        same = visit(
            "/werk/coach/", status=304, HTTP_ACCEPT_ENCODING=accepted, HTTP_IF_NONE_MATCH=etag
        )
        assert same["ETag"] == etag and not same.content
    # Holding the brotli bytes says nothing about the gzip ones.
    other = visit("/werk/coach/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=tags[BROWSER])
    assert other["Content-Encoding"] == "gzip"


def test_a_stored_page_is_compressed_once_and_served_as_stored(monkeypatch):
    calls = []
    original = encoding.compress

    def counted(body):
        calls.append(len(body))
        return original(body)

    monkeypatch.setattr(encoding, "compress", counted)
    for accepted in (BROWSER, "gzip", "", BROWSER, "gzip", BROWSER):
        visit("/ervaringsladder/", HTTP_ACCEPT_ENCODING=accepted)
    assert len(calls) == 1
    key = PageCacheMiddleware.page_key(content_version(), "http://testserver/ervaringsladder/", "")
    stored = cache.get(key)
    hit = visit("/ervaringsladder/", HTTP_ACCEPT_ENCODING=BROWSER)
    assert hit["X-Cache"] == "hit" and hit.content == stored["encoded"]["br"]


def test_small_answers_are_sent_plain():
    response = visit("/robots.txt", HTTP_ACCEPT_ENCODING=BROWSER)
    assert "Content-Encoding" not in response and response["Vary"] == "Accept-Encoding"


def test_answers_with_a_secret_in_them_are_never_compressed(client, editor):
    # A login form carries a CSRF token; so does every admin page; a comment with mistakes
    # shows what the reader typed.
    login = Client().get("/inloggen/", HTTP_ACCEPT_ENCODING=BROWSER)
    assert b"csrfmiddlewaretoken" in login.content
    assert "Content-Encoding" not in login
    client.force_login(editor)
    admin = client.get("/beheer/", HTTP_ACCEPT_ENCODING=BROWSER)
    assert admin.status_code == 200 and "Content-Encoding" not in admin
    page = client.get(OPMARS_URL, HTTP_ACCEPT_ENCODING=BROWSER)
    assert "Content-Encoding" not in page and "private" in page["Cache-Control"]
    mistake = Client().post(
        OPMARS_URL,
        {**comment_data("Mijn woorden."), "email": "geen-adres"},
        HTTP_ACCEPT_ENCODING=BROWSER,
        REMOTE_ADDR="192.0.2.77",
    )
    assert b"Mijn woorden." in mistake.content
    assert "Content-Encoding" not in mistake
    assert not Comment.objects.filter(body="Mijn woorden.").exists()
