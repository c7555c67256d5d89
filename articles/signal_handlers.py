"""The signals the articles app listens to, connected once from ArticlesConfig.ready(): a
renamed or deleted author or tag makes cached pages stale, and a tag whose slug changed leaves
a redirect behind."""

from django.db.models.signals import post_init, post_save
from taggit.models import Tag

from articles.models import Author
from articles.tag_redirects import redirect_tag
from caching.invalidation import invalidate_on_change


def remember_slug(sender, instance, **kwargs):
    instance._slug_when_loaded = instance.slug


def tag_saved(sender, instance, created, **kwargs):
    """A tag whose slug changed: its old address redirects to the new one."""
    old = getattr(instance, "_slug_when_loaded", None)
    if not created and old and old != instance.slug:
        redirect_tag(old, instance.slug)
    instance._slug_when_loaded = instance.slug


def register_signal_handlers():
    # A renamed or deleted author or tag changes the articles' pages and the tag pages.
    invalidate_on_change(Author, Tag)
    post_init.connect(remember_slug, sender=Tag, dispatch_uid="tag-remember-slug")
    post_save.connect(tag_saved, sender=Tag, dispatch_uid="tag-saved")
