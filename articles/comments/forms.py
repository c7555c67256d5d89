"""The reader's comment form and its defences against spam, all without third parties and
without anything that differs per visitor: the empty form is part of a page every visitor
shares (docs/decisions.md, "The comment form without a token")."""

import hashlib
import re
from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils import timezone

from articles.comments.models import Comment, ModerationRules
from articles.comments.rules import judge
from ervaring import ratelimit

# The same text on the same article within this window is a duplicate.
DUPLICATE_WINDOW = timedelta(days=1)
# Characters that change how text is shown without being visible (bidi overrides, zero width).
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
GENERIC_REFUSAL = "Je reactie kon niet worden verstuurd. Probeer het later nog eens."


def clean_text(value):
    return INVISIBLE.sub("", value or "").strip()


class CommentForm(forms.ModelForm):
    """Name, e-mail and comment. Status, article and dates are never taken from the form."""

    website = forms.CharField(
        label="Laat dit veld leeg",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Comment
        fields = ["name", "email", "body", "notify"]
        labels = {
            "name": "Naam *",
            "email": "E-mailadres *",
            "body": "Je reactie *",
            "notify": "Stuur mij een bericht als mijn reactie online staat of als de redactie "
            "reageert",
        }
        help_texts = {
            "name": "Deze naam staat boven je reactie. Een voornaam of bijnaam mag ook.",
            "email": "Alleen voor de moderator. Je e-mailadres wordt niet gepubliceerd.",
            "body": "Hooguit 3000 tekens.",
            "notify": "Je krijgt eerst een mail om dit te bevestigen. Daarna stop je het met één "
            "klik.",
        }
        error_messages = {
            "name": {
                "required": "Vul je naam in.",
                "max_length": "Je naam mag hooguit %(limit_value)d tekens hebben.",
            },
            "email": {
                "required": "Vul je e-mailadres in.",
                "invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
                "max_length": "Dit e-mailadres is te lang.",
            },
            "body": {
                "required": "Schrijf je reactie.",
                "max_length": "Je reactie is te lang: hooguit %(limit_value)d tekens "
                "(nu %(show_value)d).",
            },
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "body": forms.Textarea(attrs={"rows": 8, "data-max-length": "3000"}),
        }

    def __init__(self, *args, article, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.request = request
        self.fields["email"].required = True
        # Shown beside the form when on: who goes online at once. Read, never made here (making
        # the settings row would make every cached page stale).
        rules = ModerationRules.objects.first()
        self.trusted_after = rules.trusted_after if rules else 0

    def clean_name(self):
        name = clean_text(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError("Vul je naam in.")
        return name

    def clean_body(self):
        body = clean_text(self.cleaned_data["body"]).replace("\r\n", "\n")
        if not body:
            raise forms.ValidationError("Schrijf je reactie.")
        # Links and words are not refused here: the rules hold such a comment back with the
        # reason, for a moderator to see (articles/comments/rules.py).
        return body

    def clean(self):
        cleaned = super().clean()
        if self.data.get("website"):
            # The honeypot: people cannot see this field, bots fill it in.
            raise forms.ValidationError(GENERIC_REFUSAL, code="honeypot")
        body = cleaned.get("body")
        if (
            body
            and Comment.objects.filter(
                article=self.article,
                body=body,
                created_at__gte=timezone.now() - DUPLICATE_WINDOW,
            ).exists()
        ):
            raise self.duplicate()
        # Last, and only for an otherwise good comment (typing errors cost no place): claim one
        # of the visitor's places for the last hour, atomically (ervaring/ratelimit.py).
        if self.request is not None and not self.errors:
            limit = settings.ERVARING["COMMENT_RATE_LIMIT"]
            verdict = ratelimit.claim("comment", self.request, limit)
            if not verdict:
                raise forms.ValidationError(
                    "Je hebt in korte tijd veel reacties gestuurd. Je tekst staat er nog: "
                    f"probeer het over {ratelimit.wait_in_words(verdict.retry_after)} opnieuw.",
                    code="rate_limited",
                )
            # The same text at the same moment (a double click, forty parallel posts): the
            # check above sees none of them stored yet, so the text itself claims its one
            # place, atomically; whoever loses gets the duplicate message and their place back.
            if not ratelimit.claim_key(
                self.text_key(body), 1, int(DUPLICATE_WINDOW.total_seconds())
            ):
                ratelimit.release(ratelimit.visitor_key("comment", self.request), verdict)
                raise self.duplicate()
        return cleaned

    def text_key(self, body):
        digest = hashlib.sha256(body.encode()).hexdigest()
        return ratelimit.subject_key("comment-text", f"{self.article.pk}:{digest}")

    @staticmethod
    def duplicate():
        return forms.ValidationError(
            "Deze reactie hebben we al ontvangen. Hij staat online zodra een moderator "
            "hem heeft goedgekeurd.",
            code="duplicate",
        )

    def save(self, commit=True):
        comment = super().save(commit=False)
        comment.article = self.article
        verdict = judge(comment.name, comment.body, comment.email)
        comment.status = verdict.status
        comment.hold_reason = verdict.reason
        if verdict.status == Comment.Status.APPROVED:
            comment.moderated_at = timezone.now()
        if comment.notify and (
            Comment.objects.filter(
                email__iexact=comment.email,
                notify_confirmed_at__isnull=False,
                notify_stopped_at__isnull=True,
            ).exists()
        ):
            # This address confirmed before and did not stop: no second confirmation mail.
            comment.notify_confirmed_at = timezone.now()
        comment.created_at = timezone.now()
        if commit:
            comment.save()
        return comment
