"""The shared cache for real: a Redis server (scripts/test.sh starts one for every test run),
Redis going away, and the one-machine default without Redis (files)."""

import os
import signal
import statistics
import subprocess
import time
from pathlib import Path

import pytest
import redis
from django.core.cache import cache
from django.test import override_settings

from articles.models import ArticlePage
from caching import data as data_cache
from caching.version import CHANGE_KEY, bump_content_version, forget_request_version
from comments import personal_data
from comments.models import Comment
from comments.moderation import moderate
from ervaring.settings.environment import cache_from_url
from roles.models import RolePage
from tests.live.server import redis_url
from tests.support.content import OPMARS
from tests.support.pages import visit
from tests.support.servers import free_port

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]

ARTICLE = OPMARS


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
    (version_key,) = keys(redis_cache, CHANGE_KEY)
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
    article = ArticlePage.objects.get(slug=ARTICLE)
    statuses = []
    for number in range(7):
        data = {
            "name": "Lezer",
            "email": "l@example.org",
            "body": f"Zonder Redis {number}.",
            "website": "",
        }
        statuses.append(client.post(article.url, data, REMOTE_ADDR="192.0.2.200").status_code)
    assert statuses == [303] * 5 + [200] * 2
    assert Comment.objects.filter(body__startswith="Zonder Redis").count() == 5


@pytest.fixture
def own_redis(tmp_path):
    """A Redis server of this test's own, to freeze: the run's shared one serves other tests.
    Yields (url, pid)."""
    folder = tmp_path / "redis"
    started = subprocess.run(
        ["scripts/redis-server.sh", "start", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    pid = int((folder / "redis.pid").read_text())
    yield started.stdout.strip() + "/0", pid
    os.kill(pid, signal.SIGCONT)
    subprocess.run(["scripts/redis-server.sh", "stop", str(folder)], cwd=ROOT, check=False)


@pytest.fixture
def on_own_redis(own_redis, settings):
    """The site's cache on that server; every request renders its page (no page cache), so
    what is measured is the page built from the data it reads."""
    url, pid = own_redis
    settings.ERVARING = {**settings.ERVARING, "PAGE_CACHE_ENABLED": False}
    with override_settings(CACHES={"default": cache_from_url(url)}):
        data_cache.clear_local()
        forget_request_version()
        yield pid
    data_cache.clear_local()
    forget_request_version()


def timed(url, times=15):
    """The median time of `times` fresh visits to `url`, and their status codes."""
    seconds, statuses = [], set()
    for _ in range(times):
        start = time.perf_counter()
        statuses.add(visit(url).status_code)
        seconds.append(time.perf_counter() - start)
    return statuses, statistics.median(seconds)


def test_a_frozen_redis_costs_one_timeout_then_pages_come_at_normal_speed(on_own_redis, settings):
    """A Redis that accepts connections but never answers (SIGSTOP): one request waits for
    the socket timeout and opens the breaker; after that no page waits for Redis at all."""
    settings.ERVARING = {**settings.ERVARING, "CACHE_BREAKER_SECONDS": 60}
    role = "/werk/clientondersteuner/"
    statuses, _ = timed(role, times=5)  # warm: the data this page reads is kept
    assert statuses == {200}

    os.kill(on_own_redis, signal.SIGSTOP)
    start = time.perf_counter()
    assert visit(role).status_code == 200
    assert time.perf_counter() - start < 2  # one timeout (0.2 s), not one per cache call
    # After that the breaker is open: a page waits for no socket timeout at all (each cache
    # call would cost 0.2 s). A bound on the behaviour, not a speed: how fast a page is on a
    # loaded machine is for `make bench`.
    statuses, frozen = timed(role)
    assert statuses == {200}
    assert frozen < 0.2, frozen
    for url in (
        "/",
        "/werk/?stap=2",
        "/ervaringsladder/",
        f"/artikelen/{ARTICLE}/",
        "/zoeken/?q=coach",
    ):
        assert visit(url).status_code == 200, url


def test_redis_is_used_again_once_it_answers(on_own_redis, settings):
    settings.ERVARING = {
        **settings.ERVARING,
        "CACHE_BREAKER_SECONDS": 0.5,
        "PAGE_CACHE_ENABLED": True,
    }
    os.kill(on_own_redis, signal.SIGSTOP)
    assert visit("/werk/").status_code == 200
    assert "X-Cache" not in visit("/werk/")  # the breaker is open: nothing stored
    os.kill(on_own_redis, signal.SIGCONT)
    time.sleep(0.6)
    assert visit("/werk/")["X-Cache"] == "miss"
    assert visit("/werk/")["X-Cache"] == "hit"


def test_one_machine_without_redis_keeps_the_version_past_the_default_timeout(tmp_path):
    """The production default (files) expires a key after its default timeout; the version is
    written to never expire, so it outlives a short default timeout."""
    file_cache = {**cache_from_url(f"file://{tmp_path}"), "TIMEOUT": 1}
    with override_settings(CACHES={"default": file_cache}):
        forget_request_version()
        bump_content_version()
        version = cache.get(CHANGE_KEY)
        assert version is not None
        time.sleep(1.5)
        assert cache.get(CHANGE_KEY) == version
    forget_request_version()


def test_the_redis_settings_in_the_docs_are_the_ones_the_tests_use():
    root = os.path.dirname(os.path.dirname(__file__))
    with open(os.path.join(root, "docs", "operations.md")) as docs:
        text = docs.read()
    with open(os.path.join(root, "scripts", "redis-server.sh")) as script:
        started = script.read()
    assert "maxmemory-policy volatile-lru" in text
    assert "--maxmemory-policy volatile-lru" in started


def test_an_erased_name_leaves_redis_not_only_goes_stale(redis_cache):
    """Erasing a commenter's data removes every copy of the pages that showed it from the
    shared cache at once; made stale only, they would wait there until they expire."""
    article = ArticlePage.objects.get(slug=ARTICLE)
    name = "Lezer Wisbaar"
    comment = Comment.objects.create(
        article=article,
        name=name,
        email="wis@example.org",
        body="Een reactie die blijft, zonder naam.",
        status=Comment.Status.APPROVED,
    )
    assert name in visit(article.url).content.decode()
    assert visit(article.url)["X-Cache"] == "hit"

    def in_redis():
        return any(
            name.encode() in (redis_cache.get(key) or b"")
            for key in redis_cache.scan_iter("*")
            if redis_cache.type(key) == b"string"
        )

    assert in_redis()
    personal_data.erase([comment], remove_text=False)
    assert not in_redis()
    page = visit(article.url).content.decode()
    assert name not in page and "Een reactie die blijft, zonder naam." in page
