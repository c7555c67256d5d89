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
    raise ValueError(f"Key {key!r} not found (Redis unreachable).")


class ResilientRedisCache(RedisCache):
    """RedisCache whose failures are misses, not server errors, behind a circuit breaker."""

    def __init__(self, server, params):
        super().__init__(server, params)
        # One breaker per Redis address and process (Django makes a cache object per thread).
        self.breaker = _breakers.setdefault(str(server), Breaker())

    get = guarded(_default)(RedisCache.get)
    get_many = guarded(lambda *a, **k: {})(RedisCache.get_many)
    has_key = guarded(_false)(RedisCache.has_key)
    set = guarded(_nothing)(RedisCache.set)
    set_many = guarded(lambda data, *a, **k: list(data))(RedisCache.set_many)
    add = guarded(_false)(RedisCache.add)
    touch = guarded(_false)(RedisCache.touch)
    incr = guarded(_not_found)(RedisCache.incr)
    delete = guarded(_false)(RedisCache.delete)
    delete_many = guarded(_nothing)(RedisCache.delete_many)
    clear = guarded(_false)(RedisCache.clear)


def _file_guarded(fallback):
    return guarded(fallback, errors=(OSError, EOFError))


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

    get = _file_guarded(_default)(FileBasedCache.get)
    get_many = _file_guarded(lambda *a, **k: {})(FileBasedCache.get_many)
    has_key = _file_guarded(_false)(FileBasedCache.has_key)
    set = _file_guarded(_nothing)(FileBasedCache.set)
    set_many = _file_guarded(lambda data, *a, **k: list(data))(FileBasedCache.set_many)
    add = _file_guarded(_false)(FileBasedCache.add)
    touch = _file_guarded(_false)(FileBasedCache.touch)
    incr = _file_guarded(_not_found)(FileBasedCache.incr)
    delete = _file_guarded(_false)(FileBasedCache.delete)
    delete_many = _file_guarded(_nothing)(FileBasedCache.delete_many)
    clear = _file_guarded(_false)(FileBasedCache.clear)
