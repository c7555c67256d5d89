"""Site-wide page types (home, content pages), site settings and the content loader's ledger."""

from http import HTTPMethod

from django.apps import apps
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from ervaring.blocks import BaseStreamBlock
from ervaring.cache import cached_for_content


class BasePage(Page):
    """Fields and behaviour every public page shares: a short summary used in listings, search
    results and the meta description."""

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

    search_fields = [*Page.search_fields, index.SearchField("summary")]
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

    def get_view_restrictions(self):
        """The privacy settings on this page and its ancestors. All restrictions of the site are
        few and kept until content changes (saving one raises the content version); the
        ancestors' paths follow from this page's own path. (Wagtail first loads the ancestors to
        resolve aliases; we only need that when this page is an alias itself.)"""
        if self.alias_of_id:
            return super().get_view_restrictions()
        paths = {self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)}
        restrictions = cached_for_content(
            "view-restrictions", lambda: list(PageViewRestriction.objects.select_related("page"))
        )
        return [restriction for restriction in restrictions if restriction.page.path in paths]


class ContentPage(BasePage):
    """Any page of running text: "Hoe word ik ervaringsdeskundige?", privacy, toegankelijkheid."""

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
        FieldPanel("body"),
        FieldPanel("source"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["ervaring.HomePage", "ervaring.ContentPage"]
    subpage_types = ["ervaring.ContentPage"]

    class Meta:
        verbose_name = "Tekstpagina"
        verbose_name_plural = "Tekstpagina's"


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
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

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
        verbose_name = "Startpagina"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            context.update(self.sections_context())
        else:
            context.update(cached_for_content(f"home:{self.pk}", self.sections_context))
        return context

    def sections_context(self):
        """Everything the home page shows from other pages, as one cacheable dict."""
        # ervaring imports no app; the sections are looked up by name.
        role_page = apps.get_model("roles", "RolePage")
        ladder_step = apps.get_model("roles", "LadderStep")
        article_page = apps.get_model("articles", "ArticlePage")
        sections = {
            page.content_type.model: page
            for page in self.get_children().live().select_related("content_type")
        }
        featured = [
            link.role for link in self.featured_roles.select_related("role") if link.role.live
        ]
        if not featured:
            featured = list(
                role_page.objects.live()
                .descendant_of(self)
                .defer_streamfields()
                .order_by("title")[:6]
            )
        return {
            "sections": sections,
            "content_pages": list(
                ContentPage.objects.child_of(self).live().in_menu().defer_streamfields()
            ),
            "ladder_steps": list(ladder_step.objects.only("id", "number", "name")),
            "featured_roles": featured,
            "latest_articles": list(
                article_page.objects.live()
                .descendant_of(self)
                .defer_streamfields()
                .order_by("-date", "-pk")[:3]
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
        verbose_name = "Uitgelichte rol"
        verbose_name_plural = "Uitgelichte rollen"


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
        verbose_name = "Instellingen van de site"


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
