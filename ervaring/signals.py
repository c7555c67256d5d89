"""What makes cached pages stale: anything that changes what a public page shows."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from ervaring.cache import bump_content_version
from ervaring.models import SiteSettings

page_published.connect(bump_content_version, dispatch_uid="ervaring-cache-published")
page_unpublished.connect(bump_content_version, dispatch_uid="ervaring-cache-unpublished")
post_page_move.connect(bump_content_version, dispatch_uid="ervaring-cache-moved")
post_delete.connect(bump_content_version, sender=Page, dispatch_uid="ervaring-cache-deleted")
post_save.connect(bump_content_version, sender=SiteSettings, dispatch_uid="ervaring-cache-site")
for model in (Site, PageViewRestriction):
    post_save.connect(bump_content_version, sender=model, dispatch_uid=f"cache-save-{model}")
    post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"cache-del-{model}")


def invalidate_on_change(*models):
    """Make cached pages stale whenever one of `models` is saved or deleted (for snippets)."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"cache-save-{label}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"cache-del-{label}")
