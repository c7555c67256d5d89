"""Site-wide page types (home, content pages), site settings and the content loader's ledger."""

from http import HTTPMethod

from django.apps import apps
from django.db import models
from django.db.models import F
from django.http import QueryDict
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from ervaring.blocks import BaseStreamBlock
from ervaring.caching.data import cached_for_content
from ervaring.caching.pages import query_key
from ervaring.privacy import in_private_section


def page_tabs(*tabs):
    """The tabs of a page editor: the page type's own tabs, then "Promotie" and "Instellingen"
    (Wagtail's publishing panel: go-live and expiry dates), the same on every page type."""
    return TabbedInterface(
        [
            *tabs,
            ObjectList(BasePage.promote_panels, heading="Promotie"),
            ObjectList(Page.settings_panels, heading="Instellingen"),
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

    # What a visitor reads in search results above the title ("Rol", "Artikel", …).
    type_label = "Pagina"
    # Public pages only answer reads; forms that post say so themselves (ArticlePage).
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]
    # The query parameters this page's answer depends on (a routable page: what its routes read
    # together). Every cache files the page under these only, and the page is shared by every
    # anonymous visitor (ervaring/caching/pages.py).
    query_params = ()

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

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.summary

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
        (ervaring/caching/data.py); built afresh for a preview, which shows a draft."""
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
        return {"breadcrumb": self.breadcrumb()}

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
        FieldPanel("in_short"),
        FieldPanel("body"),
        FieldPanel("source"),
    ]
    edit_handler = page_tabs(ObjectList(content_panels, heading="Inhoud"))
    search_fields = findable_in_admin([*BasePage.search_fields, index.SearchField("body")])

    parent_page_types = ["ervaring.HomePage", "ervaring.ContentPage"]
    subpage_types = ["ervaring.ContentPage"]

    class Meta:
        verbose_name = "tekstpagina"
        verbose_name_plural = "tekstpagina's"


class HomePage(BasePage):
    """The way in: what ervaringsdeskundigheid is, the ladder, featured roles, latest articles."""

    intro = models.TextField(
        "Introductie",
        max_length=600,
        help_text="De eerste zinnen die een bezoeker leest. Kort en duidelijk.",
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name="Wat is ervaringsdeskundigheid?",
        blank=True,
        help_text="Korte uitleg onder de introductie.",
    )

    type_label = "Startpagina"

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel(
            "featured_roles",
            label="Uitgelichte rollen",
            heading="Uitgelichte rollen",
            help_text="Rollen die op de startpagina staan. Laat leeg voor de eerste zes.",
            max_num=6,
        ),
    ]
    edit_handler = page_tabs(ObjectList(content_panels, heading="Inhoud"))
    search_fields = findable_in_admin([*BasePage.search_fields, index.SearchField("intro")])

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "ervaring.ContentPage",
        "roles.RoleIndexPage",
        "roles.LadderPage",
        "organisations.EmployerIndexPage",
        "articles.ArticleIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "startpagina"

    def shown_from_elsewhere(self, query):
        """The sections, the ladder, featured roles and the latest articles. Only live, public
        pages: nothing from a private section shows here."""
        # ervaring imports no app; the sections are looked up by name.
        role_page = apps.get_model("roles", "RolePage")
        ladder_step = apps.get_model("roles", "LadderStep")
        article_page = apps.get_model("articles", "ArticlePage")
        public_roles = role_page.objects.live().public().defer_streamfields()
        sections = {
            page.content_type.model: page
            for page in self.get_children().live().public().select_related("content_type")
        }
        chosen = [link.role_id for link in self.featured_roles.all()]
        found = public_roles.in_bulk(chosen) if chosen else {}
        featured = [found[pk] for pk in chosen if pk in found]
        if not featured:
            featured = list(public_roles.descendant_of(self).order_by("title")[:6])
        return {
            **super().shown_from_elsewhere(query),
            "sections": sections,
            "content_pages": list(
                ContentPage.objects.child_of(self).live().public().in_menu().defer_streamfields()
            ),
            "ladder_steps": list(ladder_step.objects.only("id", "number", "name")),
            "featured_roles": featured,
            "latest_articles": list(
                article_page.objects.live()
                .public()
                .descendant_of(self)
                .defer_streamfields()
                .prefetch_related(article_page.listing_image_prefetch())
                .order_by(F("date").desc(nulls_last=True), "-first_published_at", "-pk")[:3]
            ),
        }


class HomeFeaturedRole(Orderable):
    """A role an editor puts on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_roles")
    role = models.ForeignKey(
        "roles.RolePage", on_delete=models.CASCADE, related_name="+", verbose_name="Rol"
    )

    panels = [FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "uitgelichte rol"
        verbose_name_plural = "uitgelichte rollen"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Texts and links in the header and footer of every page."""

    tagline = models.CharField(
        "Ondertitel",
        max_length=150,
        blank=True,
        default="Werken met je ervaring",
        help_text="Staat onder de naam van de site.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Privacypagina",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Toegankelijkheidsverklaring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(
        "E-mailadres voor contact",
        blank=True,
        help_text="Staat onderaan elke pagina als ‘Contact’. Bezoekers mailen hierheen, "
        "bijvoorbeeld om hun reactie te laten wissen.",
    )

    panels = [
        FieldPanel("tagline"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = "instellingen van de site"


class LoadedContent(models.Model):
    """The content loader's ledger: which fixture record made which object, and what that object
    looked like right after loading, so a second run can tell an editor's change from its own."""

    key = models.CharField(max_length=200, unique=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    digest = models.CharField(
        max_length=64, help_text="Hash of the fixture record the object was loaded from."
    )
    state = models.CharField(
        max_length=64,
        help_text="Latest revision (pages) or hash of the fields (snippets) after loading.",
    )
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "geladen inhoud"
        verbose_name_plural = "geladen inhoud"

    def __str__(self):
        return self.key


class RateCount(models.Model):
    """The recent claims of one key (a keyed hash of a visitor's network or of an account's
    address, never the address itself) for one limit: ervaring/ratelimit.py."""

    key = models.CharField(max_length=64, unique=True)
    moments = models.TextField(default="", blank=True)
    version = models.PositiveBigIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "teller"
        verbose_name_plural = "tellers"

    def __str__(self):
        return f"{len(self.moments.split())} recente keren"
