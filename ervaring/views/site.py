"""Small site-wide answers: robots.txt, the favicon, the health check."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.http import require_safe
from wagtail.models import Page

from ervaring.caching.pages import reads_query

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
