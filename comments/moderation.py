"""Moderating reader comments: who may, the one way to do it (with history), telling moderators
something waits, and forgetting what should be forgotten."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from comments.models import Comment
from comments.notifications import send_due
from outbox.sending import mail_task, send_once

MODERATE_PERMISSION = "comments.change_comment"


def moderators():
    """Active users who may moderate comments and have an e-mail address."""
    user_model = get_user_model()
    return (
        user_model.objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(is_superuser=True)
            | Q(
                groups__permissions__codename="change_comment",
                groups__permissions__content_type__app_label="comments",
            )
            | Q(
                user_permissions__codename="change_comment",
                user_permissions__content_type__app_label="comments",
            )
        )
        .distinct()
    )


# What waits for a moderator: comments that wait, and those the rules held back (with the
# reason). The queue opens on both (QUEUE_FILTER), the menu, the dashboard and the mails count
# both.
WAITING = (Comment.Status.PENDING, Comment.Status.HELD)
QUEUE_FILTER = "wacht"


def pending_count():
    """How many comments wait for a moderator (held ones too)."""
    return Comment.objects.filter(status__in=WAITING).count()


def queue_url(absolute=False):
    """The moderators' queue on what waits."""
    url = reverse("wagtailsnippets_comments_comment:list") + f"?status={QUEUE_FILTER}"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url if absolute else url


@mail_task("Melding aan de moderatoren: er wacht een reactie")
def notify_moderators(comment_id):
    """E-mail the moderators that a comment waits (or was held back by the rules, with the
    rule's reason). The mail holds no name, e-mail address or text of the commenter: only
    where to look."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None:
        return 0
    recipients = list(moderators().values_list("email", flat=True))
    if not recipients:
        return 0
    waiting = pending_count()
    url = queue_url(absolute=True)
    held = comment.status == Comment.Status.HELD
    message = EmailMessage(
        subject=(
            f"Reactie tegengehouden bij ‘{comment.article.title}’"
            if held
            else f"Nieuwe reactie bij ‘{comment.article.title}’"
        ),
        body=(
            f"Er is een nieuwe reactie geplaatst bij ‘{comment.article.title}’.\n"
            + (
                f"De regels voor reacties hielden haar tegen: {comment.hold_reason}\n"
                if held
                else ""
            )
            + f"Er {'wacht' if waiting == 1 else 'wachten'} nu {waiting} "
            f"{'reactie' if waiting == 1 else 'reacties'} op beoordeling.\n\n"
            f"Beoordelen: {url}\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        bcc=recipients,
    )
    return len(recipients) if send_once(f"moderatoren:{comment.pk}", message) else 0


# Each status a moderator can give, as it is written in a comment's history ("Geschiedenis").
HISTORY_ACTIONS = {
    Comment.Status.APPROVED: ("ervaring.comment.approve", "Goedgekeurd", "Reactie goedgekeurd"),
    Comment.Status.REJECTED: ("ervaring.comment.reject", "Afgewezen", "Reactie afgewezen"),
    Comment.Status.SPAM: ("ervaring.comment.spam", "Spam", "Reactie gemarkeerd als spam"),
    Comment.Status.HELD: (
        "ervaring.comment.hold",
        "Tegengehouden",
        "Reactie tegengehouden door een moderator",
    ),
    Comment.Status.PENDING: (
        "ervaring.comment.pending",
        "Terug naar beoordeling",
        "Reactie teruggezet naar ‘wacht op beoordeling’",
    ),
}


# What the rules did to a new comment, as written in its history (with the reason).
RULE_ACTIONS = {
    Comment.Status.HELD: ("ervaring.comment.held", "Tegengehouden"),
    Comment.Status.PENDING: ("ervaring.comment.suspect", "Verdacht"),
    Comment.Status.APPROVED: ("ervaring.comment.trusted", "Meteen online gezet"),
}


def record_rule(comment):
    """Write in a new comment's history which rule caught it and why (nothing when none did)."""
    if comment.hold_reason and comment.status in RULE_ACTIONS:
        log(
            instance=comment,
            action=RULE_ACTIONS[comment.status][0],
            user=None,
            data={"reason": comment.hold_reason},
            uuid=uuid.uuid4(),
        )


def moderate(comments, status, user):
    """The one way to moderate, for one comment or many (the edit form, a row's button, a bulk
    action): set the status, record who did it and when, and write it in each comment's
    history. Each comment is saved on its own, so the site is made fresh where readers see a
    difference the one way it always is (comments/signal_handlers.py). Returns how many
    changed."""
    comments = list(comments)
    changed = [comment for comment in comments if comment.status != status]
    if not changed:
        return 0
    now = timezone.now()
    moderator = user if getattr(user, "is_authenticated", False) else None
    action = HISTORY_ACTIONS[status][0]
    with transaction.atomic():
        for comment in changed:
            comment.status = status
            comment.moderated_by = moderator
            comment.moderated_at = now
            comment.save(update_fields=["status", "moderated_by", "moderated_at"])
            # One entry per comment with its own uuid: Wagtail's history keeps only the latest
            # entry per (uuid, action), across objects, so a shared request uuid would hide all
            # but one.
            log(instance=comment, action=action, user=moderator, uuid=uuid.uuid4())
            if status == Comment.Status.APPROVED and comment.notify:
                # The reader asked for a mail (and, if they confirmed, gets it): a task in
                # this transaction, sent by the worker.
                send_due.enqueue(comment.pk)
    return len(changed)


def purge_refused_comments(now=None):
    """Delete rejected, spam and held-back comments (with the personal data in them) once they
    have been refused or held for longer than the retention period. Returns how many were
    deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ERVARING["COMMENT_RETENTION_DAYS"])
    refused = Comment.objects.filter(
        status__in=[Comment.Status.REJECTED, Comment.Status.SPAM, Comment.Status.HELD]
    ).filter(Q(moderated_at__lt=cutoff) | Q(moderated_at__isnull=True, created_at__lt=cutoff))
    deleted, _ = refused.delete()
    return deleted
