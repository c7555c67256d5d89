"""The signals the articles app listens to, connected once from ArticlesConfig.ready(): a
comment that becomes visible or stops being so, and a renamed or deleted author or tag, make
cached pages stale."""

from django.db.models.signals import post_delete, post_init, post_save
from taggit.models import Tag

from articles.comments.models import Comment, ModerationRules
from articles.comments.visibility import comments_changed_on_site
from articles.models import Author
from articles.tag_redirects import redirect_tag
from ervaring.caching.invalidation import invalidate_on_change


def remember_status(sender, instance, **kwargs):
    instance._status_when_loaded = instance.status


def comment_saved(sender, instance, created, **kwargs):
    approved = sender.Status.APPROVED
    if instance.status == approved or getattr(instance, "_status_when_loaded", None) == approved:
        comments_changed_on_site({instance.article_id})
    instance._status_when_loaded = instance.status


def comment_deleted(sender, instance, **kwargs):
    if instance.status == sender.Status.APPROVED:
        comments_changed_on_site({instance.article_id})


def remember_slug(sender, instance, **kwargs):
    instance._slug_when_loaded = instance.slug


def tag_saved(sender, instance, created, **kwargs):
    """A tag whose slug changed: its old address redirects to the new one."""
    old = getattr(instance, "_slug_when_loaded", None)
    if not created and old and old != instance.slug:
        redirect_tag(old, instance.slug)
    instance._slug_when_loaded = instance.slug


def register_signal_handlers():
    post_init.connect(remember_status, sender=Comment, dispatch_uid="comment-remember-status")
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="comment-saved")
    post_delete.connect(comment_deleted, sender=Comment, dispatch_uid="comment-deleted")
    # A renamed or deleted author or tag changes the articles' pages and the tag pages.
    invalidate_on_change(Author, Tag)
    post_init.connect(remember_slug, sender=Tag, dispatch_uid="tag-remember-slug")
    post_save.connect(tag_saved, sender=Tag, dispatch_uid="tag-saved")
    # The comment form says when trusted commenters go online at once.
    invalidate_on_change(ModerationRules)
