"""A commenter's own data (AVG): see your comments, download them, and erase them — without an
account. A form mails a link to the address (the answer is the same whether we have comments
from it or not, so the form tells nobody whose address is known); the link also stands in every
mail a reader asked for. The link holds the address, signed with the site's key and valid for
LINK_DAYS; nothing is stored for it.

Erasing: the name and e-mail address always go; the text goes too, or stays under the name
"Anoniem", as the reader chooses. Each erased comment gets an entry in its history."""

import json
import uuid
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.log_actions import log

from caching.invalidation import forget_everything_cached
from comments.models import Comment
from limits import ratelimit
from outbox.sending import mail_task, send_once

LINK_DAYS = 7
SALT = "ervaring.comment.personal-data"
ERASED = "ervaring.comment.erased_by_reader"
REMOVED = "ervaring.comment.removed_by_reader"
# At most this many link mails per client network, and per address, in any hour.
REQUESTS_PER_CLIENT = 5
MAILS_PER_ADDRESS = 3


def mail_root():
    """The site's address for links in mails: BASE_URL, as in every mail the site sends."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def link_for(email):
    """An address's link to its data, for a mail."""
    signed = signing.dumps(email.strip().lower(), salt=SALT, compress=True)
    return mail_root() + reverse("comment_personal_data", args=[signed])


def email_from(signed):
    """The address in a link, or None when the link is wrong or older than LINK_DAYS."""
    try:
        return signing.loads(signed, salt=SALT, max_age=timedelta(days=LINK_DAYS))
    except signing.BadSignature:
        return None


def comments_of(email):
    return (
        Comment.objects.filter(email__iexact=email)
        .select_related("article")
        .order_by("-created_at")
    )


def as_data(comments):
    return [
        {
            "artikel": comment.article.title,
            "geplaatst": comment.created_at.isoformat() if comment.date_known else None,
            "status": comment.get_status_display(),
            "naam": comment.name,
            "e-mailadres": comment.email,
            "reactie": comment.body,
            "reactie van de redactie": comment.reply,
            "wil berichten": comment.notify,
        }
        for comment in comments
    ]


@mail_task("Link naar iemands eigen reacties en gegevens")
def mail_link(email, request_id):
    """The mail with the link, only when there are comments from this address; once per
    request (`request_id`)."""
    if not comments_of(email).exists():
        return 0
    message = EmailMessage(
        subject="Je reacties en je gegevens",
        body="\n".join(
            [
                "Hallo,",
                "",
                "Je vroeg om je reacties en je gegevens op onze site. Via deze link kun je ze "
                f"bekijken, downloaden of wissen. De link werkt {LINK_DAYS} dagen:",
                link_for(email),
                "",
                "Vroeg je dit niet? Dan hoef je niets te doen.",
                "",
                "Groeten,",
                "De redactie",
            ]
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email],
    )
    return int(send_once(f"gegevens:{request_id}", message))


class RequestForm(forms.Form):
    email = forms.EmailField(
        label="Je e-mailadres",
        help_text="Het adres dat je bij je reactie invulde. We sturen er een link naartoe.",
        error_messages={
            "required": "Vul je e-mailadres in.",
            "invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class EraseForm(forms.Form):
    text = forms.ChoiceField(
        label="Wat doen we met de tekst van je reacties?",
        choices=[
            ("anoniem", "Laat de tekst staan, met de naam ‘Anoniem’"),
            ("weg", "Haal mijn reacties helemaal weg"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies wat we met de tekst doen."},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def request_link(request):
    form = RequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        verdict = ratelimit.claim("comment-data", request, REQUESTS_PER_CLIENT)
        if not verdict:
            form.add_error(
                None,
                "Je vroeg in korte tijd vaak om een link. Probeer het over "
                f"{ratelimit.wait_in_words(verdict.retry_after)} opnieuw.",
            )
        else:
            # Whatever happens below, the answer is the same: nobody learns whose address we know.
            if ratelimit.claim_key(
                ratelimit.subject_key("comment-data-mail", email), MAILS_PER_ADDRESS
            ):
                mail_link.enqueue(email, uuid.uuid4().hex)
            return render(request, "comments/data_request.html", {"sent": True})
    return render(request, "comments/data_request.html", {"form": form})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def personal_data(request, signed):
    email = email_from(signed)
    if email is None:
        return render(
            request,
            "comments/data.html",
            {"wrong_link": True, "request_url": reverse("comment_personal_data_request")},
            status=404,
        )
    comments = list(comments_of(email))
    if request.GET.get("formaat") == "json":
        response = HttpResponse(
            json.dumps({"reacties": as_data(comments)}, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="mijn-reacties.json"'
        return response
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erased = erase(comments, remove_text=form.cleaned_data["text"] == "weg")
        return render(request, "comments/data.html", {"erased": erased})
    return render(
        request,
        "comments/data.html",
        {"comments": comments, "form": form, "email": email},
    )


def erase(comments, remove_text):
    """Erase the personal data of `comments`, as their writer asked: every one logged, and no
    copy of a page that showed them left in the shared cache (not only made stale)."""
    for comment in comments:
        log(
            instance=comment,
            action=REMOVED if remove_text else ERASED,
            user=None,
            uuid=uuid.uuid4(),
        )
        if remove_text:
            comment.delete()
        else:
            comment.erase_personal_data()
    forget_everything_cached()
    return len(comments)


def urls():
    return [
        path("reacties/mijn-gegevens/", request_link, name="comment_personal_data_request"),
        path("reacties/mijn-gegevens/<str:signed>/", personal_data, name="comment_personal_data"),
    ]
