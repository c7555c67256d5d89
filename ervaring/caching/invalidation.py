"""What makes cached pages and cached data stale: anything that changes what a public page
shows, or who may see it. Connected once, from ErvaringConfig.ready()."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from ervaring.caching.version import bump_content_version


def invalidate_on_change(*models):
    """Make cached pages stale whenever one of `models` is saved or deleted (snippets, and
    anything else pages show)."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"cache-save-{label}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"cache-del-{label}")


def live_page_created(sender, instance, created, **kwargs):
    """A page that is live the moment it is made (an alias, a copy that keeps its live state)
    is never 'published', so it raises the version here."""
    if created and instance.live:
        bump_content_version()


def connect():
    from ervaring.models import SiteSettings

    page_published.connect(bump_content_version, dispatch_uid="ervaring-cache-published")
    page_unpublished.connect(bump_content_version, dispatch_uid="ervaring-cache-unpublished")
    post_page_move.connect(bump_content_version, dispatch_uid="ervaring-cache-moved")
    post_delete.connect(bump_content_version, sender=Page, dispatch_uid="ervaring-cache-deleted")
    for page_model in get_page_models():
        post_save.connect(
            live_page_created,
            sender=page_model,
            dispatch_uid=f"cache-created-{page_model._meta.label_lower}",
        )
    # Images and documents: a replaced file, a new focal point or alt text, a deleted image
    # (and Wagtail deleting its renditions) change the pages that show them. A rendition being
    # made does not: it is how pages are rendered.
    image_model = get_image_model()
    invalidate_on_change(
        Site,
        PageViewRestriction,
        SiteSettings,
        image_model,
        get_document_model(),
    )
    post_delete.connect(
        bump_content_version,
        sender=image_model.get_rendition_model(),
        dispatch_uid="cache-del-rendition",
    )
