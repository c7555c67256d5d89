"""The editors' two word lists as the analysis reads them: words of this site that are fine
although rare, and hard words with plainer alternatives. A value; readability/models.py reads
it from the database."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class WordLists:
    site_words: frozenset = frozenset()
    alternatives: dict = field(default_factory=dict)


EMPTY = WordLists()
