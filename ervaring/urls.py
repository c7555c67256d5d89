from django.conf import settings
from django.conf.urls.static import static as media_static
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView
from django.views.static import serve as serve_file
from modern_csrf.decorators import csrf_protect as same_origin_only
from wagtail import hooks
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from caching.declaration import reads_query
from core.views import accounts, errors, search, site
from limits import views as limited

# Admin addresses from before the page foundation and the comments became apps of their own
# (Wagtail names an admin page after its model's app): a bookmark still arrives, with its
# filters. The moderators' queue has its own address (/beheer/reacties/) and did not move.
MOVED_ADMIN_PAGES = {
    "settings/articles/moderationrules/": "settings/comments/moderationrules/",
    "settings/ervaring/sitesettings/": "settings/core/sitesettings/",
    "snippets/ervaring/searchsynonym/": "snippets/core/searchsynonym/",
}

urlpatterns = [
    *(
        re_path(
            rf"^beheer/{old}(?P<rest>.*)$",
            RedirectView.as_view(url=f"/beheer/{new}%(rest)s", permanent=True, query_string=True),
        )
        for old, new in MOVED_ADMIN_PAGES.items()
    ),
    # Wagtail's "wachtwoord vergeten", with a limit in front (limits/views.py).
    path("beheer/password_reset/", limited.password_reset),
    path("beheer/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("zoeken/", search.search, name="search"),
    path("inloggen/", accounts.login, name="login"),
    path("uitloggen/", accounts.logout, name="logout"),
    # Wagtail's sitemap view: the pages of the site that is asked for, at its own address.
    path("sitemap.xml", reads_query("p")(sitemap), name="sitemap"),
    path("alle-paginas/", site.overview, name="overview"),
    path("robots.txt", site.robots_txt, name="robots_txt"),
    path("gezond/", site.health, name="health"),
    path("favicon.ico", site.favicon),
    # The apps' own addresses (articles: the links in a reader's mails).
    *(pattern for offer in hooks.get_hooks(site.SITE_URLS_HOOK) for pattern in offer()),
]

if settings.DEBUG:
    urlpatterns += media_static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "SERVE_MEDIA_IMAGES", False):
    # The tests' servers run without DEBUG and without nginx: they serve what nginx serves in
    # production (docs/operations.md), the images only; documents keep their own view.
    urlpatterns += [
        re_path(r"^media/(?P<path>images/.+)$", serve_file, {"document_root": settings.MEDIA_ROOT})
    ]

# Pages, and Wagtail's own password and login forms for private pages (/_util/…): last, as
# Wagtail's serve view matches every path. That view is Wagtail's own; only how a POST to a
# page is checked differs. The one form that posts to a page is the comment form, on a page
# every visitor shares: it carries no per-visitor token, and the browser's own Fetch Metadata
# and Origin headers must say it was sent from this site (django-modern-csrf; docs/decisions.md,
# "The comment form without a token"). Every other form keeps Django's token.
serve_page = csrf_exempt(same_origin_only(wagtail_views.serve))
# A private page's password form gets a limit on wrong tries (limits/views.py).
replaced = {"wagtail_serve", "wagtailcore_authenticate_with_password"}
urlpatterns += [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        limited.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name not in replaced),
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
]

handler500 = errors.server_error
