"""The moderators' admin: "Reacties", one queue with filters, search and counts; approve,
reject or mark as spam in one click from a row or from the comment's own page, or many at once;
a reply as the editorial team; each step in the comment's history; a badge in the menu and a
panel on the dashboard for what waits. Registered in comments/wagtail_hooks.py."""

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelChoiceFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component, MediaContainer
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.log_actions import LogFormatter, log
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import EditView, InspectView, SnippetViewSet

from caching.invalidation import forget_everything_cached
from comments.models import Comment
from comments.moderation import (
    MODERATE_PERMISSION,
    QUEUE_FILTER,
    WAITING,
    moderate,
    pending_count,
    queue_url,
)
from comments.notifications import send_due

# The statuses a moderator gives with one click, in the order of the buttons.
ONE_CLICK = [
    (Comment.Status.APPROVED, "Goedkeuren", "goedgekeurd"),
    (Comment.Status.REJECTED, "Afwijzen", "afgewezen"),
    (Comment.Status.SPAM, "Spam", "gemarkeerd als spam"),
]
DONE = {status: done for status, _, done in ONE_CLICK} | {
    Comment.Status.PENDING: "teruggezet naar ‘wacht op beoordeling’",
    Comment.Status.HELD: "tegengehouden",
}


def local_time(value, short=False):
    """A moment as people here read it: in Europe/Amsterdam, in Dutch."""
    if not value:
        return "–"
    return date_format(timezone.localtime(value), "j-n-Y, H:i" if short else "j F Y, H:i")


def safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return fallback


class CommentFilterSet(WagtailFilterSet):
    status = ChoiceFilter(
        label="Status",
        choices=[
            (QUEUE_FILTER, "Wacht op een moderator (ook tegengehouden)"),
            *Comment.Status.choices,
        ],
        empty_label="Alle statussen",
        method="filter_status",
    )
    article = ModelChoiceFilter(
        label="Artikel",
        queryset=lambda request: (
            Comment._meta.get_field("article")
            .related_model.objects.order_by("title")
            .only("id", "title")
        ),
        empty_label="Alle artikelen",
    )
    created_at = DateFromToRangeFilter(label="Geplaatst tussen", widget=DateRangePickerWidget)

    class Meta:
        model = Comment
        fields = ["status", "article", "created_at"]

    def filter_status(self, queryset, name, value):
        if value == QUEUE_FILTER:
            return queryset.filter(status__in=WAITING)
        return queryset.filter(status=value)


class ModerateColumn(Column):
    """One-click buttons in a row of the queue (approve, reject, spam), and where an approved
    comment stands on the site."""

    cell_template_name = "comments/admin/moderate_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context["choices"] = [
            (status, label, reverse(MODERATE_URL_NAME, args=[instance.pk, status]))
            for status, label, _ in ONE_CLICK
            if status != instance.status
        ]
        context["next"] = request.get_full_path()
        # A cell renders without the request's context processors: the forms need the token.
        context["csrf_token"] = get_token(request)
        context["comment"] = instance
        context["public_url"] = instance.public_url()
        return context


