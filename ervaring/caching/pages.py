"""Whole pages for anonymous visitors, kept per content version.

An anonymous GET for a public page is answered from the cache when a copy was rendered at the
current content version. What makes a copy:

- the address (host and path) and only the query parameters the page says it reads
  (`reads_query`): `?utm_source=x` or `?x=1` is the same page, so it neither skips the cache nor
  fills it with copies;
- nothing that differs per visitor: the CSRF token and other per-visitor form values are cut out
  and filled in fresh for each visitor (`ervaring.caching.visitor_fields`);
- only what may be shared: a response that sets a cookie other than the CSRF cookie, or says
  `private`/`no-store` (Wagtail does that for every page with privacy settings, and for previews),
  is never stored.

Copies live in the shared cache (bounded by the cache itself: Redis' memory limit, or the
number of entries) and, for speed, in this process's memory, bounded in bytes.
"""

import hashlib
import threading
from collections import OrderedDict
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware

from ervaring.caching import visitor_fields
from ervaring.caching.version import content_version

SKIPPED_PREFIXES = (
    "/beheer/",
    "/_util/",
    "/inloggen/",
    "/uitloggen/",
    "/static/",
    "/media/",
    "/documents/",
    "/gezond/",
)
# Headers that belong to one response, not to the page.
UNSHARED_HEADERS = {"set-cookie", "vary", "date", "x-cache", "content-length"}
# Bumped when the shape of a stored copy changes, so a copy from an older release is never read.
FORMAT = 2


def reads_query(response, names):
    """Tell the page cache which query parameters `response` depends on. Every other parameter
    in the address is ignored when the page is looked up or stored."""
    response.cache_query_params = tuple(sorted(set(names)))
    return response


def _settings():
    return settings.ERVARING


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def query_key(query, names):
    """The part of the query string that matters, in a fixed order."""
    return urlencode([(name, value) for name in names for value in query.getlist(name)])


class LocalCopies:
    """Copies kept in this process's memory: least recently used out first, at most
    `max_bytes` in all. Only copies of the current content version are kept."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.size = 0
        self.version = None
        self.lock = threading.Lock()  # threaded workers share the middleware

    def get(self, key, version):
        with self.lock:
            if version != self.version:
                return None
            found = self.entries.get(key)
            if found is None:
                return None
            self.entries.move_to_end(key)
            return found[0]

    def put(self, key, entry, version, size):
        with self.lock:
            if version != self.version:
                self.entries.clear()
                self.size = 0
                self.version = version
            if key in self.entries:
                self.size -= self.entries.pop(key)[1]
            self.entries[key] = (entry, size)
            self.size += size
            while self.size > self.max_bytes and self.entries:
                self.size -= self.entries.popitem(last=False)[1][1]

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


class AnonymousPageCacheMiddleware:
    """Serves anonymous GET requests for public pages from the cache and stores what it renders.

    It sits right after WhiteNoise, so a cached page costs almost what a static file costs."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Django's own CSRF middleware reads and sets the visitor's CSRF cookie for cached pages
        # that carry a form.
        self.csrf = CsrfViewMiddleware(get_response)
        self.local = LocalCopies(_settings()["PAGE_CACHE_LOCAL_BYTES"])

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)

        version = content_version()
        if version is None:  # the cache cannot be reached: serve the page as it is now
            return self.get_response(request)
        address = f"{request.get_host()}{request.path}"
        names_key = f"ervaring:page-query:{FORMAT}:{version}:{_digest(address)}"
        names = self.local.get(names_key, version)
        if names is None:
            names = cache.get(names_key)
        if names is not None:
            key = self.page_key(version, address, query_key(request.GET, names))
            copy = self.local.get(key, version)
            if copy is None:
                copy = cache.get(key)
                if copy is not None:
                    self.local.put(key, copy, version, self.size_of(copy))
            if copy is not None:
                return self.rebuild(copy, request)

        response = self.get_response(request)
        if request.method == "GET" and self.is_cacheable_response(request, response):
            self.store(request, response, version, address, names_key)
        return response

    @staticmethod
    def page_key(version, address, query):
        return f"ervaring:page:{FORMAT}:{version}:{_digest(f'{address}?{query}')}"

    def store(self, request, response, version, address, names_key):
        names = getattr(response, "cache_query_params", None)
        if names is None:
            # The view did not say which parameters it reads: store only the bare address.
            if request.GET:
                return
            names = ()
        body = response.content.decode(response.charset)
        pieces, fields = visitor_fields.cut_out(body)
        copy = {
            "status": response.status_code,
            "headers": [
                (header, value)
                for header, value in response.headers.items()
                if header.lower() not in UNSHARED_HEADERS
            ],
            "pieces": pieces,
            "fields": fields,
        }
        key = self.page_key(version, address, query_key(request.GET, names))
        timeout = _settings()["PAGE_CACHE_SECONDS"]
        cache.set_many({names_key: names, key: copy}, timeout)
        self.local.put(names_key, names, version, len(names_key))
        self.local.put(key, copy, version, self.size_of(copy))
        response["X-Cache"] = "miss"

    @staticmethod
    def size_of(copy):
        return sum(len(piece) for piece in copy["pieces"]) + 500

    @staticmethod
    def is_cacheable_request(request):
        if not _settings()["PAGE_CACHE_ENABLED"]:
            return False
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith(SKIPPED_PREFIXES):
            return False
        cookies = request.COOKIES
        # A session cookie may mean a logged-in editor, or a visitor who unlocked a page with a
        # password; a messages cookie a personal notice.
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
            return False
        return "HTTP_AUTHORIZATION" not in request.META

    @staticmethod
    def is_cacheable_response(request, response):
        if response.status_code != 200 or response.streaming:
            return False
        if len(response.content) > _settings()["PAGE_CACHE_MAX_BYTES"]:
            return False
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-store" in cache_control:
            return False
        # Only the CSRF cookie may be set: it is made fresh for every visitor from the cache.
        if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
            return False
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated)

    def rebuild(self, copy, request):
        if copy["fields"]:
            self.csrf.process_request(request)
        body = visitor_fields.fill_in(copy["pieces"], copy["fields"], request)
        response = HttpResponse(body, status=copy["status"])
        for header, value in copy["headers"]:
            response[header] = value
        response["X-Cache"] = "hit"
        # Without it the server sends the page in chunks: an extra write for every visitor.
        response["Content-Length"] = str(len(body))
        if copy["fields"]:
            # Sets this visitor's CSRF cookie (and Vary: Cookie).
            response = self.csrf.process_response(request, response)
        return response
