"""Articles, their authors and tags, and the reader comments moderators approve."""

import math
from datetime import timedelta
from http import HTTPMethod

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.db.models import Count, F, Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles.feeds import FEED_SIZE, AtomFeed, RssFeed
from articles.reads import count_read
from caching.data import cached_for_content
from caching.declaration import reads_query
from comments.forms import CommentForm
from comments.models import COMMENTS_PARAM, Comment
from comments.views import comments_page, post_comment
from core.blocks import BaseStreamBlock
from core.models import BasePage, findable_in_admin, page_tabs
from core.navigation import chrome_for_site
from core.privacy import in_private_section, public
from core.query_params import number_param
from roles.models import get_catalogue

WORDS_PER_MINUTE = 200
# Articles newest first: by the text's date; texts without one (the source gives none) after
# those, by when they came online here.
NEWEST_FIRST = (F("date").desc(nulls_last=True), "-first_published_at", "-pk")


class Author(index.Indexed, models.Model):
    """Someone who wrote an article, with a short biography. Indexed, so the author chooser
    in the article editor can search by name."""

    name = models.CharField("Naam", max_length=120, unique=True)
    bio = models.TextField("Korte biografie", blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Foto",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        "Alt-tekst van de foto",
        max_length=250,
        blank=True,
        help_text="Verplicht als er een foto is. Beschrijf wat er op de foto staat.",
    )

    panels = [FieldPanel("name"), FieldPanel("bio"), FieldPanel("photo"), FieldPanel("photo_alt")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("bio"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "auteur"
        verbose_name_plural = "auteurs"

    def __str__(self):
        return self.name

    def clean(self):
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": "Vul een alt-tekst in voor de foto."})


class ArticleTag(TaggedItemBase):
    """The tags of an article."""

    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


def listing_images():
    """Prefetch for the articles' listing images with their renditions: an overview asks the
    same number of queries however many articles have an image."""
    return Prefetch("listing_image", queryset=get_image_model().objects.prefetch_renditions())


class ArticleIndexPage(RoutablePageMixin, BasePage):
    """ "Artikelen": newest first, paginated, filterable by tag, with RSS and Atom feeds."""

    intro = models.TextField("Introductie", blank=True)
    page_size = 10

    type_label = "Overzicht"
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("summary"),
        FieldPanel("summary_by_editors"),
    ]
    edit_handler = page_tabs(ObjectList(content_panels, heading="Inhoud"))
    search_fields = findable_in_admin([*BasePage.search_fields, index.SearchField("intro")])

    parent_page_types = ["core.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = "overzicht van artikelen"

    query_params = ("page",)

    def articles(self):
        """Live articles, newest first, with what a listing shows, in a fixed number of queries."""
        return (
            public(ArticlePage.objects.child_of(self).live())
            .defer_streamfields()
            .annotate(
                approved_comment_count=Count(
                    "comments", filter=Q(comments__status=Comment.Status.APPROVED)
                )
            )
            .prefetch_related(
                Prefetch("author_links", queryset=ArticleAuthor.objects.select_related("author")),
                "tags",
                listing_images(),
            )
            .order_by(*NEWEST_FIRST)
        )

    def shown_from_elsewhere(self, query):
        """The tags in use: [{name, slug, pk, url}] of the tags on live articles here."""
        # Only tags on articles every visitor may read: a tag whose articles are all in a
        # private section has no chip and no page.
        shown = public(ArticlePage.objects.child_of(self).live()).values("pk")
        tags = (
            Tag.objects.filter(articles_articletag_items__content_object__in=shown)
            .distinct()
            .order_by("name")
        )
        return {
            **super().shown_from_elsewhere(query),
            "tags": [
                {"name": t.name, "slug": t.slug, "pk": t.pk, "url": self.tag_url(t.slug)}
                for t in tags
            ],
        }

    def tag_url(self, slug):
        return self.url + self.reverse_subpage("tag_view", args=[slug])

    def listing(self, query, tag=None):
        """One page of the listing (all articles, or those with `tag`) with its pagination,
        rendered: the same for every visitor, kept per content version. A page number that does
        not exist is a 404, and is not kept."""
        number = number_param(query, "page")
        number = 1 if number is None else number

        def build():
            articles = self.articles()
            if tag is not None:
                articles = articles.filter(tags__pk=tag["pk"])
            try:
                page = Paginator(articles, self.page_size).page(number)
            except InvalidPage:
                return None
            return self.rendered_part("articles/includes/article_list.html", articles=page, tag=tag)

        name = f"articles:{self.pk}:{tag['slug'] if tag else ''}:{number}"
        found = cached_for_content(name, build) if self.pk else build()
        if found is None:
            raise Http404("Deze pagina bestaat niet.")
        return found

    def listing_response(self, request, tag=None):
        return self.render(
            request,
            context_overrides={
                "listing": self.listing(request.GET, tag),
                "tag": tag,
                "subpage_title": f"Over {tag['name']}" if tag else None,
            },
        )

    def feed_items(self):
        """The newest articles for the feeds, kept per content version."""
        return cached_for_content(
            f"article-feed:{self.pk}", lambda: list(self.articles()[:FEED_SIZE])
        )

    @path("")
    def index_view(self, request):
        return self.listing_response(request)

    @path("tag/<slug:tag>/")
    def tag_view(self, request, tag):
        found = [used for used in self.from_elsewhere(request)["tags"] if used["slug"] == tag]
        if not found:
            raise Http404("Dit onderwerp bestaat niet.")
        return self.listing_response(request, tag=found[0])

    @path("feed/rss/")
    @reads_query()
    def rss_view(self, request):
        return RssFeed(self)(request)

    @path("feed/atom/")
    @reads_query()
    def atom_view(self, request):
        return AtomFeed(self)(request)


class ArticlePage(RoutablePageMixin, BasePage):
    """An article with author(s), tags, reading time, view count and reader comments."""

    intro = models.TextField("Introductie", help_text="De eerste zinnen, ook in overzichten.")
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Afbeelding in overzichten",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Staat bij het artikel in overzichten en wordt getoond als iemand de link "
        "deelt (bijvoorbeeld in WhatsApp of op LinkedIn).",
    )
    listing_image_alt = models.CharField(
        "Alt-tekst van de afbeelding",
        max_length=250,
        blank=True,
        help_text="Verplicht bij een afbeelding: wat staat erop? Voor wie de afbeelding niet "
        "kan zien.",
    )
    in_short = models.TextField(
        "In het kort",
        blank=True,
        help_text="Een lange tekst uit een bron in een paar korte zinnen, in eenvoudige woorden "
        "(taalniveau B1). Staat boven de tekst, als samenvatting van de redactie.",
    )
    date = models.DateField(
        "Datum van de tekst",
        null=True,
        blank=True,
        default=timezone.localdate,
        help_text="Wanneer de tekst verscheen. Laat leeg als de bron geen datum noemt: dan "
        "staat er geen datum bij.",
    )
    body = StreamField(BaseStreamBlock(), verbose_name="Inhoud")
    tags = ClusterTaggableManager(
        through=ArticleTag,
        blank=True,
        verbose_name="Onderwerpen",
        help_text="Onderwerpen die een bezoeker helpen, zoals ggz, sociaal domein, "
        "vrijwilligerswerk.",
    )
    source = models.CharField("Bron", max_length=300, blank=True)
    comments_closed = models.BooleanField(
        "Reacties gesloten",
        default=False,
        help_text="Aanvinken om geen nieuwe reacties meer toe te laten.",
    )
    reading_minutes = models.PositiveSmallIntegerField(
        "Leestijd in minuten", default=1, editable=False
    )
    source_view_count = models.PositiveIntegerField(
        "Gelezen op de oorspronkelijke site",
        null=True,
        blank=True,
        help_text="Alleen als de bron zegt hoe vaak het artikel daar gelezen is. Dit getal "
        "telt niet verder; hoe vaak het hier gelezen is, telt de site zelf.",
    )

    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]
    type_label = "Artikel"
    summary_mark = "samenvatting van de redactie"
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("in_short"),
        FieldPanel("date"),
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_image_alt")],
            heading="Afbeelding",
        ),
        MultipleChooserPanel(
            "author_links", chooser_field_name="author", label="auteur", heading="Auteurs"
        ),
        FieldPanel("body"),
    ]
    meta_panels = [
        FieldPanel("tags"),
        MultipleChooserPanel(
            "related_role_links",
            chooser_field_name="role",
            label="rol",
            heading="Rollen waar dit artikel over gaat",
        ),
        FieldPanel("source"),
        FieldPanel("source_view_count"),
        FieldPanel("comments_closed"),
        FieldPanel("summary"),
        FieldPanel("summary_by_editors"),
    ]
    edit_handler = page_tabs(
        ObjectList(content_panels, heading="Inhoud"),
        ObjectList(meta_panels, heading="Onderwerpen en reacties"),
    )
    search_fields = findable_in_admin(
        [
            *BasePage.search_fields,
            index.SearchField("intro"),
            index.SearchField("body"),
            index.FilterField("date"),
        ]
    )

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "artikel"
        verbose_name_plural = "artikelen"

    # The page of comments.
    query_params = (COMMENTS_PARAM,)

    @property
    def meta_description(self):
        return self.search_description or self.marked_summary or self.intro

    @staticmethod
    def listing_image_prefetch():
        return listing_images()

    @property
    def excerpt(self):
        """What an overview shows of the article: the summary, or else the intro."""
        return self.summary or self.intro

    @property
    def excerpt_by_editors(self):
        """Whether the excerpt is the editors' own words (their summary), not the author's."""
        return bool(self.summary) and self.summary_by_editors

    def clean(self):
        super().clean()
        if self.listing_image_id and not self.listing_image_alt.strip():
            raise ValidationError(
                {"listing_image_alt": "Vul een alt-tekst in: wat staat er op de afbeelding?"}
            )

    def save(self, *args, **kwargs):
        words = len(strip_tags(f"{self.intro} {self.body_text}").split())
        self.reading_minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
        super().save(*args, **kwargs)

    @property
    def body_text(self):
        parts = []
        for block in self.body:
            value = block.value
            if hasattr(value, "source"):
                parts.append(value.source)
            elif isinstance(value, dict) or hasattr(value, "items"):
                parts.extend(str(v) for v in dict(value).values() if isinstance(v, str))
            else:
                parts.append(str(value))
        return " ".join(parts)

    @cached_property
    def comments_open(self):
        if self.comments_closed:
            return False
        days = settings.ERVARING["COMMENTS_CLOSE_AFTER_DAYS"]
        if not days:
            return True
        # Counted from when the article went online here; `date` may be years older (an
        # article first published elsewhere).
        if self.first_published_at is None:
            return True  # not online yet: a preview
        return timezone.now() <= self.first_published_at + timedelta(days=days)

    def shown_from_elsewhere(self, query):
        """Authors, tags, related roles and a page of approved comments (`?reacties=`)."""
        catalogue = get_catalogue()
        # The index this article stands in (the page tree allows no other parent).
        index = ArticleIndexPage.objects.parent_of(self).live().first() if self.path else None
        tags = list(self.tags.all())
        if index and index.url and tags and in_private_section(self.path):
            # A private article's tags link only where a tag page exists: the tags that public
            # articles carry too.
            public_slugs = set(
                Tag.objects.filter(
                    articles_articletag_items__content_object__in=public(
                        ArticlePage.objects.child_of(index).live()
                    ).values("pk")
                ).values_list("slug", flat=True)
            )
        else:
            public_slugs = None
        return {
            **super().shown_from_elsewhere(query),
            **comments_page(self, query),
            "authors": [
                link.author for link in self.author_links.select_related("author", "author__photo")
            ],
            "article_tags": [
                {
                    "name": tag.name,
                    "url": index.tag_url(tag.slug)
                    if index and index.url and (public_slugs is None or tag.slug in public_slugs)
                    else "",
                }
                for tag in tags
            ],
            # The empty comment form (the same for every visitor), or none when comments are
            # closed; a posted form with what went wrong is rendered in the page instead
            # (post_comment).
            "comment_form": self.rendered_part(
                "comments/includes/form.html",
                page=self,
                form=CommentForm(),
                chrome=chrome_for_site(self.get_site()),
            )
            if self.comments_open
            else "",
            # Live, public roles only: the catalogue holds no others.
            "related_roles": [
                catalogue.roles_by_id[link.role_id]
                for link in self.related_role_links.all()
                if link.role_id in catalogue.roles_by_id
            ],
        }

    @path("")
    def article_view(self, request):
        if request.method == "POST":
            return post_comment(request, self)
        return self.render(request)

    @path("gelezen/")
    def count_view(self, request):
        """The tiny image at the end of an article: loading it counts one read. Cached pages
        still count (the image itself is never cached), previews and bots do not."""
        return count_read(request, self.pk)


class ArticleAuthor(Orderable):
    """One author of an article, in order."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey(
        Author, on_delete=models.CASCADE, related_name="article_links", verbose_name="Auteur"
    )

    panels = [FieldPanel("author")]


class ArticleRelatedRole(Orderable):
    """A role an article is about."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_role_links")
    role = models.ForeignKey(
        "roles.RolePage", on_delete=models.CASCADE, related_name="article_links", verbose_name="Rol"
    )

    panels = [FieldPanel("role")]
