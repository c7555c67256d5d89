"""Small site-wide answers: robots.txt, the favicon, the health check, and the overview of
every page for people (sitemap.xml is for search engines)."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from caching.declaration import reads_query
from core.privacy import public

# The Wagtail hook through which an app adds URL patterns of its own to the site (before
# Wagtail's pages): a function returning a list of patterns. ervaring imports no app.
SITE_URLS_HOOK = "register_site_urls"


@require_safe
@reads_query()
def robots_txt(request):
    """robots.txt: everything public may be indexed, the admin and search results not."""
    lines = [
        "User-agent: *",
        "Disallow: /beheer/",
        "Disallow: /zoeken/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Old browsers ask for /favicon.ico; the icon itself is a hashed static file."""
    return redirect(static("favicon.svg"))


@require_safe
def health(request):
    """For load balancers: 200 when the site and its database answer."""
    Page.objects.only("pk").first()
    return HttpResponse("ok", content_type="text/plain")


@require_safe
@reads_query()
def overview(request):
    """ "Alle pagina's": every live page a visitor may open, as the tree the menu follows, in
    the menu's order (the footer links here)."""
    site = Site.find_for_request(request)
    tree = []
    if site is not None:
        root = site.root_page
        pages = public(
            Page.objects.descendant_of(root, inclusive=True)
            .live()
            .only("title", "url_path", "path", "depth")
        ).order_by("path")
        nodes = {}
        for page in pages:
            node = {"title": page.title, "url": page.get_url(request), "children": []}
            nodes[page.path] = node
            parent = nodes.get(page.path[: -Page.steplen])
            (parent["children"] if parent else tree).append(node)
    return render(request, "core/overview.html", {"tree": tree})
