"""How easy a Dutch text is to read: the Flesch-Douma score, what it means for B1, and the
sentences and words that make it hard. Computed here, on our own server; nothing leaves it.

Flesch-Douma is Douma's (1960) Dutch version of the Flesch reading ease:

    206.835 − 0.93 × (words per sentence) − 77 × (syllables per word)

A higher score is easier. It is a rough measure: it counts, it does not understand. We use 60
as the line for B1 (the level most Dutch adults read comfortably), as Dutch plain-language
guides commonly do; docs/readability.md says why and what the tool does not see.

Beyond the score it names what to change: hard words (with a plainer word where the editors'
list has one), long and passive sentences, long paragraphs, long stretches without a
subheading, and sentences in a row that open with the same word. Thresholds: limits.py.

The editor (static/js/readability.js), the admin report "Leesbaarheid" and the accessibility
statement all use `analyse()`, so they never disagree.
"""

import html
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.html import strip_tags

from readability.text import sentences as grammar
from readability.text.limits import (
    B1_MIN_SCORE,
    LONG_PARAGRAPH_WORDS,
    LONG_SENTENCE_WORDS,
    LONG_SENTENCES_MAX_SHARE,
    LONG_WORD_LETTERS,
    LONG_WORD_SYLLABLES,
    MAX_TEXT_LENGTH,
    MIN_SENTENCES_FOR_SHARE,
    MIN_WORDS_FOR_SCORE,
    PASSIVE_MAX_SHARE,
    SAME_OPENING_RUN,
    SECTION_WORDS,
    WORD_CACHE,
)
from readability.text.word_lists import EMPTY, WordLists
from readability.text.words import hard_words

__all__ = ["B1_MIN_SCORE", "LONG_SENTENCE_WORDS", "MAX_TEXT_LENGTH", "analyse"]

# (lowest score, what it means), easiest first.
LEVELS = [
    (80, "heel makkelijk"),
    (70, "makkelijk"),
    (60, "gewoon: past bij B1"),
    (50, "vrij moeilijk: boven B1"),
    (30, "moeilijk: ver boven B1"),
    (-1000, "heel moeilijk: ver boven B1"),
]

# The words this site is about. Long, but every visitor meets them on the first page and the
# site explains them. They count as a known word of KNOWN_WORD_SYLLABLES syllables (without
# this, "Lees mee en praat mee over werken als ervaringsdeskundige." would be "moeilijk"), and
# are not marked as long words. The report says so. The editors' list "Eigen woorden" adds to
# them.
KNOWN_WORD_SYLLABLES = 2
SUBJECT_WORDS = frozenset(
    {
        "ervaringsdeskundige",
        "ervaringsdeskundigen",
        "ervaringsdeskundigheid",
        "ervaringskennis",
        "cliëntondersteuner",
        "cliëntondersteuners",
        "ervaringsladder",
        "ervaringswerker",
        "ervaringswerkers",
    }
)

VOWELS = "aeiouyáéíóúàèìòùâêîôûäöüÿ"
DIAERESIS = "ëï"
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
ABBREVIATIONS = re.compile(
    r"\b(bijv|bv|o\.a|d\.w\.z|enz|etc|ca|nl|m\.a\.w|t\.o\.v|z\.g\.a\.n|mr|dr|drs|ir|prof|nr|blz)\.",
    re.IGNORECASE,
)
# A sentence ends at . ! ? or … (then space and a capital, digit or quote).
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'’”)]*\s+(?=[\"'‘“(]?[A-ZÀ-Ý0-9])")
# A heading in rich text starts a new section; marked before the tags go.
HEADING_START = re.compile(r"<h[1-6][^>]*>", re.IGNORECASE)
HEADING_MARK = "\x01"
BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|div|figcaption|dd|dt|td|th)>|<br\s*/?>", re.I)
TAG = re.compile(r"<[a-zA-Z/!][^>]*>")


@lru_cache(maxsize=WORD_CACHE)
def syllables(word):
    """Syllables in a Dutch word: groups of vowels, where a diaeresis (ë, ï) starts a new one
    and 'ij' counts as a vowel. At least one."""
    word = word.lower().replace("ij", "y")
    count = 0
    previous_vowel = False
    for letter in word:
        if letter in DIAERESIS:
            count += 1
            previous_vowel = True
        elif letter in VOWELS:
            if not previous_vowel:
                count += 1
            previous_vowel = True
        else:
            previous_vowel = False
    return max(count, 1)


