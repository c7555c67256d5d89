from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve as serve_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from ervaring import views

urlpatterns = [
    path("beheer/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("zoeken/", views.search, name="search"),
    path("inloggen/", views.login, name="login"),
    path("uitloggen/", views.logout, name="logout"),
    # Wagtail's sitemap view: the pages of the site that is asked for, at its own address.
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("gezond/", views.health, name="health"),
    path("favicon.ico", views.favicon),
]

if settings.DEBUG:
    from django.conf.urls.static import static as media_static

    urlpatterns += media_static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "SERVE_MEDIA_IMAGES", False):
    # The tests' servers run without DEBUG and without nginx: they serve what nginx serves in
    # production (docs/operations.md), the images only; documents keep their own view.
    urlpatterns += [
        re_path(r"^media/(?P<path>images/.+)$", serve_file, {"document_root": settings.MEDIA_ROOT})
    ]

# Pages, and Wagtail's own password and login forms for private pages (/_util/…): last, as
# Wagtail's serve view matches every path.
urlpatterns += [path("", include(wagtail_urls))]

handler500 = "ervaring.views.server_error"
