"""Finding the page for a URL in two queries, however deep it lies.

Wagtail's own routing walks the tree one level at a time (two queries per level). Every page
stores its full path (`url_path`), so we look up the deepest page whose path starts the URL in
one query, let that page route the rest (a RoutablePage's sub-route such as /werk/keuzehulp/),
and hand the result to Wagtail's serve view, which then runs all its usual hooks (privacy,
before_serve_page, …).
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page, Site


def find_route(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    root = site.root_page.url_path
    candidates = {
        root + "".join(f"{c}/" for c in components[:depth]): depth
        for depth in range(len(components) + 1)
    }
    rows = Page.objects.filter(url_path__in=candidates).values_list(
        "pk", "content_type_id", "url_path"
    )
    if not rows:
        return None
    pk, content_type_id, url_path = max(rows, key=lambda row: candidates[row[2]])
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.get(pk=pk)
    try:
        return page.route(request, components[candidates[url_path]:])
    except Http404:
        return None


def serve(request, path):
    """Wagtail's serve view, with the page found by its url_path."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = find_route(request, path)
    return wagtail_views.serve(request, path)
