"""Rapporten → Gebroken links (what the nightly `check_links` found)."""

from django.urls import reverse
from wagtail import hooks

from core.attention import ATTENTION_HOOK, Attention
from links import admin_views
from links.models import BrokenLink


@hooks.register("register_admin_urls")
def links_report_urls():
    return admin_views.urls()


@hooks.register("register_reports_menu_item")
def links_report_menu_item():
    return admin_views.menu_item()


@hooks.register(ATTENTION_HOOK)
def broken_links(request):
    return Attention(
        "gebroken links", BrokenLink.objects.count(), reverse("links_report"), order=30
    )