class CommentEditView(EditView):
    """The comment's status and the editors' reply. A new status goes through the one way to
    moderate (who, when, history); the listing comes back with its filters."""

    def get_success_message(self):
        return "De reactie is bijgewerkt."

    def get_side_panels(self):
        """Without Wagtail's status panel: for a model without drafts it says "Live", also for a
        comment that waits. The comment's real status is on its page and in the form."""
        return MediaContainer(
            [panel for panel in super().get_side_panels() if panel.name != "status"]
        )

    def get_success_url(self):
        return safe_next(self.request, super().get_success_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = context.get("action_url", self.request.path)
        next_url = safe_next(self.request, "")
        if next_url:
            context["action_url"] = f"{self.request.path}?next={next_url}"
        return context

    def save_instance(self):
        instance = self.form.instance
        new_status = self.form.cleaned_data["status"]
        old = Comment.objects.get(pk=instance.pk)
        instance.status = old.status  # the status changes below, the one way
        replied = self.form.cleaned_data.get("reply", "") != old.reply
        if replied:
            instance.replied_at = timezone.now() if self.form.cleaned_data.get("reply") else None
            instance.replied_by = self.request.user if instance.replied_at else None
        instance = super().save_instance()
        moderate([instance], new_status, self.request.user)
        if replied:
            log(
                instance=instance,
                action=REPLY_ADDED if instance.replied_at else REPLY_REMOVED,
                user=self.request.user,
                uuid=uuid.uuid4(),
            )
        if replied and instance.replied_at and instance.notify:
            send_due.enqueue(instance.pk)
        return instance


class CommentInspectView(InspectView):
    """One comment with its article, in local time, with the one-click buttons and where it
    stands on the site."""

    template_name = "comments/admin/inspect.html"

    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name, None)
        if field_name in ("created_at", "moderated_at", "replied_at"):
            if field_name == "created_at" and not self.object.date_known:
                return "onbekend (overgenomen uit de bron)"
            return local_time(value) if value else "nog niet"
        if value is None or value == "":
            return "—"  # not Python's "None"
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["choices"] = [
            (status, label, reverse(MODERATE_URL_NAME, args=[self.object.pk, status]))
            for status, label, _ in ONE_CLICK
            if status != self.object.status
        ]
        context["public_url"] = self.object.public_url()
        context["next"] = self.request.get_full_path()
        context["comment"] = self.object
        edit = reverse("wagtailsnippets_comments_comment:edit", args=[self.object.pk])
        context["reply_url"] = f"{edit}?next={self.request.path}"
        return context


