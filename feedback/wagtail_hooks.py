"""The question below every public page (feedback/views.py) and what readers said, for the
editors: Rapporten → Nuttig? (feedback/report.py)."""

from wagtail import hooks

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
