"""Hard words: rare in everyday Dutch, by the word frequencies of `wordfreq` (its Dutch list is
built from SUBTLEX-NL film subtitles, Wikipedia, news, books and web text; data CC BY-SA 4.0,
docs/readability.md). An inflected form is judged by its base where one can be found
("faciliteert" by "faciliteren"), so a verb is not hard in one form and easy in another; a
compound of two common words ("zorginstelling") is not hard.

Two lists the editors keep in the admin change the verdict: the site's own words, which are
rare but the subject of the site and explained on it (never hard), and hard words with a
plainer alternative (always hard, and the alternative is shown)."""

import math
from functools import cache, lru_cache

from readability.text.limits import COMPOUND_PART_ZIPF, MIN_LETTERS_FOR_RARE, RARE_ZIPF, WORD_CACHE

LANGUAGE = "nl"
VOWELS = "aeiou"


@cache
def _frequencies():
    """wordfreq's Dutch list, {word: share of all words}: read once per process (0.3 s)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict(LANGUAGE)


def zipf(word):
    """Zipf frequency of one exact word form (0 when the list does not have it)."""
    share = _frequencies().get(word, 0.0)
    return math.log10(share * 1e9) if share > 0 else 0.0


@lru_cache(maxsize=WORD_CACHE)
def base_forms(word):
    """The word and the forms it may come from: plurals, verb forms, participles, adjectives
    with -e. Guesses; the most frequent of them is taken."""
    word = word.lower()
    forms = [word]

    def add(form):
        if len(form) >= 3 and form not in forms:
            forms.append(form)

    def infinitive(stem):
        # "faciliteer" -> "faciliteren", "maak" -> "maken", "werk" -> "werken"
        if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in VOWELS:
            add(stem[:-2] + stem[-1] + "en")
        add(stem + "en")
        if stem.endswith(("f", "s")):  # "leef" -> "leven", "reis" -> "reizen"
            add(stem[:-1] + {"f": "v", "s": "z"}[stem[-1]] + "en")

    for ending in ("en", "s", "e", "'s", "’s"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            add(stem)
            # An open syllable lost its double vowel: "adequate" -> "adequaat", "grote" -> "groot"
            if ending in ("e", "en") and len(stem) >= 3 and stem[-2] in VOWELS:
                after_consonant = stem[-3] not in VOWELS or stem[-4:-2] == "qu"
                if after_consonant and stem[-1] not in VOWELS:
                    add(stem[:-1] + stem[-2] + stem[-1])
    for ending in ("t", "de", "te", "den", "ten"):
        if word.endswith(ending):
            infinitive(word[: -len(ending)])
    if word.startswith("ge") and word.endswith(("d", "t")):  # "gemaakt" -> "maken"
        infinitive(word[2:-1])
    if word.endswith(("d", "t")):  # "betaald" -> "betalen", "verteld" -> "vertellen"
        infinitive(word[:-1])
    if word.endswith("en") and len(word) > 4 and word[-3] == word[-4]:  # "bedden" -> "bed"
        add(word[:-3])
    return tuple(forms)


@lru_cache(maxsize=WORD_CACHE)
def form_frequency(word):
    return max(zipf(form) for form in base_forms(word))


@lru_cache(maxsize=WORD_CACHE)
def is_common_compound(word):
    """Two common words joined, with or without the linking s or e(n): "zorginstelling",
    "ervaringsverhaal", "vrijwilligerswerk"."""
    for cut in range(3, len(word) - 2):
        left, right = word[:cut], word[cut:]
        if form_frequency(right) < COMPOUND_PART_ZIPF:
            continue
        lefts = [left]
        if left.endswith("s"):
            lefts.append(left[:-1])
        if left.endswith("en"):
            lefts.append(left[:-2])
        if any(len(part) >= 3 and zipf(part) >= COMPOUND_PART_ZIPF for part in lefts):
            return True
    return False


@cache
def is_rare(word):
    word = word.lower()
    if "-" in word:  # "ggz-instelling", "Wmo-raad": judged by their parts
        return any(is_rare(part) for part in word.split("-"))
    letters = sum(ch.isalpha() for ch in word)
    if letters < MIN_LETTERS_FOR_RARE or word[:1].isdigit():
        return False
    if form_frequency(word) >= RARE_ZIPF:
        return False
    return not is_common_compound(word)


def find_in(forms, table):
    for form in forms:
        if form in table:
            return table[form]
    return None


def hard_words(sentence_words, site_words=frozenset(), alternatives=None, seen=None):
    """[(word as written, alternative or "")] for the hard words in one sentence (its words, in
    order), each once (across calls sharing `seen`). A capitalised word inside a sentence is a
    name (Movisie, Boevink) and not judged; the first word of a sentence is. `site_words`:
    lower-case words never hard. `alternatives`: {hard word or phrase: plainer words}, lower
    case; a phrase ("ten behoeve van") is found in the sentence as a whole."""
    alternatives = alternatives or {}
    seen = set() if seen is None else seen
    found = []
    lowered = [word.lower() for word in sentence_words]
    joined = f" {' '.join(lowered)} "
    for phrase, alternative in alternatives.items():
        if " " in phrase and f" {phrase} " in joined and phrase not in seen:
            seen.add(phrase)
            parts = phrase.split()
            start = next(i for i in range(len(lowered)) if lowered[i : i + len(parts)] == parts)
            found.append((" ".join(sentence_words[start : start + len(parts)]), alternative))
    for position, word in enumerate(sentence_words):
        key = lowered[position]
        if key in seen:
            continue
        if position > 0 and word[:1].isupper() and key not in alternatives:
            continue
        seen.add(key)
        forms = base_forms(key)
        if any(form in site_words for form in forms):
            continue
        alternative = find_in(forms, alternatives)
        if alternative is not None:
            found.append((word, alternative))
        elif is_rare(key):
            found.append((word, ""))
    return found
