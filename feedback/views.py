"""The answer to "Was deze pagina nuttig?", asked below every public page.

The question is a plain form on a page every visitor shares, so, like the comment form, it
carries no per-visitor token: the browser's Fetch Metadata and Origin headers must say it was
sent from this site (django-modern-csrf), and the page stays cacheable. It works without
JavaScript: "Ja" thanks the reader; "Nee" is counted at once and offers one optional question,
"Wat miste je?", whose form carries a signed reference to that answer (so only the reader who
said Nee can add to it). Each client may answer FEEDBACK_RATE_LIMIT times an hour."""

from django import forms
from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from modern_csrf.decorators import csrf_protect as same_origin_only
from wagtail.models import Page

from core.privacy import public
from feedback.models import MISSING_MAX, PageFeedback
from limits import ratelimit

SALT = "ervaring.feedback"
ANSWERS = {"ja": True, "nee": False}


class MissingForm(forms.Form):
    stem = forms.CharField(widget=forms.HiddenInput, max_length=200)
    tekst = forms.CharField(
        label="Wat miste je?",
        help_text=(
            f"Niet verplicht. Hooguit {MISSING_MAX} tekens. Schrijf geen naam of e-mailadres."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_tekst(self):
        text = self.cleaned_data["tekst"].strip()
        if len(text) > MISSING_MAX:
            raise forms.ValidationError(
                f"Je tekst is {len(text) - MISSING_MAX} tekens te lang. Maak hem korter; wat je "
                "schreef staat er nog."
            )
        return text


def public_page(page_id):
    if page_id > 2**53:  # no page has such a number; the database need not be asked
        raise Http404
    page = public(Page.objects.live().filter(pk=page_id, depth__gt=1)).first()
    if page is None:
        raise Http404
    return page


def limited(request):
    verdict = ratelimit.claim("feedback", request, settings.ERVARING["FEEDBACK_RATE_LIMIT"])
    if verdict:
        return None
    wait = ratelimit.wait_in_words(verdict.retry_after)
    return f"Je gaf in korte tijd vaak antwoord. Probeer het over {wait} opnieuw."


def answer(request, page, template, status=200, **context):
    context = {
        "asked_page": page,
        "retention_days": settings.ERVARING["FEEDBACK_RETENTION_DAYS"],
        **context,
    }
    return render(request, template, context, status=status)


@csrf_exempt
@same_origin_only
@never_cache
@require_POST
def vote(request, page_id):
    page = public_page(page_id)
    useful = ANSWERS.get(request.POST.get("nuttig", ""))
    if useful is None:
        return answer(request, page, "feedback/choose.html", status=400)
    refused = limited(request)
    if refused:
        return answer(request, page, "feedback/thanks.html", status=429, refused=refused)
    given = PageFeedback.objects.create(page=page, useful=useful)
    if useful:
        return answer(request, page, "feedback/thanks.html")
    form = MissingForm(initial={"stem": signing.dumps(given.pk, salt=SALT)})
    return answer(request, page, "feedback/missing.html", form=form)


@csrf_exempt
@same_origin_only
@never_cache
@require_POST
def missing(request, page_id):
    page = public_page(page_id)
    form = MissingForm(request.POST)
    if not form.is_valid():
        return answer(request, page, "feedback/missing.html", status=400, form=form)
    try:
        pk = signing.loads(form.cleaned_data["stem"], salt=SALT, max_age=60 * 60)
    except signing.BadSignature:
        form.add_error(
            None,
            "Dit formulier is verlopen. Je kunt de vraag onder de pagina opnieuw beantwoorden.",
        )
        return answer(request, page, "feedback/missing.html", status=400, form=form)
    if form.cleaned_data["tekst"]:
        PageFeedback.objects.filter(pk=pk, page=page, useful=False, missing="").update(
            missing=form.cleaned_data["tekst"]
        )
    return answer(request, page, "feedback/thanks.html")


def urls():
    return [
        path("nuttig/<int:page_id>/", vote, name="feedback_vote"),
        path("nuttig/<int:page_id>/toelichting/", missing, name="feedback_missing"),
    ]
