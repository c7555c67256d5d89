"""Django's RedisCache, made to survive Redis going away or hanging; and its file cache, made
to survive a disk that is full or refuses writes (ResilientFileBasedCache, below).

Every operation that fails behaves like a miss (get: nothing; set: not stored), so the site
serves pages uncached instead of failing. Each operation waits at most the socket timeout
(settings: a fraction of a second). And a circuit breaker: after a failure, this process
leaves Redis alone for CACHE_BREAKER_SECONDS, so a Redis that accepts connections but never
answers costs one timeout per process every few seconds, not one per cache call. A warning is
logged at most once a minute per process."""

import functools
import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("ervaring")
WARN_EVERY_SECONDS = 60


class Breaker:
    """Open for a while after a failure; shared by every thread of the process."""

    def __init__(self, what="Redis antwoordt niet"):
        self.what = what
        self.open_until = 0.0
        self.last_warning = 0.0
        self.lock = threading.Lock()

    def is_open(self):
        return time.monotonic() < self.open_until

    def trip(self, operation, error):
        now = time.monotonic()
        seconds = settings.ERVARING["CACHE_BREAKER_SECONDS"]
        with self.lock:
            self.open_until = now + seconds
            warn = now - self.last_warning > WARN_EVERY_SECONDS
            if warn:
                self.last_warning = now
        if warn:
            logger.warning(
                "%s (%s: %s); de site slaat de cache %s s over.",
                self.what,
                operation,
                error,
                seconds,
            )


_breakers = {}


def guarded(fallback, errors=(RedisError,)):
    """A cache method that answers `fallback(*args, **kwargs)` instead of failing with one of
    `errors`, and does not try the cache at all while the breaker is open."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self.breaker.is_open():
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except errors as error:
                self.breaker.trip(method.__name__, error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _default(key, default=None, *args, **kwargs):
    return default


def _not_found(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found (the cache is unreachable).")


# Each cache operation and what it answers when the cache fails: the answer of a miss.
FALLBACKS = {
    "get": _default,
    "get_many": lambda *a, **k: {},
    "has_key": _false,
    "set": _nothing,
    "set_many": lambda data, *a, **k: list(data),
    "add": _false,
    "touch": _false,
    "incr": _not_found,
    "delete": _false,
    "delete_many": _nothing,
    "clear": _false,
}


def misses_on(*errors):
    """A class decorator: every operation in FALLBACKS of the cache class fails as a miss on
    one of `errors`, behind the instance's breaker."""

    def decorate(cls):
        for name, fallback in FALLBACKS.items():
            setattr(cls, name, guarded(fallback, errors)(getattr(cls.__mro__[1], name)))
        return cls

    return decorate


@misses_on(RedisError)
class ResilientRedisCache(RedisCache):
    """RedisCache whose failures are misses, not server errors, behind a circuit breaker."""

    def __init__(self, server, params):
        super().__init__(server, params)
        # One breaker per Redis address and process (Django makes a cache object per thread).
        self.breaker = _breakers.setdefault(str(server), Breaker())


@misses_on(OSError, EOFError)
class ResilientFileBasedCache(FileBasedCache):
    """The one-machine cache in files (var/cache), whose failures are misses: a full disk, or a
    folder that refuses writes, makes pages uncached, not server errors (as Redis going away
    does). Behind the same breaker, so a full disk costs one failed write per process every
    CACHE_BREAKER_SECONDS."""

    def __init__(self, directory, params):
        super().__init__(directory, params)
        self.breaker = _breakers.setdefault(
            f"file:{directory}", Breaker("De cachemap neemt niets aan (schijf vol?)")
        )
