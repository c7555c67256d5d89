"""The signals the page foundation listens to, connected once from CoreConfig.ready(): the
site's settings and the search's words that mean the same make cached pages stale
(caching/invalidation.py). Pages, sites, privacy, images and documents are the caching app's."""

from caching.invalidation import invalidate_on_change
from core.models import SearchSynonym, SiteSettings


def register_signal_handlers():
    invalidate_on_change(SiteSettings, SearchSynonym)
