"""Admin for articles: authors in "Indeling", and "Reacties", the moderation queue."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelChoiceFilter
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from articles.models import ArticlePage, Author, Comment
from articles.moderation import MODERATE_PERMISSION, moderate_comments, pending_count
from ervaring.wagtail_hooks import INDELING_MENU_HOOK, PageEditorsMenuItem


class AuthorViewSet(SnippetViewSet):
    model = Author
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


class CommentFilterSet(WagtailFilterSet):
    status = ChoiceFilter(
        label="Status", choices=Comment.Status.choices, empty_label="Alle statussen"
    )
    article = ModelChoiceFilter(
        label="Artikel",
        queryset=ArticlePage.objects.order_by("title"),
        empty_label="Alle artikelen",
    )
    created_at = DateFromToRangeFilter(label="Geplaatst tussen", widget=DateRangePickerWidget)

    class Meta:
        model = Comment
        fields = ["status", "article", "created_at"]


class CommentEditView(EditView):
    """Changing the status in the edit form records who did it and when."""

    def save_instance(self, *args, **kwargs):
        changed = "status" in self.form.changed_data
        instance = super().save_instance(*args, **kwargs)
        if changed:
            instance.moderate(instance.status, self.request.user)
        return instance


class CommentsMenuItem(MenuItem):
    """ "Reacties" in the menu, with how many wait for a moderator."""

    def is_shown(self, request):
        return request.user.has_perm(MODERATE_PERMISSION)

    def render_component(self, request):
        waiting = pending_count()
        label = f"Reacties ({waiting} nieuw)" if waiting else "Reacties"
        return LinkMenuItemComponent(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            attrs={"data-pending-comments": str(waiting)},
        )


class CommentViewSet(SnippetViewSet):
    """The moderation queue: filters, search, bulk actions and one comment with its article."""

    model = Comment
    icon = "comment"
    menu_label = "Reacties"
    menu_item_class = CommentsMenuItem
    menu_order = 220
    add_to_admin_menu = True
    url_prefix = "reacties"
    edit_view_class = CommentEditView
    filterset_class = CommentFilterSet
    search_fields = ["name", "email", "body"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "article",
        "name",
        "email",
        "body",
        "status",
        "created_at",
        "moderated_by",
        "moderated_at",
    ]
    list_per_page = 50
    panels = [
        FieldPanel("status", widget=forms.RadioSelect),
        FieldPanel("article", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("body", read_only=True),
    ]

    @property
    def list_display(self):
        return [
            "excerpt",  # the first column links to the comment
            Column("name", label="Naam"),
            Column("article", label="Artikel"),
            Column("status", label="Status", accessor="get_status_display"),
            DateColumn("created_at", label="Geplaatst"),
        ]


register_snippet(CommentViewSet)


class ModerateBulkAction(SnippetBulkAction):
    """Approve, reject or mark as spam many comments at once."""

    models = [Comment]
    status = None
    template_name = "articles/admin/confirm_bulk_moderate.html"

    def check_perm(self, obj):
        return self.request.user.has_perm(MODERATE_PERMISSION)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(MODERATE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return moderate_comments(list(objects), cls.status, user), 0

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        context["confirm_label"] = f"Ja, {self.display_name.lower()}"
        return context

    def get_success_message(self, num_parent_objects, num_child_objects):
        if num_parent_objects == 1:
            return f"1 reactie: {self.done_label}."
        return f"{num_parent_objects} reacties: {self.done_label}."


@hooks.register("register_bulk_action")
class ApproveBulkAction(ModerateBulkAction):
    display_name = "Goedkeuren"
    done_label = "goedgekeurd"
    action_type = "approve"
    aria_label = "Gekozen reacties goedkeuren"
    action_priority = 10
    status = Comment.Status.APPROVED


@hooks.register("register_bulk_action")
class RejectBulkAction(ModerateBulkAction):
    display_name = "Afwijzen"
    done_label = "afgewezen"
    action_type = "reject"
    aria_label = "Gekozen reacties afwijzen"
    action_priority = 20
    status = Comment.Status.REJECTED


@hooks.register("register_bulk_action")
class SpamBulkAction(ModerateBulkAction):
    display_name = "Markeren als spam"
    done_label = "gemarkeerd als spam"
    action_type = "spam"
    aria_label = "Gekozen reacties markeren als spam"
    action_priority = 25
    status = Comment.Status.SPAM


@hooks.register("register_bulk_action")
class EraseBulkAction(ModerateBulkAction):
    """On a reader's request: remove name and e-mail address, keep the text."""

    display_name = "Persoonsgegevens wissen"
    done_label = "naam en e-mailadres gewist"
    action_type = "erase"
    aria_label = "Naam en e-mailadres van de gekozen reacties wissen"
    action_priority = 40

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for comment in objects:
            comment.erase_personal_data()
        return len(objects), 0


class PendingCommentsPanel(Component):
    """On the dashboard: how many comments wait, with a link to them."""

    name = "pending_comments"
    order = 50
    template_name = "articles/admin/pending_comments_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {
            "count": self.count,
            "url": reverse("wagtailsnippets_articles_comment:list") + "?status=pending",
        }


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if request.user.has_perm(MODERATE_PERMISSION):
        panels.append(PendingCommentsPanel(pending_count()))
