"""A page's verdict, as the Checks panel shows it and the publishing gate (the workflow task
"Leesbaarheid") applies it: the page's text at B1, or a text quoted word for word from a source
with an "In het kort" above it (docs/readability.md)."""

from dataclasses import dataclass

from readability.page_text import has_in_short, is_quoted, page_text
from readability.text.analysis import Analysis, analyse
from readability.text.limits import B1_MIN_SCORE
from readability.text.word_lists import WordLists


@dataclass
class PageVerdict:
    analysis: Analysis
    quoted: bool
    has_in_short: bool

    @property
    def passes(self):
        if self.analysis.b1 is not False:
            return True  # at B1, or too short to measure
        return self.quoted and self.has_in_short

    @property
    def reason(self):
        analysis = self.analysis
        if analysis.b1 is None:
            return "Te weinig tekst om te meten."
        if analysis.b1:
            return f"Leest op B1 (Flesch-Douma {analysis.score_text})."
        if self.passes:
            return (
                f"Boven B1 (Flesch-Douma {analysis.score_text}), maar letterlijk uit een bron "
                "met ‘In het kort’ erboven."
            )
        return f"Boven B1 (Flesch-Douma {analysis.score_text}; B1 begint bij {B1_MIN_SCORE})."

    def as_json(self):
        return {
            "passes": self.passes,
            "b1": self.analysis.b1,
            "score": self.analysis.score_text,
            "words": self.analysis.words,
            "level": self.analysis.level,
            "reason": self.reason,
            "advice": self.analysis.advice,
        }


def verdict_for(page, lists: WordLists):
    """The verdict on `page` (a page object, a draft as much as a live one), measured with the
    editors' word lists `lists`."""
    return PageVerdict(
        analyse(page_text(page), lists),
        is_quoted(page),
        has_in_short(page),
    )
