"""A change to the begrippenlijst changes every page that uses a term: cached pages and data
go stale, and the page /begrippen/ is indexed again (search finds it by its terms)."""

from django.db.models.signals import post_delete, post_save
from wagtail.search import index

from caching.invalidation import invalidate_on_change
from glossary.models import GlossaryPage, Term


def reindex_glossary_page(sender, instance=None, raw=False, **kwargs):
    if raw:
        return
    for page in GlossaryPage.objects.all():
        index.insert_or_update_object(page)


def register_signal_handlers():
    invalidate_on_change(Term)
    post_save.connect(reindex_glossary_page, sender=Term, dispatch_uid="glossary-reindex-save")
    post_delete.connect(reindex_glossary_page, sender=Term, dispatch_uid="glossary-reindex-del")
