"""What pages read — the pages each level routes to, menus, the role catalogue, what a page
shows from elsewhere (BasePage.shown_from_elsewhere) — kept per content version, so a page
needs few SQL queries even when it is not cached whole.

A value is kept in the shared cache (for every process and machine) and in this process's
memory. The content version is part of every name, so a change or a deploy makes all of it
stale at once; both keep a value for at most PAGE_CACHE_SECONDS."""

import hashlib
import pickle

from django.conf import settings
from django.core.cache import cache

from caching import memory
from caching.version import content_version, last_known_version, when_version_changes

_memory = None


def _memory_store():
    global _memory
    if _memory is None:
        _memory = memory.from_settings()
    return _memory


def cached_for_content(name, build):
    """`build()`, kept until content changes under `name` (any length: it is hashed). Every
    request in this process gets the same object, so nobody may change it: unpickling a copy
    per request cost more than building some values. When `build()` finds nothing (None),
    nothing is kept: odd names must not fill the cache."""
    version = content_version()
    reachable = version is not None
    if not reachable:
        # The shared cache is away: what this process kept for the last version it knew.
        version = last_known_version()
        if version is None:
            return build()
    key = f"ervaring:data:{version}:{hashlib.sha256(name.encode()).hexdigest()[:32]}"
    found = _memory_store().get(key)
    if found is not None:
        return found
    packed = cache.get(key) if reachable else None
    if packed is None:
        value = build()
        if value is None:
            return None
        packed = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        if reachable:
            cache.set(key, packed, settings.ERVARING["PAGE_CACHE_SECONDS"])
    else:
        value = pickle.loads(packed)  # noqa: S301 - written by this site only
    _memory_store().put(key, value, len(packed))
    return value


def clear_local():
    """Forget what this process kept in memory (tests, after a restore, and whenever this
    process sees a new content version: nothing kept for an older one is read again)."""
    global _memory
    _memory = None


when_version_changes(clear_local)
