"""The two pages behind the links in a reader's mails: confirm that you want mails about your
comment, and stop them. Opening a link changes nothing (link scanners open links); the button
does. Stopping also answers a mail program's one-click POST (RFC 8058), which carries no
browser headers: the link's keyed hash is what authorises it."""

from django.db import transaction
from django.shortcuts import render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from comments.notifications import CONFIRM, STOP, comment_for, mark, send_due

WRONG_LINK = {
    "title": "Deze link werkt niet",
    "text": "Deze link klopt niet, of de gegevens bij deze reactie zijn al gewist. Je krijgt "
    "geen berichten over deze reactie.",
}


def answer(request, context, status=200):
    return render(request, "comments/notify.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, pk, token):
    comment = comment_for(pk, token, CONFIRM)
    if comment is None:
        return answer(request, WRONG_LINK, status=404)
    if comment.notify_stopped_at:
        return answer(
            request,
            {
                "title": "Je hebt de berichten gestopt",
                "text": "Je krijgt geen berichten meer over deze reactie.",
            },
        )
    if request.method == "POST" and not comment.notify_confirmed_at:
        with transaction.atomic():
            mark(comment, "notify_confirmed_at")
            # Approved already? Then the first mail can go now (the worker sends it).
            send_due.enqueue(comment.pk)
    if comment.notify_confirmed_at:
        return answer(
            request,
            {
                "title": "Gelukt: je krijgt berichten",
                "text": f"We sturen je een bericht als je reactie bij ‘{comment.article.title}’ "
                "online staat, en als de redactie erop reageert. Een moderator kijkt er eerst "
                "naar.",
            },
        )
    return answer(
        request,
        {
            "title": "Wil je berichten over je reactie?",
            "text": f"Je schreef een reactie bij ‘{comment.article.title}’. Wil je een bericht "
            "als hij online staat of als de redactie reageert?",
            "button": "Ja, stuur mij berichten",
        },
    )


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def stop(request, pk, token):
    comment = comment_for(pk, token, STOP)
    if comment is None:
        return answer(request, WRONG_LINK, status=404)
    if request.method == "POST" and not comment.notify_stopped_at:
        mark(comment, "notify_stopped_at")
    if comment.notify_stopped_at:
        return answer(
            request,
            {
                "title": "De berichten zijn gestopt",
                "text": "Je krijgt geen berichten meer over je reactie bij "
                f"‘{comment.article.title}’. Je reactie zelf blijft zoals hij is.",
            },
        )
    return answer(
        request,
        {
            "title": "Berichten over je reactie stoppen?",
            "text": f"Je krijgt nu berichten over je reactie bij ‘{comment.article.title}’.",
            "button": "Stop de berichten",
        },
    )


def urls():
    return [
        path("reacties/<int:pk>/bevestigen/<str:token>/", confirm, name="comment_notify_confirm"),
        path("reacties/<int:pk>/afmelden/<str:token>/", stop, name="comment_notify_stop"),
    ]
