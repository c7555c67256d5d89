"""Mails a reader asked for: "je reactie staat online" and "de redactie heeft gereageerd".

Double opt-in: ticking the box on the comment form sends one mail asking to confirm; nothing
else is sent until the reader pressed the button behind its link, and then only for a comment
a moderator approved (a form that mails anyone who is typed in would be a spam relay). Each
event is mailed once. Every mail has a one-click way to stop (a link, and the
`List-Unsubscribe` / `List-Unsubscribe-Post` headers mail programs show as a button).

The links carry the comment's number and a keyed hash of it (Django's SECRET_KEY), one per
purpose: nothing secret is stored, and a link scanner that opens a link changes nothing,
because only the button (a POST) confirms or stops. Each mail is a task the worker sends
(outbox/sending.py: once, and again later when the mail server is down), in plain Dutch text."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from comments.models import Comment
from comments.personal_data import link_for, mail_root
from outbox.sending import mail_task, send_once

CONFIRM = "bevestigen"
STOP = "afmelden"


def token(comment, purpose):
    """The keyed hash that makes a link for `comment` and `purpose` work."""
    value = f"{comment.pk}:{comment.created_at.isoformat()}"
    return salted_hmac(f"ervaring.comment.{purpose}", value, algorithm="sha256").hexdigest()[:40]


def comment_for(pk, given, purpose):
    """The comment a link points to, or None when the link is wrong or its data is gone."""
    comment = Comment.objects.select_related("article").filter(pk=pk, notify=True).first()
    if comment is None or not comment.email:
        return None
    return comment if constant_time_compare(token(comment, purpose), given) else None


def mark(comment, field):
    """Note on `comment` when something happened to its mails. A bare UPDATE: nothing a visitor
    sees changed, so no signal may make the site's cached pages stale."""
    setattr(comment, field, timezone.now())
    Comment.objects.filter(pk=comment.pk).update(**{field: getattr(comment, field)})


def link(comment, purpose):
    name = "comment_notify_confirm" if purpose == CONFIRM else "comment_notify_stop"
    return mail_root() + reverse(name, args=[comment.pk, token(comment, purpose)])


def mail(comment, subject, lines):
    """A plain-text mail to the reader, with the way to stop in the text and in the headers."""
    stop = link(comment, STOP)
    body = "\n".join(
        [
            f"Hallo {comment.name},",
            "",
            *lines,
            "",
            "Groeten,",
            "De redactie",
            "",
            "Wil je geen berichten meer over je reactie? Kies ‘Stop de berichten’ op:",
            stop,
            "",
            "Je reacties en je gegevens bekijken, downloaden of wissen:",
            link_for(comment.email),
        ]
    )
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[comment.email],
        headers={
            "List-Unsubscribe": f"<{stop}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


@mail_task("Vraag aan een lezer om de berichten te bevestigen")
def send_confirmation(comment_id):
    """The one mail before confirmation: asking whether the reader wants these mails."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id, notify=True).first()
    if comment is None or not comment.email or comment.notify_confirmed_at:
        return 0
    message = mail(
        comment,
        f"Bevestig: berichten over je reactie bij ‘{comment.article.title}’",
        [
            f"Je schreef een reactie bij ‘{comment.article.title}’. Je vroeg om een bericht "
            "als je reactie online staat of als de redactie reageert.",
            "",
            "Klopt dat? Open deze link en kies ‘Ja, stuur mij berichten’:",
            link(comment, CONFIRM),
            "",
            "Vroeg je dit niet? Dan hoef je niets te doen. Je krijgt geen berichten.",
        ],
    )
    return int(send_once(f"bevestigen:{comment.pk}", message))


def due(comment):
    """The events not yet mailed for `comment`: "online", "reply" (none unless confirmed, not
    stopped and approved)."""
    if (
        not comment.notify
        or not comment.email
        or comment.notify_confirmed_at is None
        or comment.notify_stopped_at is not None
        or comment.status != Comment.Status.APPROVED
    ):
        return []
    events = [] if comment.notified_online_at else ["online"]
    if comment.reply and not comment.notified_reply_at:
        events.append("reply")
    return events


EVENTS = {
    "online": (
        "notified_online_at",
        "Je reactie staat online",
        "Je reactie bij ‘{title}’ staat nu online. Je vindt hem hier:",
    ),
    "reply": (
        "notified_reply_at",
        "De redactie heeft gereageerd op je reactie",
        "De redactie heeft gereageerd op je reactie bij ‘{title}’. Lees het hier:",
    ),
}


@mail_task("Bericht aan een lezer: reactie online of beantwoord")
def send_due(comment_id):
    """Mail what is due for one comment, each event once: per event the comment's row is locked
    while deciding, sending and marking it, so two moderators approving at the same moment (or
    two workers) send one mail, and an event sent stays marked when the next one fails.
    Returns how many were sent."""
    sent = 0
    for event in EVENTS:
        with transaction.atomic():
            comment = (
                Comment.objects.select_for_update().select_related("article").filter(pk=comment_id)
            ).first()
            if comment is None or event not in due(comment):
                continue
            field, subject, line = EVENTS[event]
            where = comment.public_url() or comment.article.url
            address = where if where.startswith("http") else mail_root() + where
            message = mail(comment, subject, [line.format(title=comment.article.title), address])
            if send_once(f"{event}:{comment.pk}", message):
                sent += 1
            mark(comment, field)
    return sent
