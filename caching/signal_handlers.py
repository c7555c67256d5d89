"""What makes every cached page stale, whatever app the page belongs to: publishing,
unpublishing, moving and deleting pages, a page made live at once, and the sites, privacy
settings, images and documents pages show. Connected once from CachingConfig.ready(); each app
connects its own models (its snippets, its settings) with `invalidate_on_change` in its
`signal_handlers.py`."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from caching.invalidation import invalidate_on_change, live_page_created
from caching.version import bump_content_version


def register_signal_handlers():
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
    invalidate_on_change(Site, PageViewRestriction, image_model, get_document_model())
    post_delete.connect(
        bump_content_version,
        sender=image_model.get_rendition_model(),
        dispatch_uid="cache-del-rendition",
    )