def blocks_of(value):
    """[(is_heading, text)] for each paragraph, list item or heading in a field value: rich
    text and HTML by their tags, plain text by its lines."""
    if value is None:
        return []
    text = str(value)
    if TAG.search(text):
        text = HEADING_START.sub("\n" + HEADING_MARK, text)
        text = BLOCK_END.sub("\n", text)
        text = html.unescape(strip_tags(text))
    text = text.replace("\xa0", " ").replace("\xad", "")
    found = []
    for line in text.split("\n"):
        heading = line.lstrip().startswith(HEADING_MARK)
        line = line.replace(HEADING_MARK, "").strip()
        if line:
            found.append((heading, line))
    return found


def plain_text(value):
    """Text from a field value: rich text and HTML without tags, one paragraph a line."""
    return "\n".join(text for _, text in blocks_of(value))


def split_sentences(text):
    protected = ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "\u2024"), text)
    parts = []
    for line in protected.split("\n"):
        parts.extend(SENTENCE_END.split(line))
    return [part.replace("\u2024", ".").strip() for part in parts if part and part.strip()]


def is_long_word(word, known=SUBJECT_WORDS):
    return word.lower() not in known and long_by_measure(word)


@lru_cache(maxsize=WORD_CACHE)
def long_by_measure(word):
    letters = sum(ch.isalpha() for ch in word)
    return letters >= LONG_WORD_LETTERS or syllables(word) >= LONG_WORD_SYLLABLES


def level_for(score):
    for lowest, label in LEVELS:
        if score >= lowest:
            return label
    return LEVELS[-1][1]


def score_text(score):
    """A score as editors read it: whole numbers, rounded down (59.6 is below the B1 line of
    60 and must not read as 60), and "lager dan 0" below zero (the formula has no floor; "−64"
    says nothing more than "very hard")."""
    if score is None:
        return ""
    return "lager dan 0" if score < 0 else str(math.floor(score))


@dataclass
class Sentence:
    text: str
    words: int
    long_words: list = field(default_factory=list)
    hard_words: list = field(default_factory=list)  # [(word, plainer words or "")]
    passive: bool = False
    same_opening: bool = False
    paragraph: int = 0

    @property
    def long(self):
        return self.words > LONG_SENTENCE_WORDS


@dataclass
class Paragraph:
    words: int
    heading: bool
    first_sentence: str

    @property
    def long(self):
        return not self.heading and self.words > LONG_PARAGRAPH_WORDS


