"""The question below every public page (feedback/views.py) and what readers said, for the
editors: Rapporten → Nuttig? (feedback/report.py); the contact form (feedback/contact.py) and
its messages, for the editors: Berichten."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from core.attention import ATTENTION_HOOK, Attention
from core.views.site import SITE_URLS_HOOK
from feedback import contact, report, views
from feedback.models import ContactMessage


@hooks.register(SITE_URLS_HOOK)
def feedback_urls():
    return [*views.urls(), *contact.urls()]


class ContactMessageViewSet(ModelViewSet):
    """Berichten: what readers sent with the contact form, the unhandled first. Read, mark as
    handled, delete; nobody adds or copies one here."""

    model = ContactMessage
    icon = "mail"
    menu_label = "Berichten"
    menu_order = 255
    add_to_admin_menu = True
    url_prefix = "berichten"
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["handled"]
    list_display = ["__str__", "short_message", "about", "handled"]
    list_filter = ["handled"]
    search_fields = ["name", "email", "message"]
    inspect_view_fields = ["created_at", "name", "email", "about", "message", "handled"]


@hooks.register("register_admin_viewset")
def contact_messages():
    return ContactMessageViewSet("feedback_contactmessage")


@hooks.register(ATTENTION_HOOK)
def messages_waiting(request):
    if not request.user.has_perm("feedback.view_contactmessage"):
        return None
    waiting = ContactMessage.objects.filter(handled=False).count()
    label = "berichten via het contactformulier die nog niet zijn afgehandeld"
    return Attention(label, waiting, reverse("feedback_contactmessage:index"), order=15)


@hooks.register("register_admin_urls")
def feedback_report_urls():
    return report.urls()


@hooks.register("register_reports_menu_item")
def feedback_report_menu_item():
    return report.menu_item()


@hooks.register(ATTENTION_HOOK)
def pages_readers_found_wanting(request):
    wanting = sum(1 for row in report.rows() if row.no and row.no >= row.yes)
    label = "pagina's waar lezers even vaak of vaker ‘Nee’ dan ‘Ja’ zeiden"
    return Attention(label, wanting, reverse("feedback_report"), order=20)