def moderate_one(request, pk, status):
    """A one-click button: give one comment a status (POST only, with CSRF)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.has_perm(MODERATE_PERMISSION):
        raise PermissionDenied
    if status not in DONE:
        raise PermissionDenied
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    if moderate([comment], status, request.user):
        messages.success(request, f"Reactie {comment}: {DONE[status]}.")
    listing = reverse("wagtailsnippets_comments_comment:list")
    target = safe_next(request, listing)
    if target.split("?")[0] == listing:
        # Back in the queue, the keyboard goes on at the next comment that waits (the next row
        # down, in the queue's order, newest first), not at the top of the page.
        following = (
            Comment.objects.filter(status__in=WAITING)
            .exclude(pk=comment.pk)
            .filter(created_at__lte=comment.created_at)
            .order_by("-created_at", "-pk")
            .first()
        )
        if following:
            target = f"{target}#beoordeel-{following.pk}"
    return redirect(target)


MODERATE_URL_NAME = "wagtailsnippets_comments_comment:moderate"
REPLY_ADDED = "ervaring.comment.reply"
REPLY_REMOVED = "ervaring.comment.reply_removed"


class CommentsMenuItem(MenuItem):
    """ "Reacties" in the menu, with how many wait for a moderator."""

    def is_shown(self, request):
        return request.user.has_perm(MODERATE_PERMISSION)

    def render_component(self, request):
        waiting = pending_count()
        label = f"Reacties ({waiting} nieuw)" if waiting else "Reacties"
        # With comments waiting, the menu opens the queue on them, as the dashboard panel does.
        url = queue_url() if waiting else self.url
        return LinkMenuItemComponent(
            self.name,
            label,
            url,
            icon_name=self.icon_name,
            attrs={"data-pending-comments": str(waiting)},
        )


class CommentViewSet(SnippetViewSet):
    """The moderation queue: filters, search, bulk actions and one comment with its article."""

    model = Comment
    icon = "comment"
    menu_label = "Reacties"
    menu_order = 220
    add_to_admin_menu = True
    url_prefix = "reacties"
    edit_view_class = CommentEditView
    inspect_view_class = CommentInspectView
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
        "hold_reason",
        "created_at",
        "moderated_by",
        "moderated_at",
        "reply",
        "replied_by",
        "replied_at",
    ]
    list_per_page = 50
    panels = [
        FieldPanel("status", widget=forms.RadioSelect),
        FieldPanel("reply"),
        FieldPanel("article", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("body", read_only=True),
    ]

    menu_item_class = CommentsMenuItem

    index_results_template_name = "comments/admin/index_results.html"

    @property
    def list_display(self):
        return [
            # The first column opens the comment's own page: its text, status, buttons, reply.
            TitleColumn(
                "excerpt",
                label="Reactie",
                get_url=lambda comment: reverse(
                    "wagtailsnippets_comments_comment:inspect", args=[comment.pk]
                ),
            ),
            Column("name", label="Naam"),
            Column("article", label="Artikel"),
            Column(
                "status",
                label="Status",
                accessor=lambda comment: (
                    f"{comment.get_status_display()} — {comment.hold_reason}"
                    if comment.hold_reason
                    else comment.get_status_display()
                ),
            ),
            Column(
                "created_at",
                label="Geplaatst",
                accessor=lambda comment: (
                    local_time(comment.created_at, short=True) if comment.date_known else "onbekend"
                ),
            ),
            ModerateColumn("moderate", label="Beoordelen"),
        ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/beoordelen/<str:status>/", moderate_one, name="moderate"),
        ]


class ModerateBulkAction(SnippetBulkAction):
    """Approve, reject or mark as spam many comments at once (each in its own history)."""

    models = [Comment]
    status = None
    template_name = "comments/admin/confirm_bulk_moderate.html"

    def check_perm(self, obj):
        return self.request.user.has_perm(MODERATE_PERMISSION)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(MODERATE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return moderate(objects, cls.status, user), 0

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        context["confirm_label"] = f"Ja, {self.display_name.lower()}"
        return context

    def get_success_message(self, num_parent_objects, num_child_objects):
        if num_parent_objects == 1:
            return f"1 reactie {self.done_label}."
        return f"{num_parent_objects} reacties {self.done_label}."


class ApproveBulkAction(ModerateBulkAction):
    display_name = "Goedkeuren"
    done_label = "goedgekeurd"
    action_type = "approve"
    aria_label = "Gekozen reacties goedkeuren"
    action_priority = 10
    status = Comment.Status.APPROVED


class RejectBulkAction(ModerateBulkAction):
    display_name = "Afwijzen"
    done_label = "afgewezen"
    action_type = "reject"
    aria_label = "Gekozen reacties afwijzen"
    action_priority = 20
    status = Comment.Status.REJECTED


class SpamBulkAction(ModerateBulkAction):
    display_name = "Markeren als spam"
    done_label = "gemarkeerd als spam"
    action_type = "spam"
    aria_label = "Gekozen reacties markeren als spam"
    action_priority = 25
    status = Comment.Status.SPAM


class EraseBulkAction(ModerateBulkAction):
    """On a reader's request: remove name and e-mail address, keep the text."""

    display_name = "Persoonsgegevens wissen"
    done_label = "zonder naam en e-mailadres"
    action_type = "erase"
    aria_label = "Naam en e-mailadres van de gekozen reacties wissen"
    action_priority = 40

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for comment in objects:
            comment.erase_personal_data()
            log(instance=comment, action="ervaring.comment.erase", user=user, uuid=uuid.uuid4())
        forget_everything_cached()
        return len(objects), 0


class PendingCommentsPanel(Component):
    """On the dashboard: how many comments wait, with a link to them."""

    name = "pending_comments"
    order = 50
    template_name = "comments/admin/pending_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {
            "count": self.count,
            "url": queue_url(),
        }


def rule_formatter(label):
    """How the history shows what a rule did to a new comment: the label and the reason."""

    class RuleFormatter(LogFormatter):
        def format_message(self, log_entry):
            return f"{label} door de regels voor reacties: {log_entry.data.get('reason', '')}"

    RuleFormatter.label = label
    return RuleFormatter
