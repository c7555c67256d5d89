"""The cache for anonymous visitors.

Anonymous GET requests for public pages are answered from Django's cache. Every stored page
carries the *content version* it was rendered at; publishing, unpublishing, moving or deleting a
page, changing a snippet that pages show, or approving a comment raises the version, so every
page is fresh at once (see docs/decisions.md, "Eén versie voor de hele cache").

Forms on cached pages keep working: values that must differ per visitor (the CSRF token, the
comment form's signed start time) are cut out when a page is stored and filled in fresh for
every visitor when it is served.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token

VERSION_KEY = "ervaring:content-version"
SKIPPED_PREFIXES = ("/beheer/", "/static/", "/media/", "/documents/", "/django-admin/")

# name of a hidden form field -> function(request) giving this visitor's value.
_fresh_fields = {"csrfmiddlewaretoken": get_token}


def register_fresh_field(name, factory):
    """Have the hidden field `name` filled per visitor when a page comes from the cache."""
    _fresh_fields[name] = factory


def content_version():
    """The current content version. When the cache lost it (restart, eviction), a new one is
    made from the clock, so nothing rendered before can pass for current."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _increment():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        content_version()
        cache.incr(VERSION_KEY)


def bump_content_version(*args, **kwargs):
    """Make every cached page stale. Safe to connect to any signal.

    Bumps now, and again once the transaction commits: a page rendered in between, from data
    that was not committed yet, is then stale too."""
    _increment()
    transaction.on_commit(_increment)


def cached_for_content(name, build, timeout=60 * 60):
    """`build()`, kept in the cache until content changes (keyed by the content version)."""
    key = f"ervaring:data:{name}:{content_version()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def _settings():
    return settings.ERVARING


def _field_pattern(name):
    return re.compile(
        r'(<input type="hidden" name="' + re.escape(name) + r'" value=")[^"]*(")'
    )


def _sentinel(name):
    return f"\x00fresh:{name}\x00"


class AnonymousPageCacheMiddleware:
    """Serves anonymous GET requests for public pages from the cache, stores what it renders."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)

        host = request.get_host()
        address = f"{host}{request.get_full_path()}".encode()
        key = "ervaring:page:" + hashlib.sha256(address).hexdigest()
        version_and_entry = cache.get_many([VERSION_KEY, key])
        version = version_and_entry.get(VERSION_KEY) or content_version()
        entry = version_and_entry.get(key)
        if entry is not None and entry["version"] == version:
            return self.rebuild(entry, request)

        response = self.get_response(request)
        if request.method == "GET" and self.is_cacheable_response(request, response):
            cache.set(
                key,
                self.freeze(response, version),
                _settings()["PAGE_CACHE_SECONDS"],
            )
            response["X-Cache"] = "miss"
        return response

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
        if getattr(response, "cache_anonymous", True) is False:
            return False
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-store" in cache_control:
            return False
        if response.cookies:
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
            if header.lower() not in {"set-cookie", "vary", "date", "x-cache"}
        ]
        return {
            "version": version,
            "status": response.status_code,
            "headers": headers,
            "body": body,
            "fields": fields,
        }

    @staticmethod
    def rebuild(entry, request):
        body = entry["body"]
        for name in entry["fields"]:
            body = body.replace(_sentinel(name), str(_fresh_fields[name](request)))
        response = HttpResponse(body, status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        response["X-Cache"] = "hit"
        return response
