"""The test harness every test uses.

- The site's real content (fixtures/) is loaded once into the test database, so tests see what a
  visitor sees. Each test runs in a transaction that is rolled back.
- The cache is emptied before every test.
- Users for each role: `editor` (Redacteuren), `moderator` (Moderatoren), `admin_user`.
- `count_queries` measures the SQL a page needs when warm.
- Browser tests (tests/live/) get a real server and Chromium; see tests/live/conftest.py.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from caching import data as data_cache
from caching import version
from operations.loader import load_content
from tests.live import server
from tests.live.server import get_server
from tests.support.content import OPMARS
from tests.support.users import make_user


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Migrate (pytest-django), then load the site's content once for the whole session."""
    with django_db_blocker.unblock():
        load_content()


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    data_cache.clear_local()
    version.forget_request_version()
    yield
    cache.clear()
    data_cache.clear_local()
    version.forget_request_version()


@pytest.fixture
def editor(db, django_user_model):
    return make_user(django_user_model, "redactie", group="Redacteuren")


@pytest.fixture
def moderator(db, django_user_model):
    return make_user(django_user_model, "moderatie", group="Moderatoren")


@pytest.fixture
def final_editor(db, django_user_model):
    """A redacteur in Eindredactie: approves texts above B1 and the editors' own words."""
    user = make_user(django_user_model, "eindredactie", group="Redacteuren")
    user.groups.add(Group.objects.get(name="Eindredactie"))
    return user


@pytest.fixture
def admin_user(db, django_user_model):
    return make_user(django_user_model, "beheer", superuser=True)


@pytest.fixture
def article(db):
    """The Movisie article: its source has no comments, so every comment on it is a test's."""
    return ArticlePage.objects.get(slug=OPMARS)


@pytest.fixture
def count_queries(client):
    """count_queries(url) -> number of SQL queries for a warm GET of `url` (page cache off,
    so the page itself is rendered; caches of data stay warm, as on a running site)."""

    def count(url, **extra):
        with override_settings(ERVARING={**settings.ERVARING, "PAGE_CACHE_ENABLED": False}):
            first = client.get(url, **extra)
            assert first.status_code == 200, (url, first.status_code)
            with CaptureQueriesContext(connection) as context:
                response = client.get(url, **extra)
            assert response.status_code == 200, (url, response.status_code)
        return len(context.captured_queries)

    return count


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests last: they are the slowest, and their server needs time to start."""
    items.sort(key=lambda item: item.get_closest_marker("live") is not None)


def pytest_collection_finish(session):
    """Start preparing the browser tests' server now, so it is ready when they run."""
    if any(item.get_closest_marker("live") for item in session.items):
        get_server().start_in_background()


def pytest_sessionfinish(session, exitstatus):
    if server._server is not None:
        server._server.stop()
