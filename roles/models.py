"""The expertise ladder, the taxonomy of roles, and the pages that show them."""

from django import forms
from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    MultipleChooserPanel,
    ObjectList,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from caching.data import cached_for_content
from core.blocks import BaseStreamBlock
from core.models import BasePage, findable_in_admin, page_tabs, source_field
from roles.catalogue import build_catalogue
from roles.compare import ROLE_PARAM, compared, saved
from roles.filters import QUERY_PARAMS as FILTER_PARAMS
from roles.filters import RoleFilter
from roles.forms import RolePageForm
from roles.keuzehulp import QUERY_PARAMS as KEUZEHULP_PARAMS
from roles.keuzehulp import KeuzehulpForm


class LadderStep(models.Model):
    """One of the four steps of the expertise ladder (ervaringsladder)."""

    number = models.PositiveSmallIntegerField(
        "Nummer", unique=True, help_text="1 tot en met 4: de plek op de ladder."
    )
    name = models.CharField("Naam", max_length=80)
    meaning = models.TextField("Wat betekent deze stap?")
    in_short = models.TextField(
        "In het kort",
        blank=True,
        help_text="De stap in een paar korte zinnen, in eenvoudige woorden (taalniveau B1). "
        "Staat boven de tekst van de bron, als tekst van de redactie.",
    )
    brings = models.TextField(
        "Wat brengt iemand op deze stap in?",
        blank=True,
        help_text="Wat iemand op deze stap kan en doet, in gewone woorden.",
    )
    examples = StreamField(
        [
            (
                "example",
                blocks.StructBlock(
                    [
                        ("title", blocks.CharBlock(label="Titel", required=False)),
                        ("text", blocks.TextBlock(label="Tekst")),
                    ],
                    label="Voorbeeld",
                    icon="openquote",
                ),
            )
        ],
        verbose_name="Voorbeelden",
        blank=True,
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("name"),
        FieldPanel("in_short"),
        FieldPanel("meaning"),
        FieldPanel("brings"),
        FieldPanel("examples"),
    ]

    class Meta:
        ordering = ["number"]
        verbose_name = "stap op de ladder"
        verbose_name_plural = "stappen op de ladder"

    def __str__(self):
        return f"Stap {self.number}: {self.name}"


