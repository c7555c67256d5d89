"""Admin for roles: the taxonomy in the "Indeling" menu, and a listing of role pages."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django_filters import ModelMultipleChoiceFilter
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_access import PageEditorsMenuItem
from core.admin_menu import INDELING_MENU_HOOK
from core.spelling import SEARCH_NAMES_HOOK
from core.views.search import SEARCH_HELP_HOOK
from roles.models import (
    EmploymentForm,
    LadderStep,
    RolePage,
    RoleType,
    WorkArea,
    get_catalogue,
)


class LadderStepViewSet(SnippetViewSet):
    model = LadderStep
    icon = "list-ol"
    menu_hook = INDELING_MENU_HOOK
    menu_order = 10
    list_display = ["number", "name"]
    search_fields = ["name", "meaning"]


class TermViewSet(SnippetViewSet):
    icon = "tag"
    menu_hook = INDELING_MENU_HOOK
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]


class RoleTypeViewSet(TermViewSet):
    model = RoleType
    menu_order = 20


class WorkAreaViewSet(TermViewSet):
    model = WorkArea
    menu_order = 30


class EmploymentFormViewSet(TermViewSet):
    model = EmploymentForm
    menu_order = 40


for viewset in (LadderStepViewSet, RoleTypeViewSet, WorkAreaViewSet, EmploymentFormViewSet):
    register_snippet(viewset)


@hooks.register("before_delete_snippet")
def keep_the_keuzehulps_terms(request, instances):
    """The keuzehulp asks for some terms by their fixed code: those can be renamed, not deleted.
    Refused with the reason, in the delete view and the bulk action alike."""
    needed = [
        term
        for term in instances
        if isinstance(term, (RoleType, WorkArea, EmploymentForm)) and term.code
    ]
    if not needed:
        return None
    names = ", ".join(f"‘{term.name}’" for term in needed)
    messages.error(
        request,
        f"Niet verwijderd: de keuzehulp gebruikt {names}. Je kunt de naam, de korte naam en de "
        "omschrijving wel veranderen.",
    )
    return redirect(type(needed[0]).snippet_viewset.get_url_name("list"))


class RolePageFilterSet(PageListingViewSet.filterset_class):
    ladder_steps = ModelMultipleChoiceFilter(
        queryset=LadderStep.objects.all(),
        label="Stap op de ladder",
        widget=forms.CheckboxSelectMultiple,
    )
    role_types = ModelMultipleChoiceFilter(
        queryset=RoleType.objects.all(),
        label="Type rol",
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = RolePage
        fields = []


class RolePageListingViewSet(PageListingViewSet):
    """All role pages in one flat list, filterable by ladder step and role type."""

    model = RolePage
    icon = "user"
    menu_label = "Rollen"
    menu_item_class = PageEditorsMenuItem
    menu_order = 210
    add_to_admin_menu = True
    filterset_class = RolePageFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column(
            "suits_few_hours",
            label="Weinig uren",
            accessor=lambda page: "ja" if page.suits_few_hours else "nee",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_role_listing():
    return RolePageListingViewSet("rollen")


@hooks.register(SEARCH_HELP_HOOK)
def ways_to_find_work():
    """When a search finds nothing: the role filters, the keuzehulp and the ladder (live and
    public only: the catalogue knows no others)."""
    catalogue = get_catalogue()
    offers = [
        (
            catalogue.index_url,
            "Bekijk alle soorten werk",
            "Kies zelf: betaald of vrijwillig, weinig uren, stap of werkveld.",
        ),
        (
            catalogue.keuzehulp_url,
            "Doe de keuzehulp",
            "Vier korte vragen. Dan zie je welk werk bij je past.",
        ),
        (
            catalogue.ladder_url,
            "Bekijk de ervaringsladder",
            "Vier stappen, en welk werk bij elke stap hoort.",
        ),
    ]
    return [{"label": label, "text": text, "url": url} for url, label, text in offers if url]


@hooks.register(SEARCH_NAMES_HOOK)
def other_names_of_roles():
    """A role's other names (herstelcoach for Ervaringswerker): typed in the search, that role
    comes first."""
    roles = RolePage.objects.live().public().only("id", "other_names").exclude(other_names="")
    return [(name, role.pk) for role in roles for name in role.other_names_list]
