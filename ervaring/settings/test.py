"""Settings for `make test`: the database comes from DATABASE_URL (SQLite in memory when unset),
fast password hashing, e-mail kept in memory."""

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
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if not os.environ.get("CACHE_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = Path(
    os.environ.get("MEDIA_ROOT") or Path(tempfile.gettempdir()) / "ervaring-test-media"
)
# What nginx does in production: serve uploaded images (ervaring/urls.py).
SERVE_MEDIA_IMAGES = True
