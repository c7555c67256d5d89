"""Reading configuration from environment variables."""

import os
from urllib.parse import urlsplit


def env_bool(name, default=False):
    """A yes/no variable: 1, true, yes, ja and on mean yes."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def env_list(name, default):
    """A comma-separated variable, e.g. ALLOWED_HOSTS=example.nl,www.example.nl."""
    value = os.environ.get(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def cache_from_url(url, folder=None):
    """Django's CACHES entry for a URL: redis://…, rediss://…, file:///path, locmem:// or
    dummy://. Without a URL: files in `folder`, which every process on this machine shares (the
    web server's workers, the timers, a shell), so a change made in one is seen by all."""
    if not url:
        url = f"file://{folder}"
    scheme = urlsplit(url).scheme
    if scheme in {"redis", "rediss", "unix"}:
        return {
            # Django's RedisCache; when Redis is away, pages are served uncached, not as errors.
            "BACKEND": "caching.backends.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "ervaring",
            # Fail fast when Redis does not answer, rather than hold a visitor; after a failure
            # the breaker leaves Redis alone for CACHE_BREAKER_SECONDS (caching/backends.py).
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    if scheme == "file":
        return {
            # Django's FileBasedCache; a full disk makes pages uncached, not errors.
            "BACKEND": "caching.backends.ResilientFileBasedCache",
            "LOCATION": urlsplit(url).path,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    if scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ervaring",
            "OPTIONS": {"MAX_ENTRIES": 5_000},
        }
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ValueError(f"CACHE_URL: onbekend schema {scheme!r} (redis, file, locmem of dummy)")
