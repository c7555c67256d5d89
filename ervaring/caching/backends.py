"""Django's RedisCache, made to survive Redis going away: every operation that cannot reach
Redis behaves like a miss (get: nothing; set: not stored), so the site serves pages uncached
instead of failing. A warning is logged at most once a minute per process."""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("ervaring")
WARN_EVERY_SECONDS = 60


class ResilientRedisCache(RedisCache):
    """RedisCache whose failures are misses, not server errors."""

    last_warning = 0.0

    def warn(self, operation, error):
        now = time.monotonic()
        if now - ResilientRedisCache.last_warning > WARN_EVERY_SECONDS:
            ResilientRedisCache.last_warning = now
            logger.warning(
                "Redis niet bereikbaar (%s): %s; de site draait zonder cache.", operation, error
            )

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            self.warn("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            self.warn("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError as error:
            self.warn("has_key", error)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except RedisError as error:
            self.warn("set", error)
            return None

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError as error:
            self.warn("set_many", error)
            return list(data)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except RedisError as error:
            self.warn("add", error)
            return False

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except RedisError as error:
            self.warn("touch", error)
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            self.warn("incr", error)
            raise ValueError(f"Key {key!r} not found (Redis unreachable).") from error

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError as error:
            self.warn("delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except RedisError as error:
            self.warn("delete_many", error)
            return None

    def clear(self):
        try:
            return super().clear()
        except RedisError as error:
            self.warn("clear", error)
            return False
