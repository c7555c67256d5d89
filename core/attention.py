"""The dashboard panel "Wat vraagt aandacht": one count with a link per thing that waits for
the editors. Each app says what it counts through the hook ATTENTION_HOOK: a function of the
request that returns an Attention, or None when it has nothing to say to this user."""

from dataclasses import dataclass

from wagtail import hooks
from wagtail.admin.ui.components import Component

ATTENTION_HOOK = "ervaring_attention"


@dataclass
class Attention:
    label: str  # "pagina's te laat voor controle"
    count: int
    url: str
    order: int = 100


class AttentionPanel(Component):
    """First on the dashboard of people who edit."""

    name = "aandacht"
    order = 10
    template_name = "core/attention_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        items = [fn(self.request) for fn in hooks.get_hooks(ATTENTION_HOOK)]
        items = sorted((item for item in items if item is not None), key=lambda i: i.order)
        return {"items": items, "all_clear": not any(item.count for item in items)}
