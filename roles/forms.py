"""The role editor's form: Wagtail's page form, with the steps the editors add to a source's
placement named and checked (RolePage.base_form_class)."""

from wagtail.admin.forms import WagtailAdminPageForm


def steps_by_editors_problem(ladder_steps, steps_by_editors, placed_by_source):
    """A Dutch message when the editors' steps do not fit the placement, else None."""
    if not steps_by_editors:
        return None
    if not placed_by_source:
        return (
            "Laat dit leeg als de bron dit werk niet op de ladder plaatst: dan is elke stap al "
            "een inschatting van de redactie."
        )
    outside = [step for step in steps_by_editors if step not in set(ladder_steps or ())]
    if outside:
        names = ", ".join(f"stap {step.number}" for step in outside)
        return f"Kies alleen stappen die ook bij ‘Stap(pen) op de ladder’ staan ({names} niet)."
    return None


class RolePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("steps_by_editors")
        if field is not None:
            # Not "Stap 3: Gedeelde ervaringskennis" twice on one screen.
            field.label_from_instance = lambda step: f"Stap {step.number}: lezing van de redactie"

    def clean(self):
        cleaned = super().clean()
        problem = steps_by_editors_problem(
            cleaned.get("ladder_steps"),
            cleaned.get("steps_by_editors"),
            cleaned.get("placed_by_source"),
        )
        if problem:
            self.add_error("steps_by_editors", problem)
        return cleaned
