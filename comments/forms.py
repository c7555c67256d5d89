"""The reader's comment form: whether what a reader typed is a comment (a name, an address, a
text, no bot in the honeypot). Whether it may be stored, and what then happens to it, is
comments/posting.py. Nothing in it differs per visitor: the empty form is part of a page every
visitor shares (docs/decisions.md, "The comment form without a token")."""

import re

from django import forms

from comments.models import Comment, ModerationRules

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        # No field cuts what is pasted into it in silence (issue 32): the browser's maxlength
        # would keep 3,000 characters of 10,000 without a word. The counter beside the body
        # and the server's message ("…te lang…", everything kept) say it instead.
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)
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
        # reason, for a moderator to see (comments/rules.py).
        return body

    def clean(self):
        cleaned = super().clean()
        if self.data.get("website"):
            # The honeypot: people cannot see this field, bots fill it in.
            raise forms.ValidationError(GENERIC_REFUSAL, code="honeypot")
        return cleaned
