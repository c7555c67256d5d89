"""Structured data for role pages."""

from django import template

from core.structured_data import script
from roles.compare import placement as placement_sentence
from roles.compare import steps_words
from roles.models import get_catalogue

register = template.Library()


@register.simple_tag(takes_context=True)
def occupation_json_ld(context, page, entry, steps):
    """schema.org Occupation for a role page, as a JSON-LD script element (not executed)."""
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": page.title,
        "description": page.marked_summary,
        "occupationalCategory": [f"Stap {step.number}: {step.name}" for step in steps],
        "responsibilities": page.task_list,
        "qualifications": " ".join(page.pathway_paragraphs),
        "url": page.get_full_url(request) if page.pk else "",
    }
    if entry.other_names:
        data["alternateName"] = list(entry.other_names)
    return script(data)


@register.filter
def placement(entry):
    """Where the source and the editors each place a role, for a role placed by both."""
    return placement_sentence(entry)


@register.filter
def placed_by_editors(roles):
    """True when a role in `roles` has a place on the ladder that is the editors' reading, so
    the list shows its legend once instead of the words after every role."""
    return any(role.editors_steps for role in roles)


@register.simple_tag
def role_filter_url(attr, value):
    """The role list filtered on one option: {% role_filter_url "steps" 2 %} -> /werk/?stap=2…
    The parameter names come from roles.catalogue.FACETS, the one list of facets."""
    return get_catalogue().filter_url(attr, value)


@register.filter
def reaches(next_step):
    """Where the roles of "Volgende stap" stand, true of each: "Deze rol staat op stap 3 en 4"
    (not "gaat tot stap 3" for a role on steps 3 and 4), "Deze rollen staan op stap 3"."""
    roles, number = next_step["roles"], next_step["step"].number
    if len(roles) == 1:
        steps = [n for n in roles[0].steps if n >= number] or [number]
        return f"Deze rol staat op {steps_words(steps)}"
    higher = any(role.top_step > number for role in roles)
    return f"Deze rollen staan op stap {number}{' (sommige ook hoger)' if higher else ''}"
