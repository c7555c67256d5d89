"""The content version: one number that every cached page and every piece of cached data is
filed under. Publishing, unpublishing, moving or deleting a page, changing a snippet that pages
show, changing privacy, or approving a comment raises it, so everything cached before is stale
at once (docs/decisions.md, "One content version for the whole page cache")."""

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
    """The current content version. When the cache lost it (a restart, or a cache that was
    emptied), a new one is made from the clock, so nothing stored before can pass for current."""
    version = getattr(_state, "version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            # The version key never expires (timeout=None), on every cache backend.
            cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
            version = cache.get(VERSION_KEY)
        _state.version = version
    return version


def _increment():
    forget_request_version()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # the key was gone: start a new one from the clock
        content_version()
        cache.incr(VERSION_KEY)
    forget_request_version()


def bump_content_version(*args, **kwargs):
    """Make everything cached stale. Safe to connect to any signal.

    Bumps now, and again once the transaction commits: a page rendered in between, from data
    that was not committed yet, is then stale too."""
    _increment()
    transaction.on_commit(_increment)
