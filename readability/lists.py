"""The editors' two word lists (readability.models), as the analysis reads them: read from the
database once per content version (a change to either list raises the version, see
readability.signal_handlers), not once per measured text."""

from dataclasses import dataclass, field

from ervaring.caching.data import cached_for_content


@dataclass(frozen=True)
class WordLists:
    site_words: frozenset = frozenset()
    alternatives: dict = field(default_factory=dict)


EMPTY = WordLists()


def _read():
    from readability.models import PlainWord, SiteWord

    return WordLists(
        frozenset(SiteWord.objects.values_list("word", flat=True)),
        dict(PlainWord.objects.values_list("word", "alternatives")),
    )


def word_lists():
    return cached_for_content("readability:word-lists", _read)
