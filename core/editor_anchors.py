"""Where a field sits in Wagtail's page editor, for a link from a report straight to it."""

from wagtail.admin.panels import ObjectList, PanelGroup


def field_anchor(model, field_name):
    """The id of the section that holds a field in Wagtail's page editor
    ("panel-child-inhoud-intro-section"), from the model's own panels: Wagtail gives each child
    of an ObjectList (a tab, or a page without tabs) a section "<prefix>-<identifier>-section", and
    a link to the editor with it opens that tab at the field. Empty when no panel shows it."""

    def holds(panel):
        if getattr(panel, "field_name", None) == field_name:
            return True
        return any(holds(child) for child in getattr(panel, "children", None) or [])

    def walk(panel, prefix):
        for child, identifier in zip(panel.children, panel.child_identifiers, strict=True):
            if not holds(child):
                continue
            if isinstance(panel, ObjectList):
                return f"{prefix}-{identifier}-section"
            if isinstance(child, PanelGroup):
                return walk(child, f"{prefix}-child-{identifier}")
        return ""

    handler = model.get_edit_handler()
    return walk(handler, "panel") if isinstance(handler, PanelGroup) else ""
