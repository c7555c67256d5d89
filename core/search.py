"""Site search that finds the right thing first, the same on SQLite as on PostgreSQL.

Two things Wagtail's database search backends do differently, or not at all:

* **Dutch word forms.** PostgreSQL's `dutch` configuration stems words (Snowball), so
  *ervaringsdeskundige* also finds *ervaringsdeskundigen*. SQLite's full-text index does not.
  So every query word is expanded into the forms that share its Snowball stem — the same
  stemmer PostgreSQL uses — and the forms are searched together. On PostgreSQL that changes
  nothing (all forms stem alike); on SQLite it gives the same answers.
* **Words that mean the same.** The editors keep groups of words that mean the same to a
  visitor (SearchSynonym, under "Indeling"): a query word found in a group (any form of it)
  brings the group's other words along, so "geld" also finds "betaald" and "salaris".
* **Titles first.** A page whose title holds a query word comes before pages that only mention
  it, whatever the relevance score says; within each group the backend's order stands.

The page of results costs a fixed number of queries: the ids of all matches (two searches),
then only the ten pages shown.
"""

import re
from functools import lru_cache

import snowballstemmer
from wagtail.models import get_page_models

MAX_WORDS = 12
MAX_FORMS = 8
MAX_TERMS = 64
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


def query_words(query, limit=MAX_WORDS):
    """The words of a visitor's query: letters and digits only (quotes and operators mean
    something to the full-text syntax, and a visitor did not mean them that way)."""
    return re.findall(r"\w+", query)[:limit]


def with_synonyms(words, groups):
    """`words` and, after them, the other words of every group (a tuple of words) that holds
    one of them in any form: each word once."""
    found = [word.lower() for word in words]
    for word in words:
        forms = set(word_forms(word))
        target = stem(word.lower())
        for group in groups:
            if any(member in forms or stem(member) == target for member in group):
                found.extend(member for member in group if member not in found)
    return found


def expanded(words):
    """All forms of all words, as one string for an OR search (at most MAX_TERMS forms)."""
    forms = []
    for word in words:
        forms.extend(form for form in word_forms(word) if form not in forms)
    return " ".join(forms[:MAX_TERMS])


def search_ids(queryset, words, groups=()):
    """The ids of the pages in `queryset` matching any form of `words` or of their synonyms in
    `groups`: title matches first, then pages whose search-only fields match (a role's facets:
    "vrijwilliger" finds the volunteer roles next), then the rest; each group in the backend's
    order of relevance."""
    terms = expanded(with_synonyms(words, groups))
    if not terms:
        return []
    ids = [page.pk for page in queryset.only("id").search(terms, operator="or")]
    if not ids:
        return []
    ranks = dict.fromkeys(ids, 2)
    stems = {stem(term) for term in terms.split()}
    for model in facet_models():
        for page in model.search_only_queryset(ids):
            text = " ".join(str(getattr(page, name)()) for name in model.search_only_fields)
            if stems & {stem(word) for word in query_words(text.lower())}:
                ranks[page.pk] = 1
    for page in queryset.only("id").search(
        terms, operator="or", fields=["title"], order_by_relevance=False
    ):
        ranks[page.pk] = 0
    return sorted(ids, key=ranks.__getitem__)


def facet_models():
    """The page types that index words only for search (`search_only_fields`, methods that
    return text) and say how to load many of them at once (`search_only_queryset(ids)`).
    Their words are compared here, by stem, the same on every database: SQLite's index
    cannot search one such field on its own."""
    return [model for model in get_page_models() if getattr(model, "search_only_fields", ())]
