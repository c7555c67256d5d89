"""Soft hyphens in long Dutch words, so a heading on a 320 px phone breaks "ervarings-
deskundigheid" with a hyphen where a Dutch reader expects it, instead of cutting it after any
letter. Invisible unless the word has to break; screen readers and find-in-page ignore them.

Where a word may break comes from a Dutch hyphenation dictionary (pyphen's nl_NL, the
LibreOffice patterns), never leaving fewer than EDGE letters on a line. The dictionary
splits by syllable and does not know our compounds ("cli-ën-ton-der-steu-ner"), so at the
joints of the compounds this site uses most the joint wins over the syllable breaks beside it
("cliënt-onder-steuner")."""

import re
from functools import lru_cache

import pyphen

SOFT_HYPHEN = "\u00ad"
# Shorter words fit on a line of the narrowest screen we support.
MIN_LETTERS = 10
# A break leaves at least this many letters on either side.
EDGE = 4
# A syllable break this close to a known joint gives way to it.
NEAR_JOINT = 3

# The first parts of the long compounds this site uses (a joint follows each).
JOINTS = (
    "belangen",
    "beleids",
    "cliënt",
    "cliënten",
    "deskundig",
    "ervarings",
    "gespreks",
    "klachten",
    "kwaliteits",
    "lotgenoten",
    "patiënten",
    "professionaliserings",
    "schuldhulp",
    "toegankelijkheids",
    "vertrouwens",
    "zorg",
)
_DICTIONARY = pyphen.Pyphen(lang="nl_NL", left=EDGE, right=EDGE)
_LONG_WORD = re.compile(rf"[^\W\d_]{{{MIN_LETTERS},}}")


def joints_in(word):
    """Positions in `word` right after a known first part (the longest one that starts there:
    "cliënten|raad", not "cliënt|enraad"), with at least EDGE letters on either side."""
    lower = word.lower()
    longest = {}
    for part in JOINTS:
        start = lower.find(part)
        while start != -1:
            longest[start] = max(longest.get(start, 0), len(part))
            start = lower.find(part, start + 1)
    return {
        start + length
        for start, length in longest.items()
        if start + length >= EDGE and len(word) - start - length >= EDGE
    }


@lru_cache(maxsize=4096)
def break_points(word):
    """Where `word` may break: its joints, and the dictionary's breaks not too near one."""
    joints = joints_in(word)
    syllables = {
        point
        for point in _DICTIONARY.positions(word)
        if all(abs(point - joint) > NEAR_JOINT for joint in joints)
    }
    return tuple(sorted(joints | syllables))


def hyphenate_word(word):
    pieces, start = [], 0
    for point in break_points(word):
        pieces.append(word[start:point])
        start = point
    pieces.append(word[start:])
    return SOFT_HYPHEN.join(pieces)


def hyphenate(text):
    """`text` with soft hyphens in every word of MIN_LETTERS letters or more."""
    return _LONG_WORD.sub(lambda match: hyphenate_word(match.group()), str(text))