@dataclass
class Analysis:
    words: int
    sentences: list
    syllables: int
    score: float | None
    paragraphs: list = field(default_factory=list)

    @property
    def level(self):
        if self.score is None:
            return "te kort om te meten"
        return level_for(self.score)

    @property
    def b1(self):
        """True at or above B1's line, False below, None when too short to say. The one
        verdict: the field, the Checks panel, the report and the publishing gate all read it."""
        return None if self.score is None else self.score >= B1_MIN_SCORE

    @property
    def shown_score(self):
        """The score as a whole number, rounded down (see score_text)."""
        return None if self.score is None else math.floor(self.score)

    @property
    def score_text(self):
        return score_text(self.score)

    @property
    def long_sentences(self):
        return [sentence for sentence in self.sentences if sentence.long]

    @property
    def passive_sentences(self):
        return [sentence for sentence in self.sentences if sentence.passive]

    @property
    def same_openings(self):
        return [sentence for sentence in self.sentences if sentence.same_opening]

    @property
    def long_words(self):
        seen = []
        for sentence in self.sentences:
            seen.extend(word for word in sentence.long_words if word not in seen)
        return seen

    @property
    def hard_words(self):
        """[(word, plainer words or "")], each once, in order."""
        found = []
        for sentence in self.sentences:
            found.extend(sentence.hard_words)
        return found

    @property
    def long_paragraphs(self):
        return [paragraph for paragraph in self.paragraphs if paragraph.long]

    @property
    def long_sections(self):
        """The first sentence of each stretch of more than SECTION_WORDS words without a
        subheading, and its length in words."""
        found = []
        words = 0
        start = None
        for paragraph in [*self.paragraphs, Paragraph(0, True, "")]:
            if paragraph.heading:
                if words > SECTION_WORDS:
                    found.append((start, words))
                words, start = 0, None
                continue
            if start is None:
                start = paragraph.first_sentence
            words += paragraph.words
        return found

    def share(self, sentences):
        return len(sentences) / len(self.sentences) if self.sentences else 0

    def over_share(self, sentences, most):
        """ " (30% van de zinnen; hoogstens 25%)" when `sentences` are too large a share."""
        share = self.share(sentences)
        if share <= most or len(self.sentences) < MIN_SENTENCES_FOR_SHARE:
            return ""
        return f" ({percent(share)} van de zinnen; hoogstens {percent(most)})"

    @property
    def advice(self):
        """What to change, in Dutch, most important first: one line per point over its
        threshold (limits.py)."""
        lines = []
        if self.hard_words:
            lines.append(f"Moeilijke woorden: {len(self.hard_words)}.")
        if self.long_sentences:
            number = len(self.long_sentences)
            verb = "heeft" if number == 1 else "hebben"
            line = f"{count(number, 'zin', 'zinnen')} {verb} meer dan {LONG_SENTENCE_WORDS} woorden"
            lines.append(
                line + self.over_share(self.long_sentences, LONG_SENTENCES_MAX_SHARE) + "."
            )
        if self.passive_sentences:
            line = count(len(self.passive_sentences), "lijdende zin", "lijdende zinnen")
            line += self.over_share(self.passive_sentences, PASSIVE_MAX_SHARE)
            lines.append(line + ": schrijf wie iets doet.")
        if self.long_paragraphs:
            lines.append(
                count(len(self.long_paragraphs), "alinea", "alinea’s")
                + f" met meer dan {LONG_PARAGRAPH_WORDS} woorden."
            )
        if self.long_sections:
            lines.append(
                f"Meer dan {SECTION_WORDS} woorden zonder tussenkop: "
                + count(len(self.long_sections), "keer", "keer")
                + "."
            )
        if self.same_openings:
            lines.append(
                f"{SAME_OPENING_RUN} of meer zinnen achter elkaar beginnen met hetzelfde woord."
            )
        return lines

    def as_json(self):
        return {
            "score": self.shown_score,
            "scoreText": self.score_text,
            "level": self.level,
            "b1": self.b1,
            "words": self.words,
            "sentences": [
                {
                    "text": s.text,
                    "words": s.words,
                    "long": s.long,
                    "longWords": s.long_words,
                    "hardWords": [{"word": w, "alternative": a} for w, a in s.hard_words],
                    "passive": s.passive,
                    "sameOpening": s.same_opening,
                    "paragraph": s.paragraph,
                }
                for s in self.sentences
            ],
            "longSentences": len(self.long_sentences),
            "passiveSentences": len(self.passive_sentences),
            "longWords": self.long_words,
            "hardWords": [{"word": w, "alternative": a} for w, a in self.hard_words],
            "longParagraphs": len(self.long_paragraphs),
            "longSections": len(self.long_sections),
            "advice": self.advice,
            "limits": {
                "sentenceWords": LONG_SENTENCE_WORDS,
                "b1": B1_MIN_SCORE,
                "paragraphWords": LONG_PARAGRAPH_WORDS,
                "sectionWords": SECTION_WORDS,
            },
        }


def percent(share):
    return f"{round(share * 100)}%"


def count(number, one, many):
    return f"{number} {one if number == 1 else many}"


def analyse(text, lists: WordLists = EMPTY):
    """The readability of `text` (plain text, rich text or HTML). `lists`: the editors' word
    lists (readability.lists.word_lists()); without them only wordfreq judges words."""
    known = SUBJECT_WORDS | lists.site_words
    sentences = []
    paragraphs = []
    total_words = total_syllables = 0
    seen_hard = set()
    budget = MAX_TEXT_LENGTH
    for heading, block in blocks_of(text):
        if budget <= 0:
            break
        block = block[:budget]
        budget -= len(block) + 1
        paragraph_words = 0
        first = ""
        for part in split_sentences(block):
            words = WORD.findall(part)
            if not words:
                continue
            first = first or part
            paragraph_words += len(words)
            if heading:
                continue  # a heading is read, not measured as a sentence
            total_words += len(words)
            total_syllables += sum(
                KNOWN_WORD_SYLLABLES if word.lower() in known else syllables(word) for word in words
            )
            long_words = []
            for word in words:
                if is_long_word(word, known) and word not in long_words:
                    long_words.append(word)
            sentences.append(
                Sentence(
                    part,
                    len(words),
                    long_words,
                    hard_words(words, known | lists.explained, lists.alternatives, seen_hard),
                    grammar.is_passive(part),
                    paragraph=len(paragraphs),
                )
            )
        if paragraph_words:
            paragraphs.append(Paragraph(paragraph_words, heading, first))
    for index in grammar.same_openings([s.text for s in sentences], SAME_OPENING_RUN):
        sentences[index].same_opening = True
    score = None
    if total_words >= MIN_WORDS_FOR_SCORE and sentences:
        score = (
            206.835 - 0.93 * (total_words / len(sentences)) - 77 * (total_syllables / total_words)
        )
    return Analysis(total_words, sentences, total_syllables, score, paragraphs)
