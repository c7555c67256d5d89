"""A tag's old address keeps working: when an editor changes a tag's slug or merges it into
another, its page on every article index redirects (301) to the tag it became. Wagtail's own
redirects (wagtail.contrib.redirects) do the work, so editors see and can change them under
Instellingen → Redirects."""

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect

from articles.models import ArticleIndexPage


def tag_route(slug):
    return f"tag/{slug}/"


def redirect_tag(old_slug, new_slug):
    """Send `…/tag/<old_slug>/` to `…/tag/<new_slug>/` on every article index."""
    if not old_slug or old_slug == new_slug:
        return
    with transaction.atomic():
        for index in ArticleIndexPage.objects.all():
            base = index.url
            if not base:
                continue
            old_path = Redirect.normalise_path(base + tag_route(old_slug))
            new_path = Redirect.normalise_path(base + tag_route(new_slug))
            # The new address is a tag page again: no redirect may lead away from it.
            Redirect.objects.filter(old_path=new_path).delete()
            Redirect.objects.filter(old_path=old_path).delete()
            # Addresses that led to the old one lead straight to the new one.
            Redirect.objects.filter(
                redirect_page=index,
                redirect_page_route_path=Redirect.normalise_page_route_path(tag_route(old_slug)),
            ).update(
                redirect_page_route_path=Redirect.normalise_page_route_path(tag_route(new_slug))
            )
            Redirect.add_redirect(
                old_path,
                redirect_to=index,
                page_route_path=tag_route(new_slug),
                is_permanent=True,
                automatically_created=True,
            )
