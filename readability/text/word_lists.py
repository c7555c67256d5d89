"""The editors' two word lists as the analysis reads them: words of this site that are fine
although rare, and hard words with plainer alternatives. A value; readability/models.py reads
it from the database."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class WordLists:
    site_words: frozenset = frozenset()
    alternatives: dict = field(default_factory=dict)
    # Words the begrippenlijst explains where they stand: never a hard word for the reader,
    # though still counted as the word they are in the score.
    explained: frozenset = frozenset()


EMPTY = WordLists()
