"""Finding the page for a URL in one query, however deep it lies.

Wagtail's own routing walks the tree one level at a time (two queries per level). Every page
stores its full path (`url_path`); the map of live paths to pages is kept until content changes.
We find the deepest page whose path starts the URL, load it (one query), let it route the rest (a
RoutablePage's sub-route such as /werk/keuzehulp/), and hand the result to Wagtail's serve view,
which then runs all its usual hooks (privacy, before_serve_page, …).
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from ervaring.cache import cached_for_content


def site_for_request(request):
    """Wagtail's site lookup for this host and port, remembered until content changes (saving a
    Site raises the content version)."""
    if not hasattr(request, "_wagtail_site"):
        host = request._get_raw_host().rsplit(":", 1)[0]
        key = f"site:{host}:{request.get_port()}"
        request._wagtail_site = cached_for_content(key, lambda: Site._find_for_request(request))
    return request._wagtail_site


def page_addresses():
    """{url_path: (pk, content_type_id)} of every live page, until content changes."""
    return {
        url_path: (pk, content_type_id)
        for pk, content_type_id, url_path in Page.objects.live().values_list(
            "pk", "content_type_id", "url_path"
        )
    }


def find_route(request, path):
    site = site_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    root = site.root_page.url_path
    addresses = cached_for_content("page-addresses", page_addresses)
    for depth in range(len(components), -1, -1):
        url_path = root + "".join(f"{c}/" for c in components[:depth])
        if url_path in addresses:
            break
    else:
        return None
    pk, content_type_id = addresses[url_path]
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.get(pk=pk)
    try:
        return page.route(request, components[depth:])
    except Http404:
        return None


def serve(request, path):
    """Wagtail's serve view, with the page found by its url_path."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = find_route(request, path)
    return wagtail_views.serve(request, path)
