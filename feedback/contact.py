"""The contact route that works on every site, configured or not: /contact/, a small form whose
messages the editors read in the admin (Berichten), and which is mailed to the site's contact
address (Instellingen → E-mailadres voor contact) when one is set, with the sender's address as
Reply-To.

Like the comment form and "Was deze pagina nuttig?", the form carries no per-visitor token: the
page is the same for every visitor and may be cached; the browser's Fetch Metadata and Origin
headers must say a message was sent from this site (django-modern-csrf). A honeypot and
CONTACT_RATE_LIMIT messages per client an hour keep bots and floods out. Nothing typed is cut:
a message that is too long is refused with its length, everything kept in the form. Messages
are erased CONTACT_RETENTION_DAYS after they arrived (purge_feedback)."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.shortcuts import render
from django.urls import path, reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from modern_csrf.decorators import csrf_protect as same_origin_only
from wagtail.models import Site

from caching.declaration import declare
from comments.forms import clean_text
from core.models import SiteSettings
from feedback.models import CONTACT_MAX, ContactMessage
from limits import ratelimit
from outbox.sending import mail_task, send_once

REFUSED = "Je bericht kon niet worden verstuurd. Probeer het later nog eens."


def about_path(value):
    """The page a reader came from, when it is a path on this site (anything else: "")."""
    value = (value or "").strip()
    # "//host" and "/\\host" lead browsers to another site; a path of ours has neither.
    if len(value) > 300 or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return ""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or any(ord(char) < 32 for char in value):
        return ""
    return parts.path


class PagePathField(forms.CharField):
    """The hidden page of origin: what is not a path of this site becomes "", never an error
    the reader cannot see."""

    widget = forms.HiddenInput

    def to_python(self, value):
        return about_path(value)


class ContactForm(forms.Form):
    naam = forms.CharField(
        label="Je naam",
        help_text="Niet verplicht. Een voornaam of bijnaam mag ook.",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Je e-mailadres",
        help_text="Niet verplicht. Alleen als je antwoord wilt. We gebruiken het alleen om je "
        "te antwoorden.",
        required=False,
        error_messages={
            "invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl. Of laat "
            "het leeg."
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    bericht = forms.CharField(
        label="Je bericht *",
        help_text=f"Hooguit {CONTACT_MAX} tekens.",
        error_messages={"required": "Schrijf je bericht."},
        widget=forms.Textarea(attrs={"rows": 8, "data-max-length": str(CONTACT_MAX)}),
    )
    over = PagePathField(required=False)
    website = forms.CharField(
        label="Laat dit veld leeg",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_naam(self):
        name = clean_text(self.cleaned_data["naam"])
        if len(name) > 100:
            raise forms.ValidationError(
                f"Je naam is {len(name) - 100} tekens te lang: hooguit 100. Wat je schreef "
                "staat er nog."
            )
        return name

    def clean_bericht(self):
        text = clean_text(self.cleaned_data["bericht"]).replace("\r\n", "\n")
        if not text:
            raise forms.ValidationError("Schrijf je bericht.")
        if len(text) > CONTACT_MAX:
            raise forms.ValidationError(
                f"Je bericht is {len(text) - CONTACT_MAX} tekens te lang: hooguit {CONTACT_MAX}. "
                "Maak het korter; wat je schreef staat er nog."
            )
        return text

    def clean(self):
        cleaned = super().clean()
        if self.data.get("website"):
            # The honeypot: people cannot see this field, bots fill it in.
            raise forms.ValidationError(REFUSED, code="honeypot")
        return cleaned


def site_settings(request):
    site = Site.find_for_request(request)
    return SiteSettings.for_site(site) if site else None


def page(request, form, status=200, **context):
    context = {
        "form": form,
        "retention_days": settings.ERVARING["CONTACT_RETENTION_DAYS"],
        **context,
    }
    return render(request, "feedback/contact.html", context, status=status)


@csrf_exempt
@same_origin_only
@require_http_methods(["GET", "HEAD", "POST"])
def contact(request):
    """GET: the form (shared by every visitor, by the page it was opened from); POST: the
    message."""
    if request.method != "POST":
        about = about_path(request.GET.get("over"))
        form = ContactForm(initial={"over": about})
        return declare(page(request, form, about=about), ("over",))
    form = ContactForm(request.POST)
    response = sent(request, form) if form.is_valid() else None
    if response is None:
        response = page(request, form, status=400, about=about_path(request.POST.get("over")))
    return response


def sent(request, form):
    """Store a valid message (and have it mailed); the thanks, or None with an error added."""
    verdict = ratelimit.claim("contact", request, settings.ERVARING["CONTACT_RATE_LIMIT"])
    if not verdict:
        wait = ratelimit.wait_in_words(verdict.retry_after)
        form.add_error(
            None,
            f"Je stuurde in korte tijd veel berichten. Probeer het over {wait} opnieuw. Wat je "
            "schreef staat er nog.",
        )
        return None
    data = form.cleaned_data
    with transaction.atomic():
        message = ContactMessage.objects.create(
            name=data["naam"], email=data["email"], message=data["bericht"], about=data["over"]
        )
        own = site_settings(request)
        if own and own.contact_email:
            mail_to_editors.enqueue(message.pk, own.contact_email)
    return render(
        request,
        "feedback/contact_thanks.html",
        {"message": message, "retention_days": settings.ERVARING["CONTACT_RETENTION_DAYS"]},
    )


@mail_task("Bericht via het contactformulier naar de redactie")
def mail_to_editors(message_id, address):
    """The message, to the site's contact address; the sender's address (if given) as
    Reply-To, so answering is one click."""
    message = ContactMessage.objects.filter(pk=message_id).first()
    if message is None:
        return 0
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "feedback_contactmessage:inspect", args=[message.pk]
    )
    lines = [
        f"Van: {message.name or 'geen naam gegeven'}",
        f"E-mailadres: {message.email or 'geen (de afzender wil of verwacht geen antwoord)'}",
    ]
    if message.about:
        lines.append(f"Over de pagina: {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{message.about}")
    mail = EmailMessage(
        subject="Bericht via het contactformulier",
        body="\n".join([*lines, "", message.message, "", f"In het beheer: {admin_url}", ""]),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        reply_to=[message.email] if message.email else None,
    )
    return 1 if send_once(f"contact:{message.pk}", mail) else 0


def urls():
    return [path("contact/", contact, name="contact")]
