"""What makes a Dutch sentence hard to read, beyond its length: passive voice, and three
sentences in a row that open with the same word. Rules, not a parser: docs/readability.md
says what they catch and what they miss.

Passive (lijdende vorm), as the Dutch B1 guides (Direct Duidelijk, Klinkende Taal) and Yoast's
Dutch check describe it:

- a form of *worden* with a past participle in the same clause: "Het formulier wordt door de
  cliënt ingevuld", "De aanvraag werd goedgekeurd";
- a form of *zijn* with a past participle only where it is a passive, not a perfect tense: with
  an agent ("is door de gemeente betaald") or with *geworden* ("is ingevuld geworden"). "Zij is
  gisteren vertrokken" is a perfect tense and not passive; "Ik word morgen dertig" has no
  participle and is not passive.

A past participle is a word with ge- (gemaakt, gegeven, geschreven), a separable verb's
particle before ge- (ingevuld, opgezet, uitgenodigd), or a verb with an inseparable prefix
(be-, her-, ont-, ver-, er-, onder-, over-, door-, mis-, vol-, achter-) and the participle's
ending -d, -t or -en (betaald, herschreven, ontvangen, verteld, ondersteund, overgenomen).
Nouns and adjectives that look like one (beleid, gebied, gezondheid, verschillend) are not.
"""

import re
from functools import lru_cache

from readability.text.limits import WORD_CACHE

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

WORDEN = {"word", "wordt", "worden", "werd", "werden", "geworden"}
ZIJN = {"is", "zijn", "was", "waren", "ben", "bent", "zal", "zullen"}
AGENT = "door"
# Words that end a clause: a participle after one of these belongs to the next clause.
CLAUSE_BREAK = re.compile(r"[,;:()–—]|\b(?:en|maar|want|omdat|dat|die|als|terwijl|of|dus)\b")

PARTICLES = (
    "aan", "achter", "af", "bij", "binnen", "door", "in", "los", "mee", "na", "neer", "om",
    "onder", "op", "over", "rond", "samen", "tegen", "terug", "toe", "uit", "vast", "voor",
    "vrij", "weg", "thuis", "kennis", "deel", "plaats", "goed", "klaar", "stop", "teleur",
)  # fmt: skip
INSEPARABLE = ("be", "her", "ont", "ver", "er", "onder", "over", "door", "mis", "vol", "achter")
# Words that look like a participle but are not one (nouns, adjectives, adverbs).
NOT_PARTICIPLES = {
    "beleid", "gebied", "geld", "gezin", "genoeg", "geheel", "gemeente", "gemeenten", "gesprek",
    "gewicht", "gedicht", "gevoelen", "gebruiken", "geloven", "geven", "gaan", "geen", "gelden",
    "gewend", "gezond", "verband", "verstand", "bestand", "verleden", "volwassen", "overheid",
    "ervaren", "bezoeken", "betekent", "betekenen", "vertellen", "verdienen", "onderzoeken",
    "herstel", "besteden", "beginnen", "bedoeld", "vanavond", "tevreden", "ontstaan",
    "ergens", "verder", "overal", "beneden", "boven", "eerst", "gesloten", "verschillen",
    "verkeerd", "verkeerde", "bekend", "bekende", "beroemd", "gelukkig", "geleden", "verboden",
    "ongeveer", "werk", "onderwerp", "ervaring", "eten", "weten", "open",
}  # fmt: skip
NOT_PARTICIPLE_ENDINGS = ("heid", "heden", "schap", "ing", "ingen", "end", "ende", "tje", "je")
# Past participles that end like a present participle ("-end"): ondertekend, herkend.
ALSO_PARTICIPLES = {"ondertekend", "getekend", "herkend", "erkend", "gekend", "verwend"}


def words_of(text):
    return WORD.findall(text)


@lru_cache(maxsize=WORD_CACHE)
def is_participle(word):
    """Whether `word` can be a past participle (see the module's docstring)."""
    word = word.lower()
    if word in ALSO_PARTICIPLES:
        return True
    if len(word) < 5 or word in NOT_PARTICIPLES or word.endswith(NOT_PARTICIPLE_ENDINGS):
        return False
    # gedaan, gegaan, gestaan end in -aan; every other participle in -d, -t or -en.
    if word.endswith(("d", "t", "en")) or (word.endswith("aan") and "ge" in word[:-3]):
        if word.startswith("ge") and len(word) >= 6:
            return True
        for particle in PARTICLES:
            if word.startswith(particle + "ge") and len(word) >= len(particle) + 5:
                return True
    if not word.endswith(("d", "t", "en")):
        return False
    for prefix in INSEPARABLE:
        rest = word[len(prefix) :]
        # "verteld", "betaald", "ontvangen", "ondersteund": the ending of a participle after
        # an inseparable prefix (-d, -t, -en); not an infinitive "-eren", "-elen".
        if (
            word.startswith(prefix)
            and len(rest) >= 4
            and (
                word.endswith(("d", "t"))
                or (word.endswith("en") and not word.endswith(("eren", "elen", "enen")))
            )
        ):
            return True
    return False


def clauses(sentence):
    return [part for part in CLAUSE_BREAK.split(sentence.lower()) if part and part.strip()]


def is_passive(sentence):
    """Whether `sentence` has a clause in the passive voice (see the module's docstring)."""
    for clause in clauses(sentence):
        words = words_of(clause)
        lowered = [word.lower() for word in words]
        participles = [word for word in lowered if is_participle(word) and word not in WORDEN]
        if not participles:
            continue
        if any(word in WORDEN for word in lowered):
            return True
        if any(word in ZIJN for word in lowered) and AGENT in lowered:
            return True
    return False


def same_openings(sentences, run=3):
    """The indexes of sentences that are the third (or later) in a row to open with the same
    word, as Yoast's Dutch check counts it."""
    flagged = []
    streak = 1
    previous = None
    for index, sentence in enumerate(sentences):
        first = next(iter(words_of(sentence)), "").lower()
        streak = streak + 1 if first and first == previous else 1
        if streak >= run:
            flagged.append(index)
        previous = first
    return flagged
