"""The shared cache for real: a Redis server (scripts/test.sh starts one for every test run),
Redis going away, and the one-machine default without Redis (files)."""

import os
import time

import pytest
import redis
from django.core.cache import cache
from django.test import Client, override_settings

from articles.comments.moderation import moderate
from articles.models import ArticlePage, Comment
from ervaring.caching import data as data_cache
from ervaring.caching.version import VERSION_KEY, bump_content_version, forget_request_version
from ervaring.settings.environment import cache_from_url
from roles.models import RolePage
from tests.live.server import free_port, redis_url

pytestmark = pytest.mark.django_db

ARTICLE = "inzet-ervaringsdeskundigen-sociaal-werk-in-opmars"


@pytest.fixture
def redis_cache():
    """The site's cache on this test run's Redis server (its own database), emptied."""
    url = redis_url(2)
    assert url, "Start de tests met `make test`: die start een Redis-server (TEST_REDIS_URL)."
    with override_settings(CACHES={"default": cache_from_url(url)}):
        cache.clear()
        data_cache.clear_local()
        forget_request_version()
        yield redis.Redis.from_url(url)
        cache.clear()
    data_cache.clear_local()
    forget_request_version()


def visit(url):
    return Client().get(url)


def keys(client, part):
    return [key.decode() for key in client.scan_iter(f"*{part}*")]


def test_pages_come_from_redis_and_publishing_makes_them_fresh(redis_cache):
    role = RolePage.objects.get(slug="coach")
    visit(role.url)
    assert visit(role.url)["X-Cache"] == "hit"
    assert keys(redis_cache, "ervaring:page:")
    role.title = "Coach, nieuw"
    role.save_revision().publish()
    fresh = visit(role.url)
    assert fresh["X-Cache"] == "miss"
    assert "Coach, nieuw" in fresh.content.decode()


def test_the_version_never_expires_and_everything_else_does(redis_cache, settings):
    visit("/werk/")
    visit("/artikelen/")
    (version_key,) = keys(redis_cache, VERSION_KEY)
    # Never evicted by Redis' volatile-lru either (only keys that expire are evicted).
    assert redis_cache.ttl(version_key) == -1
    page_keys = keys(redis_cache, "ervaring:page")
    data_keys = keys(redis_cache, "ervaring:data:")
    assert page_keys and data_keys
    for key in page_keys:
        assert 0 < redis_cache.ttl(key) <= settings.ERVARING["PAGE_CACHE_SECONDS"]
    for key in data_keys:
        assert redis_cache.ttl(key) > 0


def test_an_approved_comment_shows_at_once(redis_cache):
    article = ArticlePage.objects.get(slug=ARTICLE)
    comment = Comment.objects.create(
        article=article, name="Lezer", email="l@example.org", body="Via Redis goedgekeurd."
    )
    visit(article.url)
    assert visit(article.url)["X-Cache"] == "hit"
    moderate([comment], Comment.Status.APPROVED, user=None)
    assert "Via Redis goedgekeurd." in visit(article.url).content.decode()


@pytest.fixture
def redis_away():
    """The cache points at a Redis server that is not there (nothing listens on the port)."""
    dead = f"redis://127.0.0.1:{free_port()}/0"
    with override_settings(CACHES={"default": cache_from_url(dead)}):
        data_cache.clear_local()
        forget_request_version()
        yield
    data_cache.clear_local()
    forget_request_version()


def test_without_redis_pages_are_served_uncached_not_as_errors(redis_away, client, editor):
    for url in ("/", "/werk/", "/werk/coach/", "/ervaringsladder/", "/artikelen/", "/zoeken/?q=x"):
        for _ in range(2):
            response = visit(url)
            assert response.status_code == 200, url
            assert "X-Cache" not in response
    # Editors can still log in and work (sessions live in the database).
    client.force_login(editor)
    assert client.get("/beheer/").status_code == 200


def test_without_redis_comments_are_taken_and_the_limit_still_holds(redis_away, client):
    import time as clock

    from django.core import signing

    from articles.comments.forms import START_SALT

    article = ArticlePage.objects.get(slug=ARTICLE)
    statuses = []
    for number in range(7):
        data = {
            "name": "Lezer",
            "email": "l@example.org",
            "body": f"Zonder Redis {number}.",
            "started": signing.dumps({"t": int(clock.time()) - 10}, salt=START_SALT, compress=True),
            "website": "",
        }
        statuses.append(client.post(article.url, data, REMOTE_ADDR="192.0.2.200").status_code)
    assert statuses == [303] * 5 + [200] * 2
    assert Comment.objects.filter(body__startswith="Zonder Redis").count() == 5


def test_one_machine_without_redis_keeps_the_version_past_the_default_timeout(tmp_path):
    """The production default (files) expires a key after its default timeout; the version is
    written to never expire, so it outlives a short default timeout."""
    file_cache = {**cache_from_url(f"file://{tmp_path}"), "TIMEOUT": 1}
    with override_settings(CACHES={"default": file_cache}):
        forget_request_version()
        bump_content_version()
        version = cache.get(VERSION_KEY)
        assert version is not None
        time.sleep(1.5)
        assert cache.get(VERSION_KEY) == version
    forget_request_version()


def test_the_redis_settings_in_the_docs_are_the_ones_the_tests_use():
    root = os.path.dirname(os.path.dirname(__file__))
    with open(os.path.join(root, "docs", "operations.md")) as docs:
        text = docs.read()
    with open(os.path.join(root, "scripts", "redis-server.sh")) as script:
        started = script.read()
    assert "maxmemory-policy volatile-lru" in text
    assert "--maxmemory-policy volatile-lru" in started
