"""The queue in the admin: Rapporten → Achtergrondtaken (outbox/admin_views.py)."""

from wagtail import hooks

from outbox import admin_views


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return admin_views.urls()


@hooks.register("register_reports_menu_item")
def register_outbox_report():
    return admin_views.menu_item()
