"""Admin for articles: authors in "Indeling", a flat listing of articles with their reads, and
the articles' tags. The comments' admin is the comments app's own."""

from django.db.models import Value
from django.db.models.functions import Coalesce
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.models import ArticlePage, Author
from articles.tags import MergeTagsBulkAction, TagViewSet
from core.admin_access import PageEditorsMenuItem
from core.admin_menu import INDELING_MENU_HOOK


class AuthorChooserViewSet(SnippetChooserViewSet):
    """The author chooser in the article editor: search by name, or add a new author right
    there (name and biography; a photo can follow on the author's own page)."""

    form_fields = ["name", "bio"]
    create_action_label = "Auteur toevoegen"
    create_action_clicked_label = "Bezig met toevoegen…"
    creation_tab_label = "Nieuwe auteur"


class AuthorViewSet(SnippetViewSet):
    model = Author
    chooser_viewset_class = AuthorChooserViewSet
    icon = "user"
    menu_hook = INDELING_MENU_HOOK
    menu_order = 60
    list_display = ["name"]
    search_fields = ["name", "bio"]


register_snippet(AuthorViewSet)


class ArticleIndexView(IndexView):
    """The flat list of articles, with how often each was read on this site."""

    def annotate_queryset(self, pages):
        return (
            super().annotate_queryset(pages).annotate(read_count=Coalesce("reads__count", Value(0)))
        )


class ArticlePageListingViewSet(PageListingViewSet):
    """All articles in one list, newest first, with their read counts (ArticleReads)."""

    model = ArticlePage
    index_view_class = ArticleIndexView
    icon = "doc-full"
    menu_label = "Artikelen"
    menu_item_class = PageEditorsMenuItem
    menu_order = 215
    add_to_admin_menu = True
    columns = [
        *PageListingViewSet.columns,
        Column("read_count", label="Keer gelezen", sort_key="read_count"),
    ]


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticlePageListingViewSet("artikelen")


# The articles' tags ("Onderwerpen"): rename, merge, delete.
register_snippet(TagViewSet)
hooks.register("register_bulk_action", MergeTagsBulkAction)
