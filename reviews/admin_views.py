"""The editors' side of page checks: Rapporten → Controle (pages due or overdue, filtered and
sorted, each with one click "Gecontroleerd"), a page of its own per page (when it was checked,
by whom, how often), and the panel on the dashboard."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.ui.components import Component
from wagtail.models import Page, PageLogEntry

from core.admin_access import PageEditorsMenuItem, may_edit_pages
from reviews.marking import REVIEWED, mark_reviewed
from reviews.page_types import page_type_choices
from reviews.schedule import LATER, OVERDUE, SOON, SOON_DAYS, due_of, months_by_type, pages

ALL = "alle"
ORDERS = {
    "datum": ("Volgende controle, de eerste eerst", lambda row: (row.due, row.title)),
    "titel": ("Titel", lambda row: (row.title.lower(), row.due)),
    "gecontroleerd": (
        "Laatst gecontroleerd, de oudste eerst",
        lambda row: (row.last_reviewed is not None, row.last_reviewed or row.due, row.title),
    ),
}
PANEL_ROWS = 5


class ReportFilter(forms.Form):
    """What the report shows; a value that is not one of the choices gets a message beside
    its field, and the report shows the default."""

    status = forms.ChoiceField(
        label="Welke pagina's",
        required=False,
        choices=[
            ("", "Te controleren (te laat en binnenkort)"),
            (OVERDUE, "Te laat"),
            (SOON, f"Binnenkort (binnen {SOON_DAYS} dagen)"),
            (ALL, "Alle pagina's"),
        ],
    )
    soort = forms.ChoiceField(label="Soort pagina", required=False)
    volgorde = forms.ChoiceField(
        label="Volgorde",
        required=False,
        choices=[(key, label) for key, (label, _) in ORDERS.items()],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", "Alle soorten"), *page_type_choices()]

    def value(self, name, default=""):
        if not self.is_bound or self.has_error(name):
            return default
        return self.cleaned_data.get(name) or default


def shown(rows, status, page_type, order):
    if status == "":
        rows = [row for row in rows if row.status != LATER]
    elif status != ALL:
        rows = [row for row in rows if row.status == status]
    if page_type:
        rows = [row for row in rows if row.page_type == page_type]
    return sorted(rows, key=ORDERS[order][1])


@require_http_methods(["GET", "HEAD"])
def report(request):
    if not may_edit_pages(request.user):
        raise PermissionDenied
    form = ReportFilter(request.GET or None)
    form.is_valid()
    rows = pages(user=request.user)
    selected = shown(
        rows, form.value("status"), form.value("soort"), form.value("volgorde", "datum")
    )
    return render(
        request,
        "reviews/report.html",
        {
            "form": form,
            "rows": selected,
            "overdue": sum(1 for row in rows if row.status == OVERDUE),
            "soon": sum(1 for row in rows if row.status == SOON),
            "total": len(rows),
            "here": request.get_full_path(),
            "soon_days": SOON_DAYS,
        },
    )


def editable_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not hasattr(page, "last_reviewed") or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def back_to(request, fallback):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@require_http_methods(["GET", "HEAD"])
def page_review(request, page_id):
    """When the page was checked and by whom, how often it is, and the button to check it."""
    page = editable_page(request, page_id)
    today = timezone.localdate()
    row = due_of(page, months_by_type(), today) if page.live else None
    history = (
        PageLogEntry.objects.filter(page=page, action=REVIEWED)
        .select_related("user")
        .order_by("-timestamp")[:20]
    )
    return render(request, "reviews/page.html", {"page": page, "row": row, "history": history})


@require_POST
def mark(request, page_id):
    """One click "Gecontroleerd" from the report or the dashboard."""
    page = editable_page(request, page_id)
    day = mark_reviewed(page, request.user)
    messages.success(request, f"‘{page.title}’ is gecontroleerd op {day:%d-%m-%Y}.")
    return redirect(back_to(request, reverse("reviews_report")))


def urls():
    return [
        path("controle/", report, name="reviews_report"),
        path("controle/<int:page_id>/", page_review, name="reviews_page"),
        path("controle/<int:page_id>/gecontroleerd/", mark, name="reviews_mark"),
    ]


def menu_item():
    return PageEditorsMenuItem(
        "Controle", reverse("reviews_report"), name="controle", icon_name="date", order=55
    )


class DuePanel(Component):
    """On the dashboard of people who edit: the first pages to check, each with one click."""

    name = "controle"
    order = 55
    template_name = "reviews/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        rows = [row for row in pages(user=self.request.user) if row.status != LATER]
        return {
            "rows": rows[:PANEL_ROWS],
            "overdue": sum(1 for row in rows if row.status == OVERDUE),
            "soon": sum(1 for row in rows if row.status == SOON),
            "more": max(0, len(rows) - PANEL_ROWS),
            "report_url": reverse("reviews_report"),
            "here": self.request.get_full_path(),
            "csrf_token": get_token(self.request),
        }
