"""Rapporten → Gebroken links: each broken link on a published page, with the page, the field
it sits in (a link straight to it in the editor) and what is wrong, the oldest first."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import path, reverse
from django.views.decorators.http import require_safe

from core.admin_access import PageEditorsMenuItem, may_edit_pages
from links.models import BrokenLink, CheckRun


@require_safe
def report(request):
    if not may_edit_pages(request.user):
        raise PermissionDenied
    rows = BrokenLink.objects.select_related("page").order_by("first_seen", "page__title", "where")
    return render(
        request,
        "links/report.html",
        {"rows": rows, "last_run": CheckRun.objects.order_by("-finished_at").first()},
    )


def urls():
    return [path("gebroken-links/", report, name="links_report")]


def menu_item():
    return PageEditorsMenuItem(
        "Gebroken links", reverse("links_report"), name="gebroken-links", icon_name="link", order=65
    )
