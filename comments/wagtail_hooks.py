"""The moderators' part of the admin, "Reacties" (comments/admin.py): the queue, its bulk
actions, the history's words, the dashboard panel; and the pages behind the links in a reader's
mails and a commenter's own data, routed by the site's URLconf."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from comments import notify_views, personal_data
from comments.admin import (
    REPLY_ADDED,
    REPLY_REMOVED,
    ApproveBulkAction,
    CommentViewSet,
    EraseBulkAction,
    PendingCommentsPanel,
    RejectBulkAction,
    SpamBulkAction,
    rule_formatter,
)
from comments.moderation import (
    HISTORY_ACTIONS,
    MODERATE_PERMISSION,
    RULE_ACTIONS,
    pending_count,
    queue_url,
)
from core.attention import ATTENTION_HOOK, Attention
from core.views.site import SITE_URLS_HOOK

register_snippet(CommentViewSet)
for bulk_action in (ApproveBulkAction, RejectBulkAction, SpamBulkAction, EraseBulkAction):
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("register_log_actions")
def comment_history_actions(actions):
    for action, label, message in HISTORY_ACTIONS.values():
        actions.register_action(action, label, message)
    actions.register_action(
        "ervaring.comment.erase", "Persoonsgegevens gewist", "Naam en e-mailadres gewist"
    )
    for action, label in RULE_ACTIONS.values():
        actions.register_action(action)(rule_formatter(label))
    actions.register_action(
        REPLY_ADDED, "Reactie van de redactie", "Reactie van de redactie toegevoegd"
    )
    actions.register_action(
        personal_data.ERASED,
        "Gewist op verzoek",
        "Naam en e-mailadres gewist op verzoek van de schrijver; de tekst blijft als ‘Anoniem’",
    )
    actions.register_action(
        personal_data.REMOVED,
        "Weggehaald op verzoek",
        "Reactie weggehaald op verzoek van de schrijver",
    )
    actions.register_action(
        REPLY_REMOVED, "Reactie van de redactie weg", "Reactie van de redactie verwijderd"
    )


@hooks.register("insert_global_admin_js")
def queue_focus_script():
    return format_html('<script src="{}" defer></script>', static("js/comments-admin.js"))


@hooks.register("insert_global_admin_css")
def queue_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("css/comments-admin.css"))


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if request.user.has_perm(MODERATE_PERMISSION):
        panels.append(PendingCommentsPanel(pending_count()))


@hooks.register(SITE_URLS_HOOK)
def comment_notification_urls():
    """The pages behind the links in a reader's mails (confirm, stop) and a commenter's own
    data (see, download, erase)."""
    return [*notify_views.urls(), *personal_data.urls()]


@hooks.register(ATTENTION_HOOK)
def comments_waiting(request):
    if not request.user.has_perm(MODERATE_PERMISSION):
        return None
    return Attention(
        "reacties die wachten op een moderator", pending_count(), queue_url(), order=40
    )
