"""The content version: the name every cached page and every piece of cached data is filed
under. It is the release (caching/release.py) and the latest *change*: publishing,
unpublishing, moving or deleting a page, changing privacy, a snippet, an image or a document that
pages show, or approving a comment replaces the change, so everything cached before is stale at
once (docs/decisions.md, "One content version for the whole page cache"). A deploy changes the
release, which does the same for everything the old code and templates made.

The change lives in the shared cache, so every process and machine sees it. When the shared
cache cannot be reached, there is no version (None): nothing is read from or written to it,
and this process goes on with what it kept in its own memory for the last version it knew
(caching/data.py), for at most PAGE_CACHE_SECONDS."""

import secrets
import threading
import time
import weakref

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction

from caching.release import release

CHANGE_KEY = "ervaring:content-change"

_request = threading.local()
_process = {"last_known": None, "unsaved_change": False}
# What each process must forget once it sees a new version (weak references: a middleware made
# for one test client must not be kept alive by this list).
_on_new_version = []


def when_version_changes(callback):
    """Call `callback()` (a function or a bound method) whenever this process sees a content
    version other than the last one it knew: what it kept in memory for the old one is never
    read again, and must not stay there (an erased commenter's name, say)."""
    ref = weakref.WeakMethod(callback) if hasattr(callback, "__self__") else (lambda: callback)
    _on_new_version.append(ref)


def _forget_old_version():
    alive = []
    for ref in _on_new_version:
        callback = ref()
        if callback is not None:
            callback()
            alive.append(ref)
    _on_new_version[:] = alive


def forget_request_version(**kwargs):
    """Read the version anew next time (called at the start and end of every request)."""
    _request.__dict__.clear()


# Within one request the version is read once, so a page is built from one version throughout.
request_started.connect(forget_request_version, dispatch_uid="ervaring-version-start")
request_finished.connect(forget_request_version, dispatch_uid="ervaring-version-finish")


def content_version():
    """The current content version, or None when the shared cache cannot be reached. When the
    cache lost the change (a restart, a cache that was emptied), a new one is made, so nothing
    stored before can pass for current."""
    if hasattr(_request, "version"):
        return _request.version
    if _process["unsaved_change"]:
        # A change made here while the cache was away: tell everyone now that it is back.
        _save_new_change()
    change = cache.get(CHANGE_KEY)
    if change is None:
        cache.add(CHANGE_KEY, new_change(), timeout=None)
        change = cache.get(CHANGE_KEY)
    version = None if change is None else f"{release()}.{change}"
    if version is not None:
        if _process["last_known"] not in (None, version):
            _forget_old_version()
        _process["last_known"] = version
    _request.version = version
    return version


def last_known_version():
    """The version this process last read from the shared cache (or made itself), or None."""
    return _process["last_known"]


def new_change():
    """A change no earlier one can equal: the clock in nanoseconds and a random part (two
    machines may change content in the same nanosecond)."""
    return f"{time.time_ns():x}{secrets.token_hex(3)}"


def _save_new_change():
    forget_request_version()
    change = new_change()
    # A plain set, never expiring, on every cache backend: Django's incr() re-sets a key with
    # the default timeout on some backends, which made the version expire.
    cache.set(CHANGE_KEY, change, timeout=None)
    saved = cache.get(CHANGE_KEY) == change
    _process["unsaved_change"] = not saved
    if not saved:
        # This process at least sees its own change: what it kept is filed under the old name.
        _process["last_known"] = f"{release()}.{change}"
    forget_request_version()


def bump_content_version(*args, **kwargs):
    """Make everything cached stale. Safe to connect to any signal.

    Replaces the change now, and again once the transaction commits: a page rendered in
    between, from data that was not committed yet, is then stale too."""
    _save_new_change()
    transaction.on_commit(_save_new_change)
