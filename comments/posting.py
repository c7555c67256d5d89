"""What happens to a posted comment, said in one place. The form (comments/forms.py) says
whether what the reader typed is a comment; this decides whether it may be stored and what
follows:

1. refused, with the reader's text kept in the form: the same text on this article in the last
   day, or more than COMMENT_RATE_LIMIT comments from this client in an hour (limits/);
2. judged by the rules editors keep (comments/rules.py): waiting, held back, or, for a trusted
   address, online at once; an address that confirmed the mails before needs no second
   confirmation;
3. stored, with what a rule did written in its history;
4. the mails, as tasks in the same transaction (the worker sends them): the reader's
   confirmation if they asked for mails and have not confirmed, the moderators' notice for a
   waiting comment, the reader's "online" mail for a comment that went online at once.

Cached pages are made fresh by the save itself (comments/signal_handlers.py)."""

import hashlib
from datetime import timedelta

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from comments.models import Comment
from comments.moderation import WAITING, notify_moderators, record_rule
from comments.notifications import send_confirmation, send_due
from comments.rules import judge
from limits import ratelimit

# The same text on the same article within this window is a duplicate.
DUPLICATE_WINDOW = timedelta(days=1)


def submit(form, article, request):
    """Store the comment in a bound `form` for `article`, by the policy above, and return it;
    or return None, with what went wrong in the form (which keeps everything the reader
    typed)."""
    if not form.is_valid():
        return None
    refusal = refusal_for(form.cleaned_data["body"], article, request)
    if refusal is not None:
        form.add_error(None, refusal)
        return None
    comment = form.save(commit=False)
    comment.article = article
    judged(comment)
    with transaction.atomic():
        comment.save()
        record_rule(comment)
        send_mails(comment)
    return comment


def refusal_for(body, article, request):
    """Why this comment may not be stored (a ValidationError), or None. The client's place for
    the hour is claimed only by an otherwise good comment: typing errors cost no place."""
    if is_duplicate(body, article):
        return duplicate()
    verdict = ratelimit.claim("comment", request, settings.ERVARING["COMMENT_RATE_LIMIT"])
    if not verdict:
        return forms.ValidationError(
            "Je hebt in korte tijd veel reacties gestuurd. Je tekst staat er nog: "
            f"probeer het over {ratelimit.wait_in_words(verdict.retry_after)} opnieuw.",
            code="rate_limited",
        )
    # The same text at the same moment (a double click, forty parallel posts): the check above
    # sees none of them stored yet, so the text itself claims its one place, atomically;
    # whoever loses gets the duplicate message and their place back.
    if not ratelimit.claim_key(text_key(body, article), 1, int(DUPLICATE_WINDOW.total_seconds())):
        ratelimit.release(ratelimit.visitor_key("comment", request), verdict)
        return duplicate()
    return None


def is_duplicate(body, article):
    return Comment.objects.filter(
        article=article, body=body, created_at__gte=timezone.now() - DUPLICATE_WINDOW
    ).exists()


def text_key(body, article):
    digest = hashlib.sha256(body.encode()).hexdigest()
    return ratelimit.subject_key("comment-text", f"{article.pk}:{digest}")


def duplicate():
    return forms.ValidationError(
        "Deze reactie hebben we al ontvangen. Hij staat online zodra een moderator "
        "hem heeft goedgekeurd.",
        code="duplicate",
    )


def judged(comment):
    """Give a new comment the status and reason the rules give it, and its dates."""
    now = timezone.now()
    verdict = judge(comment.name, comment.body, comment.email)
    comment.status = verdict.status
    comment.hold_reason = verdict.reason
    if verdict.status == Comment.Status.APPROVED:
        comment.moderated_at = now
    if comment.notify and (
        Comment.objects.filter(
            email__iexact=comment.email,
            notify_confirmed_at__isnull=False,
            notify_stopped_at__isnull=True,
        ).exists()
    ):
        # This address confirmed before and did not stop: no second confirmation mail.
        comment.notify_confirmed_at = now
    comment.created_at = now
    return comment


def send_mails(comment):
    """The mails a new comment sets off, each a task for the worker: a slow or absent mail
    server never keeps the reader waiting nor loses a mail. A comment the rules held back is
    mailed to the moderators like any other, with the reason."""
    if comment.notify and not comment.notify_confirmed_at:
        send_confirmation.enqueue(comment.pk)
    if comment.status in WAITING:
        notify_moderators.enqueue(comment.pk)
    if comment.status == Comment.Status.APPROVED and comment.notify:
        send_due.enqueue(comment.pk)
