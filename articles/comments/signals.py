"""Keep cached article pages honest: when what readers can see of comments changes, the pages
showing them are made fresh."""

from django.apps import apps
from django.db.models.signals import post_delete, post_init, post_save

from ervaring.caching.version import bump_content_version


def comments_changed_on_site(article_ids):
    """Approved comments of these articles changed: make every cached page fresh (the articles,
    their listings and counts)."""
    bump_content_version()


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


def connect():
    comment = apps.get_model("articles", "Comment")
    post_init.connect(remember_status, sender=comment, dispatch_uid="comment-remember-status")
    post_save.connect(comment_saved, sender=comment, dispatch_uid="comment-saved")
    post_delete.connect(comment_deleted, sender=comment, dispatch_uid="comment-deleted")
