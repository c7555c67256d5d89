"""How much of a page's text stands word for word in a source: the five source texts the
repository keeps in fixtures/sources/. The accessibility statement counts a page as "taken over
literally" only when most of its sentences are found there (docs/content.md, "Verbatim")."""

import re
from functools import cache
from pathlib import Path

from django.conf import settings

SOURCES_DIR = Path(settings.BASE_DIR) / "fixtures" / "sources"
# A page is a literal quotation when at least this share of its sentences is in a source.
VERBATIM_SHARE = 0.8
# Sentences shorter than this prove nothing ("Beleid, kwaliteit, management.").
MIN_WORDS = 5
# Fields the editors write themselves, even on a page that quotes a source.
EDITORS_FIELDS = ("summary", "in_short", "editors_note", "search_description")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Quotes, dashes, hyphens, brackets and the like: a sentence the editors only re-quoted,
# re-wrapped or hyphenated ("MEE organisaties" -> "MEE-organisaties") is still the source's.
_MARKS = re.compile(r"[^\w.!?]+")


def normalise(text):
    """Lower case, words and sentence ends only, single spaces."""
    return _MARKS.sub(" ", text.lower()).strip()


@cache
def source_text():
    """All source texts, normalised, as one string (read once per process)."""
    return "\n".join(
        normalise(path.read_text(encoding="utf-8")) for path in sorted(SOURCES_DIR.glob("*.txt"))
    )


def sentences(text):
    """The sentences of `text` long enough to tell a quotation from a coincidence."""
    found = []
    for paragraph in text.split("\n"):
        for sentence in _SENTENCE_END.split(normalise(paragraph)):
            sentence = sentence.rstrip(".!? ")
            if len(sentence.split()) >= MIN_WORDS:
                found.append(sentence)
    return found


def verbatim_share(text):
    """The share of the sentences of `text` that stand word for word in a source (None when
    the text has no sentence long enough to tell)."""
    candidates = sentences(text)
    if not candidates:
        return None
    sources = source_text()
    return sum(sentence in sources for sentence in candidates) / len(candidates)
