"""Readability per page: the text of a page, its analysis, and the list the admin report
"Leesbaarheid" and the accessibility statement read (kept until content changes)."""

from dataclasses import dataclass

from wagtail.admin.panels import ObjectList, PanelGroup
from wagtail.models import Page
from wagtail.search import index

from ervaring.caching.data import cached_for_content
from ervaring.privacy import public
from readability.analysis import analyse
from readability.lists import word_lists
from readability.verbatim import EDITORS_FIELDS, VERBATIM_SHARE, verbatim_share

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


@dataclass(frozen=True)
class PageReadability:
    id: int
    title: str
    type_label: str
    url: str
    live: bool
    score: int | None
    level: str
    b1: bool | None
    long_sentences: int
    long_words: int
    quoted: bool
    score_text: str = ""
    # The hardest words ([(word, plainer words or "")], at most HARDEST_WORDS) and the first
    # long or passive sentence: what to change first.
    hard_words: tuple = ()
    passive_sentences: int = 0
    first_hard_sentence: str = ""
    # The editor's anchor of the field that holds it ("panel-child-inhoud-intro-section").
    first_hard_field: str = ""
    source: str = ""
    has_in_short: bool = False
    # The share of its sentences found word for word in a source (readability/verbatim.py).
    verbatim: float | None = None

    @property
    def literal(self):
        """Quoted word for word: most of its sentences stand as they are in a source."""
        return self.quoted and (self.verbatim or 0) >= VERBATIM_SHARE


HARDEST_WORDS = 5


def first_hard_sentence(analysis):
    for sentence in analysis.sentences:
        if sentence.long or sentence.passive:
            return sentence.text
    return ""


def measure(page, lists=None):
    analysis = analyse(page_text(page), lists or word_lists())
    hard_sentence = first_hard_sentence(analysis)
    return PageReadability(
        id=page.pk,
        title=page.title,
        type_label=getattr(page, "type_label", "Pagina"),
        url=page.get_url() or "",
        live=page.live,
        score=analysis.shown_score,
        level=analysis.level,
        b1=analysis.b1,
        long_sentences=len(analysis.long_sentences),
        long_words=len(analysis.long_words),
        quoted=is_quoted(page),
        score_text=analysis.score_text,
        hard_words=tuple(analysis.hard_words[:HARDEST_WORDS]),
        passive_sentences=len(analysis.passive_sentences),
        first_hard_sentence=hard_sentence,
        first_hard_field=where_first_hard(page, hard_sentence),
        source=(getattr(page, "source", "") or "").strip(),
        has_in_short=has_in_short(page),
        verbatim=verbatim_share(page_text(page, leave_out=EDITORS_FIELDS)),
    )


def hardest_first(rows):
    """Hardest first; pages too short to measure last, then by title."""
    return sorted(rows, key=lambda row: (row.score is None, row.score or 0, row.title))


def all_pages():
    """Every page of the site (below the root), measured, hardest first."""

    def build():
        pages = Page.objects.filter(depth__gt=1).specific().order_by("path")
        lists = word_lists()
        return hardest_first(measure(page, lists) for page in pages)

    return cached_for_content("readability", build)


def quoted_above_b1():
    """Live, public pages that quote a source word for word and read above B1: the
    accessibility statement names them."""
    public_ids = set(public(Page.objects.live()).values_list("pk", flat=True))
    return [
        row
        for row in all_pages()
        if row.literal and row.b1 is False and row.id in public_ids and row.live
    ]