class Term(Orderable):
    """A named, ordered term with a description (role type, work area, employment form)."""

    name = models.CharField("Naam", max_length=80)
    slug = models.SlugField(
        "Korte naam in de link",
        max_length=80,
        unique=True,
        help_text="Wordt gebruikt in de link van het filter, bijvoorbeeld ‘beleid’.",
    )
    description = models.TextField("Omschrijving", blank=True)
    # The keuzehulp asks for terms by this code (roles/keuzehulp.py), so an editor can rename a
    # term and change its slug without breaking it. Set by the content loader; not in the form.
    code = models.SlugField(
        "Vaste code",
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="Voor de keuzehulp. Verandert nooit.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class RoleType(Term):
    """One of Movisie's five role types (Beïnvloeder, Innovator, Onderzoeker, Leraar,
    Hulpverlener)."""

    class Meta(Term.Meta):
        verbose_name = "type rol"
        verbose_name_plural = "typen rollen"


class WorkArea(Term):
    """A kind of work (werkveld), e.g. beleid en belangenbehartiging."""

    class Meta(Term.Meta):
        verbose_name = "werkveld"
        verbose_name_plural = "werkvelden"


class EmploymentForm(Term):
    """How the work is done: betaald, vrijwillig, zelfstandig (zzp)."""

    class Meta(Term.Meta):
        verbose_name = "vorm van werk"
        verbose_name_plural = "vormen van werk"


class RolePage(BasePage):
    """A kind of work an ervaringsdeskundige can do, with where it sits on the ladder."""

    other_names = models.CharField(
        "Andere namen",
        max_length=300,
        blank=True,
        help_text="Andere namen voor dit werk, gescheiden door komma's. "
        "Bijvoorbeeld: herstelcoach, peer support worker, hoopverlener.",
    )
    body = StreamField(BaseStreamBlock(), verbose_name="Inhoud", blank=True)
    ladder_steps = ParentalManyToManyField(
        LadderStep,
        verbose_name="Stap(pen) op de ladder",
        related_name="roles",
        help_text="Op welke stap(pen) van de ervaringsladder past dit werk?",
    )
    role_types = ParentalManyToManyField(
        RoleType, verbose_name="Typen rollen", related_name="roles", blank=True
    )
    work_areas = ParentalManyToManyField(
        WorkArea, verbose_name="Werkvelden", related_name="roles", blank=True
    )
    employment_forms = ParentalManyToManyField(
        EmploymentForm,
        verbose_name="Vormen van werk",
        related_name="roles",
        blank=True,
        help_text="Betaald, vrijwillig of als zelfstandige (zzp). Meer dan één mag.",
    )
    placed_by_source = models.BooleanField(
        "De bron plaatst dit werk op de ladder",
        default=False,
        help_text="Aanvinken als de bron dit werk zelf bij een stap van de ervaringsladder "
        "noemt. Anders zien bezoekers dat de plek een inschatting van de redactie is.",
    )
    steps_by_editors = ParentalManyToManyField(
        LadderStep,
        verbose_name="Stappen die de redactie toevoegt",
        related_name="+",
        blank=True,
        help_text="Alleen als de bron dit werk op de ladder plaatst: de stappen hierboven die "
        "niet van de bron komen, maar jullie eigen lezing zijn. Bezoekers zien bij die stappen "
        "dat ze een inschatting van de redactie zijn.",
    )
    types_from_source = models.BooleanField(
        "De bron noemt dit werk bij dit type rol",
        default=False,
        help_text="Aanvinken als de bron dit werk zelf bij het type (of de typen) rol hierboven "
        "noemt. Anders zien bezoekers dat het type een inschatting van de redactie is.",
    )
    forms_from_source = models.BooleanField(
        "De bron zegt of dit werk betaald, vrijwillig of zzp is",
        default=False,
        help_text="Aanvinken als de bron zelf zegt hoe dit werk gedaan wordt (de vormen "
        "hierboven). Anders zien bezoekers dat de vorm een inschatting van de redactie is.",
    )
    suits_few_hours = models.BooleanField(
        "Kan ook met weinig uren",
        default=False,
        help_text="Alleen aanvinken als de bron dit werk noemt bij kortdurend werk: werk dat "
        "past bij iemand die maar weinig uren kan werken.",
    )
    tasks = models.TextField(
        "Taken", blank=True, help_text="Wat doe je in dit werk? Eén taak per regel."
    )
    pathway = models.TextField(
        "Hoe word je dit?",
        blank=True,
        help_text="Opleiding, eerst vrijwilligerswerk, ervaring: wat helpt om dit werk te gaan "
        "doen? Laat een witregel tussen alinea's.",
    )
    source = models.CharField(
        "Bron",
        max_length=300,
        blank=True,
        help_text="Waar komt de tekst vandaan? Noem alleen de publicaties waar de tekst echt "
        "uit komt.",
    )
    editors_note = models.TextField(
        "Toelichting van de redactie",
        blank=True,
        help_text="Wat op deze pagina niet uit de bron komt, maar jullie eigen inschatting is "
        "(bijvoorbeeld of het werk betaald of vrijwillig is). Staat op de site als ‘Door de "
        "redactie’.",
    )

    type_label = "Rol"
    base_form_class = RolePageForm
    # Fields that say "the source says so": the content loader sets them only with a quote from
    # the record's source (its `cites`), found there word for word.
    source_claims = (
        "placed_by_source",
        "types_from_source",
        "forms_from_source",
        "suits_few_hours",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("other_names"),
        FieldPanel("summary"),
        FieldPanel("summary_by_editors"),
        FieldPanel("body"),
    ]
    characteristics_panels = [
        FieldPanel("ladder_steps", widget=forms.CheckboxSelectMultiple),
        FieldPanel("placed_by_source"),
        FieldPanel("steps_by_editors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("role_types", widget=forms.CheckboxSelectMultiple),
        FieldPanel("types_from_source"),
        FieldPanel("work_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("employment_forms", widget=forms.CheckboxSelectMultiple),
        FieldPanel("forms_from_source"),
        FieldPanel("suits_few_hours"),
        FieldPanel("tasks"),
    ]
    career_panels = [
        FieldPanel("pathway"),
        MultipleChooserPanel(
            "next_role_links",
            chooser_field_name="role",
            label="volgende stap",
            heading="Volgende stappen op het loopbaanpad",
            help_text="Rollen die hierna kunnen komen. Alleen rollen die helemaal hoger op de "
            "ladder staan, worden getoond. Laat leeg: dan tonen we rollen in hetzelfde werkveld "
            "op de eerstvolgende hogere stap.",
        ),
        MultipleChooserPanel(
            "employer_type_links",
            chooser_field_name="employer_type",
            label="soort werkgever",
            heading="Soorten werkgevers",
            help_text="Bij welke soorten werkgevers komt dit werk voor?",
        ),
    ]
    source_panels = [FieldPanel("source"), FieldPanel("editors_note")]

    edit_handler = page_tabs(
        ObjectList(content_panels, heading="Inhoud"),
        ObjectList(characteristics_panels, heading="Ladder en kenmerken"),
        ObjectList(career_panels, heading="Loopbaan"),
        ObjectList(source_panels, heading="Bron"),
    )

    search_fields = findable_in_admin(
        [
            *BasePage.search_fields,
            index.SearchField("editors_note"),
            index.SearchField("other_names", boost=2),
            index.SearchField("body"),
            index.SearchField("tasks"),
            index.SearchField("pathway"),
            index.SearchField("facet_words", boost=2),
            index.AutocompleteField("other_names"),
        ]
    )

    parent_page_types = ["roles.RoleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"

    # Indexed for search only: not text a visitor reads on the page (readability skips it).
    search_only_fields = ("facet_words",)

    @classmethod
    def search_only_queryset(cls, ids):
        """The roles among `ids`, with what facet_words reads, in a fixed number of queries."""
        return (
            cls.objects.filter(pk__in=ids)
            .only("id", "suits_few_hours")
            .prefetch_related("ladder_steps", "role_types", "work_areas", "employment_forms")
        )

    def facet_words(self):
        """The role's facets as words, so a search for "vrijwillig", "betaald", "weinig uren",
        "stap 3" or a work area finds the roles that have it."""
        words = [f"stap {step.number} {step.name}" for step in self.ladder_steps.all()]
        for terms in (self.role_types, self.work_areas, self.employment_forms):
            words.extend(term.name for term in terms.all())
        if self.suits_few_hours:
            words.append("kan ook met weinig uren, kortdurend werk")
        return ". ".join(words)

    @property
    def other_names_list(self):
        return [name.strip() for name in self.other_names.split(",") if name.strip()]

    @classmethod
    def texts_of(cls, ids):
        """{id: role page} with only its own texts (tasks, how to get there), in one query: the
        comparison's facts outside the catalogue (roles/compare.py)."""
        return {
            page.pk: page for page in cls.objects.filter(pk__in=ids).only("id", "tasks", "pathway")
        }

    @property
    def task_list(self):
        return [line.strip(" •-\t") for line in self.tasks.splitlines() if line.strip(" •-\t")]

    @property
    def pathway_paragraphs(self):
        return [part.strip() for part in self.pathway.split("\n\n") if part.strip()]

    def shown_from_elsewhere(self, query):
        """Where the role sits (from its own facts, so a preview shows the draft's) and what
        the catalogue says around it: the ladder, terms, next step, employer types."""
        catalogue = get_catalogue()
        entry = catalogue.entry_for_page(self)
        next_step = catalogue.next_step(entry) or {}

        def cards(roles, heading):
            return self.rendered_part("includes/role_list.html", roles=roles, heading=heading)

        return {
            **super().shown_from_elsewhere(query),
            "entry": entry,
            "steps": catalogue.steps,
            "current_steps": [catalogue.steps_by_number[n] for n in entry.steps],
            # {"types": [...], "areas": [...], "forms": [...]}: every taxonomy facet.
            "terms": catalogue.terms_of(entry),
            "next_step": next_step,
            # The role cards of the next step, and the nearest roles to compare with: the same
            # for every visitor, rendered once per content version.
            "next_roles": cards(next_step["roles"], "h3") if next_step else "",
            "later_roles": cards(next_step["later"], "h4") if next_step.get("later") else "",
            "employer_types": catalogue.employer_types_for(entry),
            "index_url": catalogue.index_url,
            "ladder_url": catalogue.ladder_url,
            "compare_url": catalogue.compare_url,
            "saved_url": catalogue.saved_url,
            "compare_options": self.rendered_part(
                "roles/includes/compare_options.html", roles=catalogue.roles_like(entry)
            ),
        }


class RoleNextStep(Orderable):
    """A role that can come after this one on the career path."""

    page = ParentalKey(RolePage, on_delete=models.CASCADE, related_name="next_role_links")
    role = models.ForeignKey(
        RolePage, on_delete=models.CASCADE, related_name="previous_role_links", verbose_name="Rol"
    )

    panels = [FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "volgende stap"
        verbose_name_plural = "volgende stappen"


class RoleEmployerType(Orderable):
    """Where this role is done: one link between a role and an employer type. Edited on the
    role page; the employer type page reads it back (one relation, shown on both pages)."""

    page = ParentalKey(RolePage, on_delete=models.CASCADE, related_name="employer_type_links")
    employer_type = models.ForeignKey(
        "organisations.EmployerTypePage",
        on_delete=models.CASCADE,
        related_name="role_links",
        verbose_name="Soort werkgever",
    )

    panels = [FieldPanel("employer_type")]

    class Meta(Orderable.Meta):
        verbose_name = "soort werkgever"
        verbose_name_plural = "soorten werkgevers"


class RoleIndexPage(RoutablePageMixin, BasePage):
    """All roles, filterable by every facet, with the keuzehulp "Welke rol past bij mij?"."""

    intro = models.TextField("Introductie", blank=True)
    body = StreamField(
        BaseStreamBlock(),
        verbose_name="Tekst onder de rollen",
        blank=True,
        help_text="Bijvoorbeeld uitleg over kortdurend werk of werk voor zzp'ers.",
    )
    source = source_field()

    type_label = "Overzicht"
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("summary"),
        FieldPanel("summary_by_editors"),
        FieldPanel("body"),
        FieldPanel("source"),
    ]
    edit_handler = page_tabs(ObjectList(content_panels, heading="Inhoud"))
    search_fields = findable_in_admin([*BasePage.search_fields, index.SearchField("intro")])

    parent_page_types = ["core.HomePage"]
    subpage_types = ["roles.RolePage"]
    max_count = 1

    class Meta:
        verbose_name = "overzicht van rollen"

    # The filters, the keuzehulp's questions and the roles to compare or keep (roles/filters.py,
    # roles/keuzehulp.py, roles/compare.py).
    query_params = (*FILTER_PARAMS, *KEUZEHULP_PARAMS, ROLE_PARAM)

    def shown_from_elsewhere(self, query):
        """The roles, filtered as the address asks, with the counts per option; with `rol` in
        the address, those roles compared and as a shortlist."""
        catalogue = get_catalogue()
        chosen = query.getlist(ROLE_PARAM)
        role_filter = RoleFilter(query, catalogue)
        return {
            **super().shown_from_elsewhere(query),
            "filter": role_filter,
            # The filter's options and a page of role cards: the same for every visitor with
            # this address, rendered once per content version.
            "facet_fields": self.rendered_part(
                "roles/includes/facet_fields.html", facets=role_filter.facets
            ),
            "result_cards": self.rendered_part(
                "includes/role_list.html",
                roles=role_filter.page.object_list,
                heading="h3",
                choose="vergelijk",
                saved_url=self.saved_url,
            ),
            "role_types": catalogue.terms["types"],
            "all_roles": catalogue.roles,
            "compare": compared(chosen, catalogue, RolePage.texts_of),
            "saved": saved(chosen, catalogue, RolePage.texts_of),
        }

    @path("")
    def index_view(self, request):
        return self.render(request)

    @property
    def keuzehulp_url(self):
        """Where the keuzehulp is: the one place that knows its sub-route."""
        return self.url + self.reverse_subpage("chooser_view") if self.url else ""

    @property
    def compare_url(self):
        return self.url + self.reverse_subpage("compare_view") if self.url else ""

    @property
    def saved_url(self):
        return self.url + self.reverse_subpage("saved_view") if self.url else ""

    @path("vergelijk/")
    def compare_view(self, request):
        """Two or three roles side by side (`?rol=…&rol=…`)."""
        return self.render(
            request,
            template="roles/compare.html",
            context_overrides={"subpage_title": "Rollen vergelijken"},
        )

    @path("bewaard/")
    def saved_view(self, request):
        """The visitor's shortlist, kept in the address only."""
        return self.render(
            request,
            template="roles/saved.html",
            context_overrides={"subpage_title": "Mijn bewaarde rollen"},
        )

    @path("keuzehulp/")
    def chooser_view(self, request):
        # Answered only when the address holds one of its own questions: `?utm_source=x` is the
        # empty form, not a form with everything missing.
        answered = any(name in request.GET for name in KEUZEHULP_PARAMS)
        form = KeuzehulpForm(request.GET if answered else None)
        answer = form.answer(get_catalogue()) if form.is_bound and form.is_valid() else None
        return self.render(
            request,
            template="roles/keuzehulp.html",
            context_overrides={
                "form": form,
                "answer": answer,
                "result_roles": answer.roles if answer else [],
                "subpage_title": "Welke rol past bij mij?",
            },
        )


class LadderPage(BasePage):
    """The four steps of the ladder in order, each with its meaning and its roles."""

    intro = models.TextField("Introductie", blank=True)
    body = StreamField(
        BaseStreamBlock(),
        verbose_name="Tekst onder de ladder",
        blank=True,
    )
    source = models.CharField("Bron", max_length=300, blank=True)
    about_source = models.TextField(
        "Over deze ladder",
        blank=True,
        help_text="Waar de ladder vandaan komt en waar hij over gaat. Staat boven de stappen.",
    )

    type_label = "Overzicht"
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("about_source"),
        FieldPanel("summary"),
        FieldPanel("summary_by_editors"),
        FieldPanel("body"),
        FieldPanel("source"),
    ]
    edit_handler = page_tabs(ObjectList(content_panels, heading="Inhoud"))
    search_fields = findable_in_admin([*BasePage.search_fields, index.SearchField("intro")])

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "ervaringsladder"

    def shown_from_elsewhere(self, query):
        catalogue = get_catalogue()
        # The steps and their roles: the same for every visitor, rendered once per version.
        return {
            **super().shown_from_elsewhere(query),
            "ladder_steps": self.rendered_part(
                "roles/includes/ladder_steps.html",
                ladder=catalogue.ladder(),
                index_url=catalogue.index_url,
            ),
        }


def get_catalogue():
    """The role catalogue (roles/catalogue.py) for the current content version: built from
    these models, kept in this process and in the shared cache, rebuilt only after content
    changed. One object per process, shared by every request: nothing may change it."""
    return cached_for_content(
        "role-catalogue", lambda: build_catalogue(RolePage, RoleIndexPage, LadderPage)
    )
