"""A change to the word lists changes what the report and the accessibility statement show:
it makes cached data stale (and the lists themselves are read again)."""

from ervaring.caching.invalidation import invalidate_on_change
from readability.models import PlainWord, SiteWord


def register_signal_handlers():
    invalidate_on_change(SiteWord, PlainWord)
