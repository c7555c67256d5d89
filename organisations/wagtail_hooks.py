"""Admin for organisations: in the "Indeling" menu, searchable and filterable by kind."""

from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_menu import INDELING_MENU_HOOK
from organisations.models import Organisation


class OrganisationFilterSet(WagtailFilterSet):
    class Meta:
        model = Organisation
        fields = ["kind"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_hook = INDELING_MENU_HOOK
    menu_order = 50
    list_display = ["name", "kind", "website"]
    filterset_class = OrganisationFilterSet
    search_fields = ["name", "description"]
    # Plain database filtering: the full-text backend's count fails on SQLite with ordering.
    search_backend_name = None


register_snippet(OrganisationViewSet)
