"""The Comment model: a reader's comment and what moderators and the editors did with it; and
the rules a new comment is judged by (ModerationRules, edited under Instellingen)."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# Approved comments are shown in pages of this many; the query parameter with the page number.
COMMENTS_PER_PAGE = 25
COMMENTS_PARAM = "reacties"


class Comment(models.Model):
    """A reader's comment. Only approved comments are ever shown or counted; the e-mail address
    is for moderators only and never appears on the site."""

    class Status(models.TextChoices):
        PENDING = "pending", "Wacht op beoordeling"
        APPROVED = "approved", "Goedgekeurd"
        REJECTED = "rejected", "Afgewezen"
        SPAM = "spam", "Spam"
        HELD = "held", "Tegengehouden"

    article = models.ForeignKey(
        "articles.ArticlePage",
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name="Artikel",
    )
    name = models.CharField("Naam", max_length=80)
    email = models.EmailField("E-mailadres", max_length=254, blank=True)
    body = models.TextField("Reactie", max_length=3000)
    status = models.CharField(
        "Status", max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField("Geplaatst op", default=timezone.now, db_index=True)
    date_known = models.BooleanField(
        "Datum bekend",
        default=True,
        help_text="Uit voor reacties die van een bron zijn overgenomen zonder datum: dan staat "
        "er ‘datum onbekend’ bij.",
    )
    hold_reason = models.CharField(
        "Reden",
        max_length=200,
        blank=True,
        help_text="Waarom de regels voor reacties deze reactie tegenhielden of verdacht vonden.",
    )
    moderated_at = models.DateTimeField("Beoordeeld op", null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Beoordeeld door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    personal_data_erased_at = models.DateTimeField(
        "Persoonsgegevens gewist op", null=True, blank=True
    )
    # Mails the reader asked for (comments/notifications.py): only after they confirmed
    # their address, only for an approved comment, one per event, until they stop them.
    notify = models.BooleanField("Wil berichten", default=False)
    notify_confirmed_at = models.DateTimeField("Berichten bevestigd op", null=True, blank=True)
    notify_stopped_at = models.DateTimeField("Berichten gestopt op", null=True, blank=True)
    notified_online_at = models.DateTimeField("Bericht ‘online’ gestuurd op", null=True, blank=True)
    notified_reply_at = models.DateTimeField(
        "Bericht ‘redactie reageerde’ gestuurd op", null=True, blank=True
    )
    reply = models.TextField(
        "Reactie van de redactie",
        max_length=3000,
        blank=True,
        help_text="Een antwoord van de redactie. Het staat onder de reactie, als ‘Reactie van "
        "de redactie’, zodra de reactie is goedgekeurd.",
    )
    replied_at = models.DateTimeField("Beantwoord op", null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Beantwoord door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "reactie"
        verbose_name_plural = "reacties"
        indexes = [models.Index(fields=["article", "status", "created_at"])]

    def __str__(self):
        # No name or e-mail: this text ends up in the admin's history.
        if not self.article_id:
            return "nieuwe reactie"
        return f"nr. {self.pk} bij ‘{self.article.title}’"

    def public_url(self):
        """Where an approved comment stands on the site: its article, on the right page of
        comments, at the comment itself. None for a comment readers cannot see."""
        if self.status != self.Status.APPROVED or not self.article.live:
            return None
        before = (
            Comment.objects.filter(article_id=self.article_id, status=self.Status.APPROVED)
            .filter(
                models.Q(created_at__lt=self.created_at)
                | models.Q(created_at=self.created_at, pk__lt=self.pk)
            )
            .count()
        )
        page = before // COMMENTS_PER_PAGE + 1
        query = f"?{COMMENTS_PARAM}={page}" if page > 1 else ""
        return f"{self.article.url}{query}#reactie-{self.pk}"

    def excerpt(self):
        """The start of the comment, for the moderation listing."""
        return Truncator(self.body).chars(90)

    excerpt.short_description = "Reactie"

    def erase_personal_data(self):
        """On request: remove the name and e-mail address; the text stays."""
        self.name = "Anoniem"
        self.email = ""
        self.notify = False
        self.personal_data_erased_at = timezone.now()
        self.save(update_fields=["name", "email", "notify", "personal_data_erased_at"])


def rule_lines(text):
    """The words of a rule list: one word or group of words per line, trimmed, in lower case."""
    return [line.strip().lower() for line in (text or "").splitlines() if line.strip()]


# The rules a new site starts with; editors and moderators change them under Instellingen →
# Regels voor reacties. Suspect: what spam often says, though a reader may say it too. Blocked:
# plain advertising.
DEFAULT_SUSPECT_WORDS = "\n".join(
    [
        "bitcoin",
        "crypto",
        "gratis geld",
        "snel geld",
        "lening",
        "klik hier",
        "whatsapp",
        "telegram",
    ]
)
DEFAULT_BLOCKED_WORDS = "\n".join(["viagra", "cialis", "casino", "escort", "porno", "xxx"])


@register_setting(icon="warning")
class ModerationRules(BaseGenericSetting):
    """What a new comment is checked for before a moderator sees it (comments/rules.py).
    Every comment waits for a moderator anyway; these rules add the reason, and keep out of the
    queue what should not be in it, without ever throwing a comment away."""

    suspect_words = models.TextField(
        "Verdachte woorden",
        blank=True,
        default=DEFAULT_SUSPECT_WORDS,
        help_text="Eén woord of woordgroep per regel. Een reactie met zo’n woord wacht op een "
        "moderator, met de reden erbij.",
    )
    blocked_words = models.TextField(
        "Geblokkeerde woorden",
        blank=True,
        default=DEFAULT_BLOCKED_WORDS,
        help_text="Eén woord of woordgroep per regel. Een reactie met zo’n woord krijgt de status "
        "‘Tegengehouden’, met de reden, en staat in de wachtrij. De schrijver hoort "
        "hetzelfde als bij elke reactie: een moderator kijkt ernaar.",
    )
    max_links = models.PositiveSmallIntegerField(
        "Hoogstens zoveel links",
        default=2,
        help_text="Een reactie met meer links krijgt de status ‘Tegengehouden’, met de reden.",
    )

    trusted_after = models.PositiveSmallIntegerField(
        "Meteen online na zoveel goedgekeurde reacties",
        default=0,
        help_text="0 = uit (elke reactie wacht op een moderator). Bijvoorbeeld 3: wie zijn "
        "e-mailadres bevestigde (voor berichten over zijn reactie) en al 3 goedgekeurde "
        "reacties heeft, komt meteen online, tenzij een regel hierboven de reactie tegenhoudt "
        "of verdacht vindt. Bij het reactieformulier staat dan dat dit aan staat.",
    )

    panels = [
        FieldPanel("suspect_words"),
        FieldPanel("blocked_words"),
        FieldPanel("max_links"),
        FieldPanel("trusted_after"),
    ]

    class Meta:
        verbose_name = "regels voor reacties"

    def clean(self):
        for name in ("suspect_words", "blocked_words"):
            if any(len(word) > 100 for word in rule_lines(getattr(self, name))):
                raise ValidationError({name: "Een regel mag hooguit 100 tekens hebben."})

    def first_match(self, field_name, text):
        """The first word of the list `field_name` that stands in `text` as a whole word."""
        for word in rule_lines(getattr(self, field_name)):
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
                return word
        return None
