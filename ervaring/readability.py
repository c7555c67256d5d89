"""How easy a Dutch text is to read: the Flesch-Douma score, what it means for B1, and the
sentences and words that make it hard. Computed here, on our own server; nothing leaves it.

Flesch-Douma is Douma's (1960) Dutch version of the Flesch reading ease:

    206.835 − 0.93 × (words per sentence) − 77 × (syllables per word)

A higher score is easier. It is a rough measure: it counts, it does not understand. We use 60
as the line for B1 (the level most Dutch adults read comfortably), as Dutch plain-language
guides commonly do; docs/readability.md says why and what the tool does not see.

The editor (static/js/readability.js), the admin report "Leesbaarheid" and the accessibility
statement all use `analyse()`, so they never disagree.
"""

import math
import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags

B1_MIN_SCORE = 60
LONG_SENTENCE_WORDS = 20
LONG_WORD_SYLLABLES = 6
LONG_WORD_LETTERS = 18
MIN_WORDS_FOR_SCORE = 10
MAX_TEXT_LENGTH = 50_000

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
# are not marked as long words. The report says so.
KNOWN_WORD_SYLLABLES = 2
SUBJECT_WORDS = {
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

VOWELS = "aeiouyáéíóúàèìòùâêîôûäöüÿ"
DIAERESIS = "ëï"
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
ABBREVIATIONS = re.compile(
    r"\b(bijv|bv|o\.a|d\.w\.z|enz|etc|ca|nl|m\.a\.w|t\.o\.v|z\.g\.a\.n|mr|dr|drs|ir|prof|nr|blz)\.",
    re.IGNORECASE,
)
# A sentence ends at . ! ? or … (then space and a capital, digit or quote), or at a line break.
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'’”)]*\s+(?=[\"'‘“(]?[A-ZÀ-Ý0-9])|\n+")


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


def plain_text(value):
    """Text from a field value: rich text and HTML without tags, block lists joined."""
    if value is None:
        return ""
    text = str(value)
    if "<" in text:
        text = re.sub(r"</(p|li|h[1-6]|blockquote|div)>|<br\s*/?>", "\n", text)
        text = strip_tags(text)
    return text.replace("\xa0", " ").replace("\xad", "")


def split_sentences(text):
    protected = ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "\u2024"), text)
    parts = SENTENCE_END.split(protected)
    return [part.replace("\u2024", ".").strip() for part in parts if part and part.strip()]


def is_long_word(word):
    if word.lower() in SUBJECT_WORDS:
        return False
    letters = sum(ch.isalpha() for ch in word)
    return letters >= LONG_WORD_LETTERS or syllables(word) >= LONG_WORD_SYLLABLES


def level_for(score):
    for lowest, label in LEVELS:
        if score >= lowest:
            return label
    return LEVELS[-1][1]


@dataclass
class Sentence:
    text: str
    words: int
    long_words: list = field(default_factory=list)

    @property
    def long(self):
        return self.words > LONG_SENTENCE_WORDS


@dataclass
class Analysis:
    words: int
    sentences: list
    syllables: int
    score: float | None

    @property
    def level(self):
        if self.score is None:
            return "te kort om te meten"
        return level_for(self.score)

    @property
    def b1(self):
        """True at or above B1's line, False below, None when too short to say."""
        return None if self.score is None else self.score >= B1_MIN_SCORE

    @property
    def long_sentences(self):
        return [sentence for sentence in self.sentences if sentence.long]

    @property
    def long_words(self):
        seen = []
        for sentence in self.sentences:
            seen.extend(word for word in sentence.long_words if word not in seen)
        return seen

    @property
    def shown_score(self):
        """The score as a whole number, rounded down: 59.6 is below the B1 line of 60 and must
        not read as 60."""
        return None if self.score is None else math.floor(self.score)

    def as_json(self):
        return {
            "score": self.shown_score,
            "level": self.level,
            "b1": self.b1,
            "words": self.words,
            "sentences": [
                {"text": s.text, "words": s.words, "long": s.long, "longWords": s.long_words}
                for s in self.sentences
            ],
            "longSentences": len(self.long_sentences),
            "longWords": self.long_words,
            "limits": {"sentenceWords": LONG_SENTENCE_WORDS, "b1": B1_MIN_SCORE},
        }


def analyse(text):
    """The readability of `text` (plain text or HTML)."""
    text = plain_text(text)[:MAX_TEXT_LENGTH]
    sentences = []
    total_words = total_syllables = 0
    for part in split_sentences(text):
        words = WORD.findall(part)
        if not words:
            continue
        total_words += len(words)
        total_syllables += sum(
            KNOWN_WORD_SYLLABLES if word.lower() in SUBJECT_WORDS else syllables(word)
            for word in words
        )
        long_words = []
        for word in words:
            if is_long_word(word) and word not in long_words:
                long_words.append(word)
        sentences.append(Sentence(part, len(words), long_words))
    score = None
    if total_words >= MIN_WORDS_FOR_SCORE and sentences:
        score = (
            206.835 - 0.93 * (total_words / len(sentences)) - 77 * (total_syllables / total_words)
        )
    return Analysis(total_words, sentences, total_syllables, score)
