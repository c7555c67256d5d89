"""What makes cached pages and cached data stale: anything that changes what a public page
shows, or who may see it. The handlers; each app connects what it owns in its
`signal_handlers.register_signal_handlers()`, called from its AppConfig.ready()."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from caching.version import bump_content_version


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


def forget_everything_cached():
    """Remove everything the shared cache holds, not only make it stale: after a person's data
    was erased no copy of a page that showed it may wait there until it expires. Every process
    lets go of what it kept in memory as soon as it sees the new version; a cache in front of
    the site (nginx, a CDN) keeps a page at most PAGE_SHARED_SECONDS + PAGE_STALE_SECONDS."""
    cache.clear()
    bump_content_version()
