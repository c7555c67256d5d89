"""Readability in the admin: the measuring the editor's fields ask for as the editor types, and
the report "Leesbaarheid" (every page, hardest first, with filters for pages above B1 and for
the site's own texts)."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.views.decorators.http import require_POST, require_safe
from wagtail.admin.ui.components import Component

from core.admin_access import PageEditorsMenuItem, may_edit_pages
from readability.models import word_lists
from readability.report import all_pages
from readability.text.analysis import analyse
from readability.text.limits import B1_MIN_SCORE, MAX_TEXT_LENGTH

ABOVE_B1 = "boven-b1"
OWN_TEXT = "eigen"


@require_POST
def measure(request):
    """POST text=… (the field's current text) -> the analysis as JSON. CSRF as every admin
    form; only for people who edit."""
    if not may_edit_pages(request.user):
        raise PermissionDenied
    text = request.POST.get("text", "")
    if len(text) > MAX_TEXT_LENGTH:
        return JsonResponse(
            {"error": f"Deze tekst is te lang om te meten (meer dan {MAX_TEXT_LENGTH} tekens)."},
            status=400,
        )
    return JsonResponse(analyse(text, word_lists()).as_json())


@require_safe
def report(request):
    if not may_edit_pages(request.user):
        raise PermissionDenied
    rows = all_pages()
    above_b1 = request.GET.get("niveau") == ABOVE_B1
    own = not above_b1 and request.GET.get("tekst") == OWN_TEXT
    own_rows = [row for row in rows if not row.quoted]
    shown = [row for row in rows if row.b1 is False] if above_b1 else own_rows if own else rows
    return render(
        request,
        "readability/report.html",
        {
            "rows": shown,
            "total": len(rows),
            "above_b1_count": sum(1 for row in rows if row.b1 is False),
            "above_b1": above_b1,
            "above_b1_param": ABOVE_B1,
            "own": own,
            "own_param": OWN_TEXT,
            "own_count": len(own_rows),
            "own_above_b1": [row for row in own_rows if row.b1 is False],
            "b1_min_score": B1_MIN_SCORE,
        },
    )


def urls():
    return [
        path("leesbaarheid/", report, name="readability_report"),
        path("leesbaarheid/meten/", measure, name="readability_measure"),
    ]


def menu_item():
    return PageEditorsMenuItem(
        "Leesbaarheid",
        reverse("readability_report"),
        name="leesbaarheid",
        icon_name="doc-full",
        order=50,
    )


class B1SharePanel(Component):
    """On the dashboard of people who edit: how many published pages read at B1."""

    name = "leesbaarheid"
    order = 60
    template_name = "readability/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        published = [row for row in all_pages() if row.live]
        measured = [row for row in published if row.b1 is not None]
        at_b1 = [row for row in measured if row.b1]
        return {
            "measured": len(measured),
            "at_b1": len(at_b1),
            "percent": round(100 * len(at_b1) / len(measured)) if measured else 0,
            "too_short": len(published) - len(measured),
            "report_url": reverse("readability_report"),
            "above_b1_param": ABOVE_B1,
            "b1_min_score": B1_MIN_SCORE,
        }
