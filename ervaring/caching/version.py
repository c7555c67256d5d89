"""The content version: one number that every cached page and every piece of cached data is
filed under. Publishing, unpublishing, moving or deleting a page, changing a snippet that pages
show, changing privacy, or approving a comment raises it, so everything cached before is stale
at once (docs/decisions.md, "One content version for the whole page cache")."""

import secrets
import threading
import time

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction

VERSION_KEY = "ervaring:content-version"

_state = threading.local()


def forget_request_version(**kwargs):
    """Read the version anew next time (called at the start and end of every request)."""
    _state.__dict__.clear()


# Within one request the version is read once, so a page is built from one version throughout.
request_started.connect(forget_request_version, dispatch_uid="ervaring-version-start")
request_finished.connect(forget_request_version, dispatch_uid="ervaring-version-finish")


def content_version():
    """The current content version, or None when the cache cannot be reached (then nothing is
    read from or kept in any cache: pages are built afresh). When the cache lost the version (a
    restart, a cache that was emptied), a new one is made, so nothing stored before can pass
    for current."""
    if hasattr(_state, "version"):
        return _state.version
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, new_version(), timeout=None)
        version = cache.get(VERSION_KEY)
    _state.version = version
    return version


def new_version():
    """A version no earlier one can equal: the clock in nanoseconds and a random part (two
    machines may raise it in the same nanosecond)."""
    return f"{time.time_ns():x}{secrets.token_hex(3)}"


def _replace():
    forget_request_version()
    # A plain set, never expiring, on every cache backend: Django's incr() re-sets a key with
    # the default timeout on some backends, which made the version expire.
    cache.set(VERSION_KEY, new_version(), timeout=None)
    forget_request_version()


def bump_content_version(*args, **kwargs):
    """Make everything cached stale. Safe to connect to any signal.

    Replaces the version now, and again once the transaction commits: a page rendered in
    between, from data that was not committed yet, is then stale too."""
    _replace()
    transaction.on_commit(_replace)
