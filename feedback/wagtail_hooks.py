"""The question below every public page (feedback/views.py) and what readers said, for the
editors: Rapporten → Nuttig? (feedback/report.py)."""

from django.urls import reverse
from wagtail import hooks

from core.attention import ATTENTION_HOOK, Attention
from core.views.site import SITE_URLS_HOOK
from feedback import report, views


@hooks.register(SITE_URLS_HOOK)
def feedback_urls():
    return views.urls()


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
