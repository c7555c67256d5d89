"""Readability in the admin: measured as the editor types, the report under Rapporten, the
word lists under Indeling, and the list of hard quoted texts for the accessibility statement
(through ervaring's READABILITY_LIST_HOOK)."""

import django_filters
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from core.admin_access import may_edit_pages
from core.admin_menu import INDELING_MENU_HOOK
from core.attention import ATTENTION_HOOK, Attention
from core.blocks import READABILITY_LIST_HOOK
from core.preview_notes import PREVIEW_NOTES_HOOK
from readability import admin_views, checks, gate
from readability.models import PlainWord, SiteWord, may_accept_words
from readability.report import all_pages, quoted_above_b1
from readability.text.limits import B1_MIN_SCORE
from readability.verbatim import VERBATIM_SHARE


@hooks.register("register_admin_urls")
def register_readability_urls():
    return admin_views.urls()


@hooks.register("register_reports_menu_item")
def register_readability_report():
    return admin_views.menu_item()


@hooks.register("construct_homepage_panels")
def readability_on_the_dashboard(request, panels):
    if may_edit_pages(request.user):
        panels.append(admin_views.B1SharePanel())


@hooks.register("insert_editor_js")
def readability_in_the_editor():
    return format_html(
        '<script src="{}" data-measure-url="{}" id="leesbaarheid-script" defer></script>',
        static("js/readability.js"),
        reverse("readability_measure"),
    )


@hooks.register("insert_global_admin_css")
def readability_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("css/readability.css"))


@hooks.register("construct_wagtail_userbar")
def readability_in_the_checks(request, items, page):
    checks.with_our_checker(items)


@hooks.register(PREVIEW_NOTES_HOOK)
def readability_verdict_in_the_preview(request, page):
    return checks.verdict_note(request, page)


@hooks.register("construct_page_action_menu")
def publish_through_the_gate(menu_items, request, context):
    gate.without_publish(menu_items, request, context)


@hooks.register("before_edit_page")
def no_publish_past_the_gate(request, page):
    gate.refuse_publish_post(request, page)


@hooks.register("before_create_page")
def no_new_page_past_the_gate(request, parent_page, page_class):
    gate.refuse_publish_post(request, parent_page, new_page=True)


@hooks.register("before_bulk_action")
def no_bulk_publish_past_the_gate(request, action_type, objects, action):
    gate.refuse_bulk_publish(request, action_type, objects, action)


@hooks.register(READABILITY_LIST_HOOK)
def hard_quoted_texts():
    """What the accessibility statement's block shows."""
    return {
        "rows": quoted_above_b1(),
        "b1_min_score": B1_MIN_SCORE,
        "verbatim_percent": round(VERBATIM_SHARE * 100),
    }


class SiteWordSaving:
    """A word counts once Eindredactie saved it (SiteWord.saved_by)."""

    def save_instance(self):
        instance = self.form.instance
        before = SiteWord.objects.filter(pk=instance.pk).values_list("word", flat=True).first()
        instance.saved_by(self.request.user, word_changed=before != instance.word)
        return super().save_instance()


class SiteWordCreateView(SiteWordSaving, CreateView):
    pass


class SiteWordEditView(SiteWordSaving, EditView):
    pass


class SiteWordFilterSet(WagtailFilterSet):
    waiting = django_filters.BooleanFilter(
        label="Wacht op de eindredactie", field_name="accepted_at", lookup_expr="isnull"
    )

    class Meta:
        model = SiteWord
        fields = []


class SiteWordViewSet(SnippetViewSet):
    """Words of this site that are rare in everyday Dutch but fine here; each counts once
    Eindredactie accepted it."""

    model = SiteWord
    icon = "openquote"
    menu_hook = INDELING_MENU_HOOK
    menu_label = "Eigen woorden"
    menu_order = 100
    add_view_class = SiteWordCreateView
    edit_view_class = SiteWordEditView
    filterset_class = SiteWordFilterSet
    list_display = ["word", "note", Column("status", label="Telt mee?")]
    search_fields = ["word"]
    ordering = ["word"]


class PlainWordViewSet(SnippetViewSet):
    """Hard words and the plainer words the editor sees beside them."""

    model = PlainWord
    icon = "edit"
    menu_hook = INDELING_MENU_HOOK
    menu_label = "Gewonere woorden"
    menu_order = 110
    list_display = ["word", "alternatives"]
    search_fields = ["word", "alternatives"]
    ordering = ["word"]


register_snippet(SiteWordViewSet)
register_snippet(PlainWordViewSet)


@hooks.register(ATTENTION_HOOK)
def pages_above_b1(request):
    above = sum(1 for row in all_pages() if row.live and row.b1 is False)
    url = reverse("readability_report") + f"?niveau={admin_views.ABOVE_B1}"
    return Attention("gepubliceerde pagina's boven B1", above, url, order=50)


@hooks.register(ATTENTION_HOOK)
def own_words_waiting(request):
    if not may_accept_words(request.user):
        return None
    waiting = SiteWord.objects.filter(accepted_at__isnull=True).count()
    url = reverse("wagtailsnippets_readability_siteword:list") + "?waiting=true"
    return Attention("eigen woorden die wachten op de eindredactie", waiting, url, order=60)
