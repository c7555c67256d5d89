"""Where ervaringsdeskundigen work: kinds of employers, example organisations, and figures."""

from django.db import models
from django.db.models import Count
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BaseStreamBlock, FiguresBlock, ListBlock, ParagraphBlock
from core.models import BasePage, findable_in_admin, page_tabs, source_field
from core.privacy import public
from roles.models import get_catalogue


class EmployerIndexPage(BasePage):
    """ "Werkgevers": every kind of employer with its number of roles, and the figures."""

    intro = models.TextField("Introductie", blank=True)
    figures = StreamField(
        [("figures", FiguresBlock()), ("paragraph", ParagraphBlock()), ("list", ListBlock())],
        verbose_name="In cijfers",
        blank=True,
        help_text="Cijfers over hoeveel ervaringsdeskundigen waar werken. Elk cijfer met "
        "zijn bron, en het jaar als de bron dat noemt.",
    )
    body = StreamField(BaseStreamBlock(), verbose_name="Tekst", blank=True)
    source = source_field()

    type_label = "Overzicht"
    rendered_streams = ("figures", "body")
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("summary"),
        FieldPanel("summary_by_editors"),
        FieldPanel("body"),
        FieldPanel("source"),
    ]
    figures_panels = [FieldPanel("figures")]
    edit_handler = page_tabs(
        ObjectList(content_panels, heading="Inhoud"),
        ObjectList(figures_panels, heading="In cijfers"),
    )
    search_fields = findable_in_admin([*BasePage.search_fields, index.SearchField("intro")])

    parent_page_types = ["core.HomePage"]
    subpage_types = ["organisations.EmployerTypePage"]
    max_count = 1

    class Meta:
        verbose_name = "overzicht van werkgevers"

    def shown_from_elsewhere(self, query):
        role_counts = get_catalogue().role_counts_by_employer_type()
        employer_types = list(
            public(EmployerTypePage.objects.child_of(self).live())
            .defer_streamfields()
            .annotate(organisation_count=Count("organisations"))
            .order_by("path")
        )
        for employer_type in employer_types:
            # Live, public roles only (the catalogue holds no others).
            employer_type.role_count = role_counts.get(employer_type.pk, 0)
        return {
            **super().shown_from_elsewhere(query),
            "employer_types": employer_types,
            # Organisations the sources name that are no employer of ervaringsdeskundigen in
            # them (an association, a movement): shown as such, not under a kind of employer.
            "other_organisations": list(Organisation.objects.filter(kind__isnull=True)),
        }


class EmployerTypePage(BasePage):
    """A kind of workplace (zorginstellingen, overheid, cliëntenraden, …) with its roles and
    example organisations. Its roles come from the role pages: one relation, edited there."""

    body = StreamField(BaseStreamBlock(), verbose_name="Beschrijving", blank=True)
    conditions = models.TextField(
        "Voorwaarden",
        blank=True,
        help_text="Is het werk hier betaald, vrijwillig of met een vergoeding? "
        "Alleen invullen als de bron het zegt.",
    )
    source = models.CharField("Bron", max_length=300, blank=True)

    type_label = "Werkgever"
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("summary_by_editors"),
        FieldPanel("body"),
    ]
    detail_panels = [FieldPanel("conditions"), FieldPanel("source")]
    edit_handler = page_tabs(
        ObjectList(content_panels, heading="Inhoud"),
        ObjectList(detail_panels, heading="Voorwaarden en bron"),
    )
    search_fields = findable_in_admin(
        [
            *BasePage.search_fields,
            index.SearchField("body"),
            index.SearchField("conditions"),
        ]
    )

    parent_page_types = ["organisations.EmployerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "soort werkgever"
        verbose_name_plural = "soorten werkgevers"

    def shown_from_elsewhere(self, query):
        return {
            **super().shown_from_elsewhere(query),
            # The roles come from the role pages' relation (roles.RoleEmployerType), read from
            # the catalogue of live, public roles.
            "roles": get_catalogue().roles_for_employer_type(self.pk),
            "organisations": list(self.organisations.all()),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sources"] = self.sources(context["organisations"])
        return context

    def sources(self, organisations):
        """Every text this page quotes: its own sources, then those of its example
        organisations, each named once (the "Bron" line under the page)."""
        names = []
        for text in [self.source, *(organisation.source for organisation in organisations)]:
            for name in text.split(";"):
                name = name.strip()
                if name and name not in names:
                    names.append(name)
        return names


class Organisation(index.Indexed, models.Model):
    """An organisation the sources name as an example of where ervaringsdeskundigen work."""

    name = models.CharField("Naam", max_length=150, unique=True)
    kind = models.ForeignKey(
        EmployerTypePage,
        verbose_name="Soort werkgever",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )
    description = models.TextField(
        "Korte beschrijving",
        blank=True,
        help_text="Wat doet deze organisatie? Eén tot drie zinnen.",
    )
    website = models.URLField("Website", blank=True)
    source = models.CharField(
        "Bron", max_length=300, blank=True, help_text="Waar komt deze informatie vandaan?"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("source"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"

    def __str__(self):
        return self.name
