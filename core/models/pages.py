"""The page foundation: BasePage (what every public page shares: routing and privacy shortcuts,
what it shows from elsewhere kept per content version, its query parameters), ContentPage, and
the editor's tabs and admin search every page type uses."""

from http import HTTPMethod

from django.db import models
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from caching.data import cached_for_content
from caching.declaration import query_key
from core.blocks import BaseStreamBlock
from core.privacy import in_private_section

# The Wagtail hook through which an app changes a page's rendered text before it is kept: a
# function (page, {stream name: HTML}) -> {stream name: HTML} (glossary/marking.py).
MARK_TEXT_HOOK = "ervaring_mark_text"


def source_field():
    """The field "Bron" of a page type whose text may be the editors' own: empty says so."""
    return models.CharField(
        "Bron",
        max_length=300,
        blank=True,
        help_text="Waar komt de tekst vandaan? Leeg: de tekst is van de redactie, en dat staat "
        "onder de pagina.",
    )


# How often a page is checked, in months: the choices of a page's own interval and of the
# site's default per page type (reviews/).
REVIEW_MONTHS = [(3, "elke 3 maanden"), (6, "elke 6 maanden"), (12, "elk jaar")]
REVIEW_MONTHS += [(18, "elke 18 maanden"), (24, "elke 2 jaar"), (36, "elke 3 jaar")]


def page_tabs(*tabs):
    """The tabs of a page editor: the page type's own tabs, then "Promotie" and "Instellingen"
    (Wagtail's publishing panel: go-live and expiry dates; how often the page is checked), the
    same on every page type."""
    return TabbedInterface(
        [
            *tabs,
            ObjectList(BasePage.promote_panels, heading="Promotie"),
            ObjectList(BasePage.settings_panels, heading="Instellingen"),
        ]
    )


def findable_in_admin(fields):
    """`fields`, plus an AutocompleteField for every SearchField among them. Wagtail's admin
    page search uses autocomplete(), which only looks at AutocompleteFields (Page has the
    title); with these, an editor also finds a page by a word from its summary or body."""
    known = {(type(f), f.field_name) for f in fields}
    extra = [
        index.AutocompleteField(f.field_name)
        for f in fields
        if isinstance(f, index.SearchField)
        and (index.AutocompleteField, f.field_name) not in known
        and f.field_name != "title"
    ]
    return [*fields, *extra]


def marked(summary, by_editors, mark="uitleg van de redactie"):
    """`summary` with "(mark)" after it when it is the editors' own text."""
    if summary and by_editors:
        return f"{summary} ({mark})"
    return summary


