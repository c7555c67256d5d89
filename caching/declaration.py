"""How a view says its answer may be shared: the query parameters it depends on.

A page declares them once (`BasePage.query_params`, marked on its response by the
`on_serve_page` hook in core/wagtail_hooks.py); any other view with `reads_query(*names)`. The
page cache (caching/middleware.py) and the caches in front of the site file an answer under
those parameters only. Nothing here handles a request: pages and views import this module,
never the middleware."""

import functools
from urllib.parse import urlencode


def reads_query(*names):
    """Declare a view (a Django view, or a sub-route of a routable page) shareable: its response
    depends on the query parameters `names` and on nothing else about the visitor."""

    def decorate(view):
        @functools.wraps(view)
        def declared(*args, **kwargs):
            return declare(view(*args, **kwargs), names)

        return declared

    return decorate


def declare(response, names):
    """Mark `response` as depending on the query parameters `names` only (a view that already
    declared keeps its own)."""
    if getattr(response, "query_params", None) is None:
        response.query_params = tuple(sorted(set(names)))
    return response


def query_key(query, names):
    """The part of the query string that matters, in a fixed order."""
    return urlencode([(name, value) for name in names for value in query.getlist(name)])
