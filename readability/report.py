"""The report "Leesbaarheid" and the accessibility statement's list: every page measured, kept
until content changes (readability/page_text.py gives the text, readability/text/ measures it,
readability/models.py reads the editors' word lists)."""

from dataclasses import dataclass

from wagtail.models import Page

from caching.data import cached_for_content
from core.privacy import public
from readability.models import word_lists
from readability.page_text import has_in_short, is_quoted, page_text, where_first_hard
from readability.text.analysis import analyse
from readability.verbatim import EDITORS_FIELDS, VERBATIM_SHARE, verbatim_share


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


def measure(page, lists):
    analysis = analyse(page_text(page), lists)
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
    accessibility statement names them. Kept until content changes."""

    def build():
        public_ids = set(public(Page.objects.live()).values_list("pk", flat=True))
        return [
            row
            for row in all_pages()
            if row.literal and row.b1 is False and row.id in public_ids and row.live
        ]

    return cached_for_content("readability:quoted-above-b1", build)
