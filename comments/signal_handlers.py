"""Cached pages stay fresh about comments in one way: this. Every change to a comment goes
through a save or a delete (moderation saves each comment it changes, comments/moderation.py),
and a comment that is approved, or stops being so, makes every cached page stale — the article,
its listings and their counts. The rules for comments change what the comment form says.
Connected once from CommentsConfig.ready()."""

from django.db.models.signals import post_delete, post_init, post_save

from caching.invalidation import invalidate_on_change
from caching.version import bump_content_version
from comments.models import Comment, ModerationRules


def remember_status(sender, instance, **kwargs):
    instance._status_when_loaded = instance.status


def comment_saved(sender, instance, created, **kwargs):
    approved = sender.Status.APPROVED
    if instance.status == approved or getattr(instance, "_status_when_loaded", None) == approved:
        bump_content_version()
    instance._status_when_loaded = instance.status


def comment_deleted(sender, instance, **kwargs):
    if instance.status == sender.Status.APPROVED:
        bump_content_version()


def register_signal_handlers():
    post_init.connect(remember_status, sender=Comment, dispatch_uid="comment-remember-status")
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="comment-saved")
    post_delete.connect(comment_deleted, sender=Comment, dispatch_uid="comment-deleted")
    # The comment form says when trusted commenters go online at once.
    invalidate_on_change(ModerationRules)
