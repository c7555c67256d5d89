"""Site search that finds the right thing first, the same on SQLite as on PostgreSQL.

Two things Wagtail's database search backends do differently, or not at all:

* **Dutch word forms.** PostgreSQL's `dutch` configuration stems words (Snowball), so
  *ervaringsdeskundige* also finds *ervaringsdeskundigen*. SQLite's full-text index does not.
  So every query word is expanded into the forms that share its Snowball stem — the same
  stemmer PostgreSQL uses — and the forms are searched together. On PostgreSQL that changes
  nothing (all forms stem alike); on SQLite it gives the same answers.
* **Titles first.** A page whose title holds a query word comes before pages that only mention
  it, whatever the relevance score says; within each group the backend's order stands.

The page of results costs a fixed number of queries: the ids of all matches (two searches),
then only the ten pages shown.
"""

import re
from functools import lru_cache

import snowballstemmer

MAX_WORDS = 12
MAX_FORMS = 8
_STEMMER = snowballstemmer.stemmer("dutch")
VOWELS = "aeiou"


@lru_cache(maxsize=4096)
def stem(word):
    return _STEMMER.stemWord(word)


def _neighbours(word):
    """Spellings a Dutch singular or plural of `word` can take (not all are words)."""
    forms = {word, word + "e", word + "en", word + "n", word + "s", word + "es"}
    for ending in ("en", "n", "s", "es", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)]
            forms |= {base, base + "e"}
            # stappen -> stap, rollen -> rol
            if len(base) > 2 and base[-1] == base[-2] and base[-1] not in VOWELS:
                forms.add(base[:-1])
            # taken -> taak
            if len(base) > 2 and base[-1] not in VOWELS and base[-2] in VOWELS:
                forms.add(base[:-1] + base[-2] + base[-1])
    # stap -> stappen, rol -> rollen
    if len(word) > 2 and word[-1] not in VOWELS and word[-2] in VOWELS:
        forms.add(word + word[-1] + "en")
    # taak -> taken
    if len(word) > 3 and word[-1] not in VOWELS and word[-2] == word[-3] and word[-2] in VOWELS:
        forms.add(word[:-2] + word[-1] + "en")
    return forms


@lru_cache(maxsize=4096)
def word_forms(word):
    """`word` and its forms that share its Snowball stem, closed under taking neighbours again,
    so singular and plural give the same set. Sorted, at most MAX_FORMS."""
    word = word.lower()
    target = stem(word)
    found = {word}
    frontier = {word}
    while frontier and len(found) < 4 * MAX_FORMS:
        new = set()
        for form in frontier:
            new |= {n for n in _neighbours(form) if n not in found and stem(n) == target}
        found |= new
        frontier = new
    shortest_first = sorted(found, key=lambda form: (len(form), form))
    return tuple(shortest_first[:MAX_FORMS])


def query_words(query):
    """The words of a visitor's query: letters and digits only (quotes and operators mean
    something to the full-text syntax, and a visitor did not mean them that way)."""
    return re.findall(r"\w+", query)[:MAX_WORDS]


def expanded(words):
    """All forms of all words, as one string for an OR search."""
    forms = []
    for word in words:
        forms.extend(form for form in word_forms(word) if form not in forms)
    return " ".join(forms)


def search_ids(queryset, words):
    """The ids of the pages in `queryset` matching any form of `words`: title matches first,
    each group in the backend's order of relevance."""
    terms = expanded(words)
    if not terms:
        return []
    ids = [page.pk for page in queryset.only("id").search(terms, operator="or")]
    in_title = {
        page.pk
        for page in queryset.only("id").search(
            terms, operator="or", fields=["title"], order_by_relevance=False
        )
    }
    return [pk for pk in ids if pk in in_title] + [pk for pk in ids if pk not in in_title]
