"""Settings for `make test`: the database comes from DATABASE_URL (SQLite in memory when unset),
fast password hashing, e-mail kept in memory. The suite runs in several processes at once
(pytest-xdist, scripts/test.sh): each has its own database (pytest-django), its own Redis
databases and its own folder for uploads."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = os.environ.get("SECRET_KEY", "test-only-not-secret-" + "x" * 40)
DEBUG = False
ALLOWED_HOSTS = ["*"]
if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# In memory, unless a test gives a mail server (tests/live/test_worker.py: the worker sends to one).
if not os.environ.get("EMAIL_HOST"):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The test run's Redis server (scripts/test.sh starts one), numbered from TEST_REDIS_FIRST_DB: per
# process three databases of its own — +0 its cache (with TEST_CACHE_ON_REDIS, as production
# shares one), +1 the browser tests' servers, +2 tests/test_redis.py.
TEST_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
TEST_REDIS_DATABASES = 3


def test_redis_url(offset):
    base = os.environ.get("TEST_REDIS_URL")
    if not base:
        return None
    first = int(os.environ.get("TEST_REDIS_FIRST_DB", "0"))
    return f"{base}/{first + TEST_WORKER * TEST_REDIS_DATABASES + offset}"


TEST_REDIS_URLS = [test_redis_url(offset) for offset in range(TEST_REDIS_DATABASES)]
if os.environ.get("CACHE_URL"):
    pass  # a server the tests start (tests/live/server.py) says which cache it shares
elif os.environ.get("TEST_CACHE_ON_REDIS") and TEST_REDIS_URLS[0]:
    CACHES = {"default": cache_from_url(TEST_REDIS_URLS[0], folder=VAR_DIR / "cache")}  # noqa: F405
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = Path(
    os.environ.get("MEDIA_ROOT")
    or Path(tempfile.gettempdir()) / f"ervaring-test-media-{os.getpid()}-{TEST_WORKER}"
)
# What nginx does in production: serve uploaded images (ervaring/urls.py).
SERVE_MEDIA_IMAGES = True