class BasePage(Page):
    """Fields and behaviour every public page shares: a short summary used in listings, search
    results and the meta description; what the page shows from elsewhere, kept per content
    version; the query parameters its answer depends on."""

    summary = models.TextField(
        "Samenvatting",
        max_length=400,
        blank=True,
        help_text="Eén of twee korte zinnen. Staat in overzichten, zoekresultaten en bij Google.",
    )
    summary_by_editors = models.BooleanField(
        "De samenvatting is van de redactie",
        default=False,
        help_text="Aanvinken als de samenvatting jullie eigen uitleg is en niet de woorden van de "
        "bron. Bezoekers zien dan overal waar ze staat (overzichten, zoekresultaten, Google, "
        "feeds) dat ze van de redactie is.",
    )

    # What a visitor reads in search results above the title ("Rol", "Artikel", …).
    type_label = "Pagina"
    # The words after a summary that is the editors' own, wherever it is shown (issue 38).
    summary_mark = "uitleg van de redactie"
    # Public pages only answer reads; forms that post say so themselves (ArticlePage).
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]
    # The query parameters this page's answer depends on (a routable page: what its routes read
    # together). Every cache files the page under these only, and the page is shared by every
    # anonymous visitor (caching/middleware.py).
    query_params = ()
    # The StreamFields a page shows, rendered once per content version with what it shows from
    # elsewhere (the template reads `streams.body`): the same for every visitor, and their rich
    # text and blocks look up linked pages, documents, images and lists with queries of their
    # own. A page type with more streams names them all.
    rendered_streams = ("body",)

    search_fields = findable_in_admin([*Page.search_fields, index.SearchField("summary")])
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("show_in_menus"),
            ],
            heading="Voor zoekmachines en menu",
        )
    ]

    # When an editor last marked the page as checked (reviews/): kept outside the revisions,
    # as checking a page changes nothing in it.
    last_reviewed = models.DateField("Laatst gecontroleerd", null=True, blank=True, editable=False)
    review_interval = models.PositiveSmallIntegerField(
        "Controleren",
        null=True,
        blank=True,
        choices=REVIEW_MONTHS,
        help_text="Hoe vaak kijkt de redactie of deze pagina nog klopt? Leeg: zo vaak als de site "
        "voor dit soort pagina instelt (Instellingen → Controle van pagina's).",
    )
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel([FieldPanel("review_interval")], heading="Controle"),
    ]
    # A copy is a new page that nobody checked yet.
    exclude_fields_in_copy = ["last_reviewed"]

    class Meta:
        abstract = True

    def with_content_json(self, content):
        """Wagtail's page from a revision, keeping when the page was last checked: a revision
        holds what the page says, and reverting to one does not undo a check."""
        page = super().with_content_json(content)
        page.last_reviewed = self.last_reviewed
        return page

    @property
    def shown_dates(self):
        """(checked, updated) for the line below the page: the date an editor last checked it,
        and the date it was last published when that came after the check (or when nobody
        checked it yet); None where there is nothing to say."""
        published = self.last_published_at and timezone.localdate(self.last_published_at)
        if self.last_reviewed is None:
            return None, published
        if published and published > self.last_reviewed:
            return self.last_reviewed, published
        return self.last_reviewed, None

    @property
    def marked_summary(self):
        """The summary as text for elsewhere (meta and og descriptions, structured data): with
        the editors' mark when it is theirs, as every card shows it."""
        return marked(self.summary, self.summary_by_editors, self.summary_mark)

    @property
    def meta_description(self):
        return self.search_description or self.marked_summary

    def route(self, request, path_components):
        """Wagtail's routing, with the live children a page routes to kept per content version
        (a child changes only by publishing, unpublishing, moving or deleting, which all raise
        the version). Routable pages still try their own sub-routes first (RoutablePageMixin.route
        runs before this); anything not found here goes to Wagtail's own lookup."""
        if path_components:
            child = self.live_child(path_components[0])
            if child is not None:
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def live_child(self, slug):
        """The live child page with `slug`, as its specific page, or None."""
        if not self.pk or len(slug) > 200:
            return None

        def find():
            child = self.get_children().live().filter(slug=slug).first()
            return child.specific if child is not None else None

        # Shared by every request in this process, as Wagtail's routing leaves a page as it is.
        return cached_for_content(f"child:{self.pk}:{slug}", find)

    def get_view_restrictions(self):
        """Wagtail's privacy settings that apply to this page. Most pages lie in no private
        section: for them this is an empty QuerySet that needs no query (the private sections
        are known per content version); for the others it is Wagtail's own answer."""
        if self.alias_of_id is None and not in_private_section(self.path):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.from_elsewhere(request))
        return context

    def from_elsewhere(self, request):
        """`shown_from_elsewhere()` for this request: kept per content version, page and query
        (caching/data.py); built afresh for a preview, which shows a draft."""
        query = QueryDict(mutable=True)
        for name in self.query_params:
            query.setlist(name, request.GET.getlist(name))
        if getattr(request, "is_preview", False) or self.pk is None:
            return self.shown_from_elsewhere(query)
        name = f"page:{self.pk}?{query_key(query, self.query_params)}"
        return cached_for_content(name, lambda: self.shown_from_elsewhere(query))

    def shown_from_elsewhere(self, query):
        """What this page shows from other pages, snippets and comments, for the template. Built
        from the database and `query` (this page's own query parameters) only, so it can be kept
        until content changes; every request in a process reads the same objects, so nothing
        may change them. Page types add to what this returns; a value an address asks for that
        does not exist (a page of comments) raises Http404."""
        return {"breadcrumb": self.breadcrumb(), "streams": self.rendered_stream_fields()}

    def rendered_stream_fields(self):
        """{name: HTML} of the page's `rendered_streams` (rendered_part: nothing of the visitor
        gets in), passed through every MARK_TEXT_HOOK function (the glossary marks the first
        use of its terms)."""
        streams = {
            name: self.rendered_part("includes/stream.html", stream=getattr(self, name))
            for name in self.rendered_streams
            if getattr(self, name, None)
        }
        for mark in hooks.get_hooks(MARK_TEXT_HOOK):
            streams = mark(self, streams)
        return streams

    @staticmethod
    def rendered_part(template_name, **context):
        """A part of the page rendered from `context` alone — no request, no visitor, no user —
        for `shown_from_elsewhere()` to return: kept with the rest of it, so a list that many
        visitors see the same (role cards, the ladder's steps, the empty comment form) is rendered
        once per content version instead of on every request. What depends on the visitor (a posted
        form, a message, the menu's current item) stays in the page's own template."""
        html = render_to_string(template_name, context)
        if "<pre" in html or "<textarea" in html:
            return html  # where white space is part of the text
        # Without the templates' indentation and empty lines: a list of 40 role cards is a
        # sixth smaller, and HTML reads the same.
        lines = (line.strip() for line in html.splitlines())
        return mark_safe("\n".join(line for line in lines if line))  # noqa: S308 - escaped by Django

    def breadcrumb(self):
        """[{title, url}] of the live ancestors between the home page and this page."""
        if self.pk is None or self.depth <= 3:
            return []  # the home page, or directly below it: "Home" is the way back
        return [
            {"title": ancestor.title, "url": ancestor.url}
            for ancestor in self.get_ancestors()
            .filter(depth__gt=2)
            .live()
            .only("title", "url_path", "path", "depth", "slug")
        ]


