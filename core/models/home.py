"""The home page: the way in. It shows roles, the ladder and articles: the one place where the
core names feature apps (by app label, so `ervaring` imports none of them; docs/architecture.md,
"Ties between apps")."""

from django.apps import apps
from django.db import models
from django.db.models import F
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models.pages import (
    BasePage,
    ContentPage,
    findable_in_admin,
    page_tabs,
    source_field,
)


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
    source = source_field()

    type_label = "Startpagina"

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("summary"),
        FieldPanel("summary_by_editors"),
        FieldPanel("body"),
        FieldPanel("source"),
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
        "core.ContentPage",
        "roles.RoleIndexPage",
        "roles.LadderPage",
        "organisations.EmployerIndexPage",
        "articles.ArticleIndexPage",
        "glossary.GlossaryPage",
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
        roles_section = sections.get("roleindexpage")
        # The keuzehulp ("Welke rol past bij mij?") is a sub-route of the role index.
        keuzehulp_url = roles_section.specific.keuzehulp_url if roles_section else ""
        chosen = [link.role_id for link in self.featured_roles.all()]
        found = public_roles.in_bulk(chosen) if chosen else {}
        featured = [found[pk] for pk in chosen if pk in found]
        if not featured:
            featured = list(public_roles.descendant_of(self).order_by("title")[:6])
        content_pages = list(
            ContentPage.objects.child_of(self).live().public().in_menu().defer_streamfields()
        )
        shown = {
            **super().shown_from_elsewhere(query),
            "sections": sections,
            "keuzehulp_url": keuzehulp_url,
            "content_pages": content_pages,
            "ways_in": ways_in(content_pages),
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
        # The same for every visitor: rendered once per content version.
        shown["home_links"] = self.rendered_part("core/includes/home_links.html", **shown)
        shown["home_lists"] = self.rendered_part("core/includes/home_lists.html", **shown)
        return shown


def ways_in(content_pages):
    """The menu's text pages that have pages below them (‘Jouw situatie’), each with those
    pages: [(page, [pages below])], in one query."""
    if not content_pages:
        return []
    below = {}
    pages = (
        ContentPage.objects.live()
        .public()
        .filter(depth=content_pages[0].depth + 1)
        .filter(path__startswith=content_pages[0].path[: -Page.steplen])
        .defer_streamfields()
        .only("title", "summary", "summary_by_editors", "url_path", "path", "depth", "slug")
        .order_by("path")
    )
    for page in pages:
        below.setdefault(page.path[: -Page.steplen], []).append(page)
    return [(page, below[page.path]) for page in content_pages if page.path in below]


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
