"""A page's verdict, as the Checks panel shows it and the publishing gate (the workflow task
"Leesbaarheid") applies it: the page's text at B1, or a text quoted word for word from a source
with an "In het kort" above it (docs/readability.md)."""

from dataclasses import dataclass

from readability.analysis import Analysis, analyse
from readability.limits import B1_MIN_SCORE
from readability.lists import word_lists
from readability.pages import has_in_short, is_quoted, page_text


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
            "level": self.analysis.level,
            "reason": self.reason,
            "advice": self.analysis.advice,
        }


def verdict_for(page):
    return PageVerdict(
        analyse(page_text(page), word_lists()),
        is_quoted(page),
        has_in_short(page),
    )
