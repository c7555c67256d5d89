"""What pages read — menus, the role catalogue, the home page's sections, a page of comments —
kept per content version, so a page needs few SQL queries even when it is not cached whole."""

import threading
from collections import OrderedDict

from django.core.cache import cache

from ervaring.caching.version import content_version

# Small values shared by many pages stay in each process's memory as well.
LOCAL_NAMES = 256

_local = OrderedDict()
_lock = threading.Lock()


def cached_for_content(name, build, timeout=60 * 60, local=True):
    """`build()`, kept until content changes: in the shared cache (for every process and
    machine) and, with `local`, in this process's memory too. Use `local=False` for values of
    which there are many (one per article, say). A value whose shape may change between
    releases carries a format number in its name, so an old pickle is never read back. When
    `build()` finds nothing (None), nothing is kept."""
    version = content_version()
    if version is None:  # the cache cannot be reached: build, keep nothing
        return build()
    if local:
        with _lock:
            remembered = _local.get(name)
        if remembered is not None and remembered[0] == version:
            return remembered[1]
    key = f"ervaring:data:{name}:{version}"
    value = cache.get(key)
    if value is None:
        value = build()
        if value is None:
            return None  # nothing found is not kept: odd names must not fill the cache
        cache.set(key, value, timeout)
    if local:
        with _lock:
            _local[name] = (version, value)
            _local.move_to_end(name)
            while len(_local) > LOCAL_NAMES:
                _local.popitem(last=False)
    return value


def clear_local():
    """Forget what this process kept in memory (tests, and after a restore)."""
    with _lock:
        _local.clear()
