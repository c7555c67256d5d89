"""One page, one answer: whole pages for anonymous visitors, shared by this site's cache and by
any cache in front of it (nginx, a CDN).

A response may be shared when its view *declared* which query parameters it reads (pages:
`BasePage.query_params`; other views: the `reads_query` decorator) and it was made for an
anonymous visitor: a GET or HEAD without a session or messages cookie, no preview, a 200, no
cookie set, nothing that says private. Such a response is the same bytes for every visitor and
goes out with `Cache-Control: public` (`s-maxage`, `stale-while-revalidate`), an `ETag`, and a
`304 Not Modified` for a browser or proxy that already has it, compressed in the best encoding
the client accepts (caching/encoding.py: compressed once, when it is made, never per visitor).
Everything else goes out `private, no-store`, and uncompressed: no cache anywhere keeps it.

This site keeps the shared responses per content version (caching/version.py): in the
shared cache and in each process's memory, filed under the address (scheme, host, path) and the
values of the declared parameters only, so `?utm_source=x` neither skips the cache nor fills
it. A copy is only ever stored from a request that had no other parameters: a view can never
put an answer to `?x=1` under the plain address."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
)
from django.utils.http import quote_etag

from caching import encoding, memory
from caching.declaration import query_key
from caching.version import content_version, when_version_changes

# Headers that belong to one response, not to the page.
UNSHARED_HEADERS = {
    "set-cookie", "vary", "date", "x-cache", "content-length", "content-encoding", "etag",
}  # fmt: skip


class QueryKeys:
    """query_key() of a request's address. The same raw query string always gives the same
    answer, so for short ones (at most `short` characters) it is worked out once per process
    and kept, at most `limit` of them: a cached page with a filter in its address is served
    about as fast as one without."""

    def __init__(self, limit=4096, short=300):
        self.limit = limit
        self.short = short
        self.found = {}

    def __call__(self, request, names):
        raw = request.META.get("QUERY_STRING", "")
        if len(raw) > self.short:
            return query_key(request.GET, names)  # a scanner's, say: not kept
        found = self.found.get((raw, names))
        if found is None:
            found = query_key(request.GET, names)
            if len(self.found) >= self.limit:
                self.found.clear()
            self.found[(raw, names)] = found
        return found

    def raw_strings(self):
        """The raw query strings kept now."""
        return [raw for raw, _ in self.found]


address_query = QueryKeys()


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def _knobs():
    return settings.ERVARING


class PageCacheMiddleware:
    """Decides, for every response, whether it may be shared, says so in its headers, and
    answers anonymous visitors from the copies it kept.

    It sits right after WhiteNoise, so a cached page costs almost what a static file costs."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.memory = memory.from_settings()
        # The copies kept for an older content version are never served again: let them go.
        when_version_changes(self.memory.clear)

    def __call__(self, request):
        if not self.is_anonymous_read(request):
            return self.private(self.get_response(request))

        version = content_version() if _knobs()["PAGE_CACHE_ENABLED"] else None
        address = f"{request.scheme}://{request.get_host()}{request.path}"
        names_key = f"ervaring:page-params:{version}:{_digest(address)}"
        if version is not None:
            names = self.kept(names_key)
            if names is not None:
                copy = self.kept(self.page_key(version, address, address_query(request, names)))
                if copy is not None:
                    return self.from_copy(request, copy)

        response = self.get_response(request)
        names = getattr(response, "query_params", None)
        if names is None or not self.is_shareable(request, response):
            return self.private(response)
        stored = (
            version is not None
            and request.method == "GET"
            and set(request.GET) <= set(names)
            and len(response.content) <= _knobs()["PAGE_CACHE_MAX_BYTES"]
        )
        # Compressed only when kept: compressing on every request that is not (the page cache
        # off, an address with a parameter the page does not read) cost 3-11 % of throughput
        # (docs/benchmark.md), and such answers are rare.
        copy = self.shared_copy(response, compressed=stored)
        if stored:
            self.store(copy, names, version, address, names_key, address_query(request, names))
        return self.from_copy(request, copy, "miss" if stored else None)

    @staticmethod
    def is_anonymous_read(request):
        if request.method not in ("GET", "HEAD"):
            return False
        cookies = request.COOKIES
        # A session cookie may mean a logged-in editor, or a visitor who unlocked a page with a
        # password; a messages cookie a personal notice.
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
            return False
        return "HTTP_AUTHORIZATION" not in request.META

    @staticmethod
    def is_shareable(request, response):
        if response.status_code != 200 or response.streaming:
            return False
        if getattr(request, "is_preview", False) or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-store" in cache_control:
            return False  # Wagtail says so for every page with privacy settings
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated)

    @staticmethod
    def private(response):
        """No cache anywhere may keep this response."""
        if "Cache-Control" not in response:
            add_never_cache_headers(response)
        elif "no-store" not in response["Cache-Control"]:
            patch_cache_control(response, private=True, no_store=True)
        return response

    @staticmethod
    def shared_copy(response, compressed=True):
        """What every visitor gets of a shareable response, as stored: its status, the headers
        that belong to the page, the plain body and (`compressed`) the body in each encoding,
        compressed here, once."""
        knobs = _knobs()
        response["Cache-Control"] = (
            f"public, max-age=0, s-maxage={knobs['PAGE_SHARED_SECONDS']}, "
            f"stale-while-revalidate={knobs['PAGE_STALE_SECONDS']}"
        )
        body = response.content
        return {
            "status": response.status_code,
            "headers": [
                (header, value)
                for header, value in response.headers.items()
                if header.lower() not in UNSHARED_HEADERS
            ],
            "body": body,
            "encoded": encoding.compress(body) if compressed else {},
            "etag": quote_etag(hashlib.sha256(body).hexdigest()[:32]),
        }

    def kept(self, key):
        value = self.memory.get(key)
        if value is None:
            value = cache.get(key)
            if value is not None:
                self.memory.put(key, value, self.size_of(value))
        return value

    @staticmethod
    def page_key(version, address, query):
        return f"ervaring:page:{version}:{_digest(f'{address}?{query}')}"

    def store(self, copy, names, version, address, names_key, query):
        key = self.page_key(version, address, query)
        cache.set_many({names_key: names, key: copy}, _knobs()["PAGE_CACHE_SECONDS"])
        self.memory.put(names_key, names, self.size_of(names))
        self.memory.put(key, copy, self.size_of(copy))

    @staticmethod
    def size_of(value):
        if not isinstance(value, dict):
            return 100
        return len(value["body"]) + sum(map(len, value.get("encoded", {}).values())) + 500

    @staticmethod
    def from_copy(request, copy, cache_state="hit"):
        """The answer to `request` from `copy`: the bytes in the best encoding the client
        accepts, with that encoding's ETag, or a 304 when the client has those bytes."""
        encoded = copy.get("encoded", {})
        chosen = encoding.best_encoding(request.META.get("HTTP_ACCEPT_ENCODING"), tuple(encoded))
        body = encoded[chosen] if chosen else copy["body"]
        response = HttpResponse(body, status=copy["status"])
        for header, value in copy["headers"]:
            response[header] = value
        # The bytes are the same whatever cookies a visitor has (only anonymous requests are
        # shared); they differ only by the encoding asked for.
        response["Vary"] = "Accept-Encoding"
        if chosen:
            response["Content-Encoding"] = chosen
        response["ETag"] = encoding.etag_for(copy["etag"], chosen)
        if cache_state:
            response["X-Cache"] = cache_state
        # Without it the server sends the page in chunks: an extra write for every visitor.
        response["Content-Length"] = str(len(body))
        return get_conditional_response(request, etag=response["ETag"], response=response)