class ContentPage(BasePage):
    """Any page of running text: "Hoe word ik ervaringsdeskundige?", privacy, toegankelijkheid."""

    in_short = models.TextField(
        "In het kort",
        blank=True,
        help_text="Een lange tekst uit een bron in een paar korte zinnen, in eenvoudige woorden "
        "(taalniveau B1). Staat boven de tekst, als samenvatting van de redactie.",
    )
    body = StreamField(BaseStreamBlock(), verbose_name="Inhoud", blank=True)
    source = models.CharField(
        "Bron",
        max_length=300,
        blank=True,
        help_text="Waar komt de tekst vandaan? Bijvoorbeeld de naam van de auteur of de website.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("summary_by_editors"),
        FieldPanel("in_short"),
        FieldPanel("body"),
        FieldPanel("source"),
    ]
    edit_handler = page_tabs(ObjectList(content_panels, heading="Inhoud"))
    search_fields = findable_in_admin([*BasePage.search_fields, index.SearchField("body")])

    parent_page_types = ["core.HomePage", "core.ContentPage"]
    subpage_types = ["core.ContentPage"]

    def shown_from_elsewhere(self, query):
        """A page with pages below it (‘Jouw situatie’) lists them: live and public only."""
        shown = super().shown_from_elsewhere(query)
        below = list(
            ContentPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .only("title", "summary", "summary_by_editors", "url_path", "path", "depth", "slug")
        )
        if below:
            shown["pages_below"] = self.rendered_part("core/includes/pages_below.html", pages=below)
        return shown

    class Meta:
        verbose_name = "tekstpagina"
        verbose_name_plural = "tekstpagina's"
