"""The two word lists editors keep (Indeling → Eigen woorden, Indeling → Gewonere woorden):
words of this site that are fine although rare, and hard words with a plainer alternative; the
lists as the analysis reads them (`word_lists`); and the workflow task "Leesbaarheid"."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask
from wagtail.search import index

from caching.data import cached_for_content
from readability.text.word_lists import WordLists
from readability.verdict import verdict_for


def clean_word(value):
    return " ".join(value.split()).lower()


class SiteWord(index.Indexed, models.Model):
    word = models.CharField(
        "Woord",
        max_length=80,
        unique=True,
        help_text="Eén woord, zoals het op de site staat (bijvoorbeeld ‘kwartiermaker’). "
        "Meervoud en andere vormen vinden we zelf.",
        error_messages={"unique": "Dit woord staat al in de lijst."},
    )
    note = models.CharField(
        "Waarom het mag",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld: ‘een rol op de site’ of ‘uitgelegd op de startpagina’.",
    )
    # A word counts as known only once the eindredactie accepted it: otherwise an editor could
    # make any text pass B1 by listing its hard words (SiteWord.saved_by, the snippet's views).
    accepted_at = models.DateTimeField("Goedgekeurd op", null=True, blank=True, editable=False)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Goedgekeurd door",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        HelpPanel(
            "<p>Een woord dat je hier zet, telt pas als gewoon woord als de eindredactie het "
            "goedkeurde (een eindredacteur opent het woord en bewaart het). Tot dan blijft het "
            "een moeilijk woord in de meting.</p>"
        ),
        FieldPanel("word"),
        FieldPanel("note"),
    ]
    search_fields = [index.SearchField("word"), index.AutocompleteField("word")]

    class Meta:
        ordering = ["word"]
        verbose_name = "eigen woord"
        verbose_name_plural = "eigen woorden"

    def __str__(self):
        return self.word

    @property
    def status(self):
        return "Telt mee" if self.accepted_at else "Wacht op de eindredactie"

    def saved_by(self, user, word_changed):
        """Accepted when someone who may accept saves it; waiting again when anyone else adds
        it or changes the word itself (a changed note keeps what was accepted)."""
        if may_accept_words(user):
            self.accepted_at, self.accepted_by = timezone.now(), user
        elif word_changed:
            self.accepted_at, self.accepted_by = None, None

    def clean(self):
        self.word = clean_word(self.word)
        if " " in self.word:  # empty: the form already says "Dit is een verplicht veld"
            raise ValidationError({"word": "Vul één woord in, zonder spaties."})


class PlainWord(index.Indexed, models.Model):
    word = models.CharField(
        "Moeilijk woord",
        max_length=80,
        unique=True,
        help_text="Het woord in zijn gewone vorm (‘faciliteren’, niet ‘faciliteert’), of een "
        "vaste uitdrukking (‘ten behoeve van’).",
        error_messages={"unique": "Dit woord staat al in de lijst."},
    )
    alternatives = models.CharField(
        "Gewonere woorden",
        max_length=200,
        help_text="Wat de redacteur in plaats daarvan kan schrijven. Meer dan één: scheid ze "
        "met een komma.",
    )

    panels = [FieldPanel("word"), FieldPanel("alternatives")]
    search_fields = [
        index.SearchField("word"),
        index.AutocompleteField("word"),
        index.SearchField("alternatives"),
    ]

    class Meta:
        ordering = ["word"]
        verbose_name = "gewoner woord"
        verbose_name_plural = "gewonere woorden"

    def __str__(self):
        return f"{self.word} → {self.alternatives}"

    def clean(self):
        self.word = clean_word(self.word)
        self.alternatives = ", ".join(
            part.strip() for part in self.alternatives.split(",") if part.strip()
        )
        errors = {}
        if not self.alternatives:
            errors["alternatives"] = "Vul minstens één gewoner woord in."
        elif self.word in [part.lower() for part in self.alternatives.split(", ")]:
            errors["alternatives"] = "Het gewonere woord is hetzelfde als het moeilijke."
        if errors:
            raise ValidationError(errors)


def word_lists():
    """Both lists as the analysis reads them: from the database once per content version (a
    change to either list raises the version, readability/signal_handlers.py), not once per
    measured text."""
    return cached_for_content("readability:word-lists", read_word_lists)


def read_word_lists():
    """The site's words, and the words of the begrippenlijst (glossary/): a word a reader can
    have explained where it stands is no hard word for that reader."""
    return WordLists(
        frozenset(
            SiteWord.objects.filter(accepted_at__isnull=False).values_list("word", flat=True)
        ),
        dict(PlainWord.objects.values_list("word", "alternatives")),
        explained=glossary_words(),
    )


def glossary_words():
    """Every one-word form of every glossary term, as the analysis compares words (lower case).
    A form of several words ("VN-verdrag voor mensen met een beperking") is left out: its
    common words need no explaining."""
    if not apps.is_installed("glossary"):
        return frozenset()
    terms = apps.get_model("glossary", "Term").objects.only("term", "other_forms")
    return frozenset(
        form.strip("'’").lower() for term in terms for form in term.forms if len(form.split()) == 1
    )


class ReadabilityTask(AbstractGroupApprovalTask):
    """The workflow task "Leesbaarheid" before an article or a role page is published: it passes
    by itself when the page reads at B1 (or quotes a source word for word with an "In het kort"
    above it, readability/verdict.py); otherwise a member of its groups (Eindredactie) approves,
    and must say why. Both are in the page's history (docs/readability.md)."""

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        verdict = verdict_for(task_state.revision.as_object(), word_lists())
        if verdict.passes:
            # Wagtail's WorkflowState.update() moves on when a task approves itself at start.
            task_state.approve(user=None, update=False, comment=f"Vanzelf: {verdict.reason}")
        return task_state

    def get_actions(self, obj, user):
        # Wagtail's group check decides who may act; we only name the actions (a reason needed).
        if super().get_actions(obj, user):
            return [
                ("reject", "Vraag om aanpassingen", True),
                ("approve", "Goedkeuren met reden", True),
            ]
        return []

    def get_form_for_action(self, action):
        return ApprovalReasonForm if action == "approve" else TaskStateCommentForm

    def get_template_for_action(self, action):
        return "readability/workflow_action_modal.html"

    @classmethod
    def get_description(cls):
        return (
            "Gaat vanzelf door als de pagina op B1 leest (of letterlijk uit een bron komt "
            "met ‘In het kort’ erboven). Anders keurt iemand uit de gekozen groepen goed, "
            "met een reden."
        )

    class Meta:
        verbose_name = "leesbaarheidstaak"
        verbose_name_plural = "leesbaarheidstaken"


class ApprovalReasonForm(TaskStateCommentForm):
    """Approving a page above B1 needs a reason: it is kept with the task in the history."""

    comment = forms.CharField(
        label="Waarom mag deze tekst boven B1?",
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": "Schrijf op waarom deze tekst boven B1 mag."},
        help_text="Bijvoorbeeld: ‘Letterlijk citaat van de bron; In het kort volgt.’",
    )


def may_accept_words(user):
    """Administrators, and the groups that approve the task "Leesbaarheid" (Eindredactie)."""
    if user.is_superuser:
        return True
    return ReadabilityTask.objects.filter(active=True, groups__in=user.groups.all()).exists()
