"""The cache for anonymous visitors.

Anonymous GET requests for public pages are answered from Django's cache. Every stored page
carries the *content version* it was rendered at; publishing, unpublishing, moving or deleting a
page, changing a snippet that pages show, or approving a comment raises the version, so every
page is fresh at once (see docs/decisions.md, "One content version for the whole page cache").

Forms on cached pages keep working: values that must differ per visitor (the CSRF token, the
comment form's signed start time) are cut out when a page is stored and filled in fresh for
every visitor when it is served.
"""

import hashlib
import re
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware

from ervaring.csrf import csrf_token

VERSION_KEY = "ervaring:content-version"
SKIPPED_PREFIXES = ("/beheer/", "/static/", "/media/", "/documents/", "/gezond/")
# Cached pages kept in each process's memory as well (about 20 KB each).
LOCAL_ENTRIES = 500

# name of a hidden form field -> function(request) giving this visitor's value.
_fresh_fields = {"csrfmiddlewaretoken": csrf_token}


def register_fresh_field(name, factory):
    """Have the hidden field `name` filled per visitor when a page comes from the cache."""
    _fresh_fields[name] = factory


_request_state = threading.local()


def _forget_request_version(**kwargs):
    _request_state.__dict__.clear()


# Within one request the content version is read once; every request reads it anew.
request_started.connect(_forget_request_version, dispatch_uid="ervaring-version-start")
request_finished.connect(_forget_request_version, dispatch_uid="ervaring-version-finish")


def content_version():
    """The current content version. When the cache lost it (restart, eviction), a new one is
    made from the clock, so nothing rendered before can pass for current."""
    version = getattr(_request_state, "version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
            version = cache.get(VERSION_KEY)
        _request_state.version = version
    return version


def _increment():
    _forget_request_version()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        content_version()
        cache.incr(VERSION_KEY)
    _forget_request_version()


def bump_content_version(*args, **kwargs):
    """Make every cached page stale. Safe to connect to any signal.

    Bumps now, and again once the transaction commits: a page rendered in between, from data
    that was not committed yet, is then stale too."""
    _increment()
    transaction.on_commit(_increment)


_local_data = {}


def cached_for_content(name, build, timeout=60 * 60, local=True):
    """`build()`, kept until content changes, keyed by the content version: in the shared cache
    (for all processes) and, with `local`, in this process's memory too. Use `local=False` for
    values of which there are many (one per article, say)."""
    version = content_version()
    if local:
        remembered = _local_data.get(name)
        if remembered is not None and remembered[0] == version:
            return remembered[1]
    key = f"ervaring:data:{name}:{version}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    if local:
        _local_data[name] = (version, value)
    return value


def _settings():
    return settings.ERVARING


def _field_pattern(name):
    return re.compile(r'(<input type="hidden" name="' + re.escape(name) + r'" value=")[^"]*(")')


def _sentinel(name):
    return f"\x00fresh:{name}\x00"


class AnonymousPageCacheMiddleware:
    """Serves anonymous GET requests for public pages from the cache, stores what it renders.

    It sits right after WhiteNoise, so a cached page costs almost what a static file costs.
    Stored pages also stay in this process's memory; the shared cache is then only asked for the
    (small) content version."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Run Django's own CSRF middleware for cached pages that carry a form.
        self.csrf = CsrfViewMiddleware(get_response)
        self.local = OrderedDict()
        self.local_lock = threading.Lock()  # threaded workers share this middleware

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)

        address = f"{request.get_host()}{request.get_full_path()}".encode()
        key = "ervaring:page:" + hashlib.sha256(address).hexdigest()
        with self.local_lock:
            entry = self.local.get(key)
        if entry is not None:
            version = content_version()
        else:
            found = cache.get_many([VERSION_KEY, key])
            version = found.get(VERSION_KEY) or content_version()
            _request_state.version = version
            entry = found.get(key)
        if entry is not None and entry["version"] == version:
            self.remember(key, entry)
            return self.rebuild(entry, request)

        response = self.get_response(request)
        if request.method == "GET" and self.is_cacheable_response(request, response):
            entry = self.freeze(response, version)
            cache.set(key, entry, _settings()["PAGE_CACHE_SECONDS"])
            self.remember(key, entry)
            response["X-Cache"] = "miss"
        return response

    def remember(self, key, entry):
        with self.local_lock:
            self.local[key] = entry
            self.local.move_to_end(key)
            while len(self.local) > LOCAL_ENTRIES:
                self.local.popitem(last=False)

    @staticmethod
    def is_cacheable_request(request):
        if not _settings()["PAGE_CACHE_ENABLED"]:
            return False
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith(SKIPPED_PREFIXES):
            return False
        cookies = request.COOKIES
        # A session cookie may mean a logged-in editor; a messages cookie a personal notice.
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
            return False
        return "HTTP_AUTHORIZATION" not in request.META

    @staticmethod
    def is_cacheable_response(request, response):
        if response.status_code != 200 or response.streaming:
            return False
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-store" in cache_control:
            return False
        # Only the CSRF cookie may be set: it is made fresh for every visitor from the cache.
        if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
            return False
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated)

    @staticmethod
    def freeze(response, version):
        body = response.content.decode(response.charset)
        fields = []
        for name in _fresh_fields:
            body, count = _field_pattern(name).subn(
                lambda m, name=name: m.group(1) + _sentinel(name) + m.group(2), body
            )
            if count:
                fields.append(name)
        headers = [
            (header, value)
            for header, value in response.headers.items()
            if header.lower() not in {"set-cookie", "vary", "date", "x-cache", "content-length"}
        ]
        # The body in pieces around the per-visitor values: [text, field, text, field, …, text].
        pieces = re.split("\x00fresh:([^\x00]+)\x00", body)
        return {
            "version": version,
            "status": response.status_code,
            "headers": headers,
            "body": body.encode() if not fields else None,
            "pieces": [piece.encode() if i % 2 == 0 else piece for i, piece in enumerate(pieces)]
            if fields
            else None,
            "fields": fields,
        }

    def rebuild(self, entry, request):
        if entry["fields"]:
            self.csrf.process_request(request)
            fresh = {name: str(_fresh_fields[name](request)).encode() for name in entry["fields"]}
            body = b"".join(
                piece if i % 2 == 0 else fresh[piece] for i, piece in enumerate(entry["pieces"])
            )
        else:
            body = entry["body"]
        response = HttpResponse(body, status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        response["X-Cache"] = "hit"
        # Without it the server sends the page in chunks: an extra write for every visitor.
        response["Content-Length"] = str(len(body))
        if entry["fields"]:
            # Sets this visitor's CSRF cookie (and Vary: Cookie).
            response = self.csrf.process_response(request, response)
        return response
