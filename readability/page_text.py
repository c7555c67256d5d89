"""The text of a page as a reader reads it, and where in the editor each part of it sits:
what the verdict, the report and the Checks panel measure."""

from wagtail.search import index

from core.editor_anchors import field_anchor

# Pages the site writes itself name this as their source; every other source is quoted.
OWN_SOURCE = "ervaring"


def field_texts(page, leave_out=()):
    """(field name, text) for all text a reader reads on `page` below its title: the page type's
    search fields (summary, intro, body, tasks, …), rich text and blocks as plain text, one
    paragraph each; without the fields named in `leave_out`."""
    seen = {*getattr(page, "search_only_fields", ()), *leave_out}
    for search_field in type(page).search_fields:
        name = search_field.field_name
        if not isinstance(search_field, index.SearchField) or name == "title" or name in seen:
            continue
        seen.add(name)
        value = getattr(page, name, None)
        if callable(value):
            value = value()
        if not value:
            continue
        try:
            model_field = page._meta.get_field(name)
        except Exception:  # a property or method indexed by name
            model_field = None
        if model_field is not None and hasattr(model_field, "get_searchable_content"):
            texts = [str(text) for text in model_field.get_searchable_content(value) if text]
        else:
            texts = [str(value)]
        if texts:
            yield name, "\n".join(texts)


def page_text(page, leave_out=()):
    """All text a reader reads on `page` below its title, one paragraph each (field_texts)."""
    return "\n".join(text for _, text in field_texts(page, leave_out))


def where_first_hard(page, sentence):
    """The field that holds `sentence`, as an anchor in the editor (field_anchor)."""
    if not sentence:
        return ""
    probe = " ".join(sentence.split()[:8])
    for name, text in field_texts(page):
        if probe in " ".join(text.split()):
            return field_anchor(type(page), name)
    return ""


def has_in_short(page):
    """Whether the page starts with the editors' plain summary, "In het kort"."""
    return bool((getattr(page, "in_short", "") or "").strip())


def is_quoted(page):
    """Whether the page's text comes word for word from a source (not written for this site)."""
    source = (getattr(page, "source", "") or "").strip()
    return bool(source) and source.lower() != OWN_SOURCE
