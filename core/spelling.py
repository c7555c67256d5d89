"""Search that meets people where they type (issue 33): the words and names the site knows, to
forgive a misspelt word ("kwartermaker" → "Bedoelde je kwartiermaker?") and to find a name
typed as two words ("cliënt ondersteuner", "herstel coach") or with its accents left out.

The vocabulary is small and bounded — the titles of the live public pages, the other names and
terms the apps add through SEARCH_NAMES_HOOK (a role's other names, the glossary's terms), and
the editors' words that mean the same — and is built once per content version. The same on
SQLite and PostgreSQL: the close match is Python's own difflib over these few thousand words,
which costs well under a millisecond, where PostgreSQL's trigram index would only serve
PostgreSQL and need an extension (docs/decisions.md)."""

import difflib
import itertools
import re
import unicodedata

from wagtail import hooks
from wagtail.models import Page

from caching.data import cached_for_content
from core.models import SearchSynonym
from core.privacy import public
from core.search import stem, word_forms

# The Wagtail hook through which apps add names a page is known by: a function returning
# [(name, page id)] for live, public pages only.
SEARCH_NAMES_HOOK = "register_search_names"
MIN_WORD = 4  # shorter words are too easily another word
CLOSENESS = 0.8
MAX_VOCABULARY = 20_000


def plain(text):
    """Lower case, without accents: 'Cliënt' → 'client'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def joined(text):
    """A name as one word, without spaces, hyphens and accents: 'herstel-coach' → 'herstelcoach'."""
    return re.sub(r"[\W_]+", "", plain(text))


class Vocabulary:
    def __init__(self, names, extra_words=()):
        self.names = {}  # the stem of the joined name -> page ids
        words = {}  # plain word -> the word as the site writes it
        for name, page_id in names:
            key = stem(joined(name))
            if key:
                self.names.setdefault(key, [])
                if page_id not in self.names[key]:
                    self.names[key].append(page_id)
            for word in re.findall(r"\w+", name):
                words.setdefault(plain(word), word.lower())
        for word in extra_words:
            words.setdefault(plain(word), word.lower())
        self.words = dict(list(words.items())[:MAX_VOCABULARY])
        self.choices = [word for word in self.words if len(word) >= MIN_WORD]

    def knows(self, word):
        return any(plain(form) in self.words for form in word_forms(word))

    def corrected(self, words):
        """`words` with each unknown word replaced by the closest word the site knows; None
        when nothing changed."""
        changed, out = False, []
        for word in words:
            if len(word) < MIN_WORD or word.isdigit() or self.knows(word):
                out.append(word)
                continue
            close = difflib.get_close_matches(plain(word), self.choices, n=1, cutoff=CLOSENESS)
            if close:
                out.append(self.words[close[0]])
                changed = True
            else:
                out.append(word)
        return out if changed else None

    def compounds(self, words):
        """Two neighbouring words the site knows as one: 'herstel coach' → 'herstelcoach'."""
        found = []
        for first, second in itertools.pairwise(words):
            key = plain(first + second)
            if key in self.words and self.words[key] not in found:
                found.append(self.words[key])
        return found

    def named(self, words):
        """The pages whose title or other name is exactly what was typed, spaces, hyphens,
        accents and a plural ending aside."""
        return self.names.get(stem(joined("".join(words))), [])


def site_names():
    pages = public(Page.objects.live().filter(depth__gt=1)).values_list("title", "pk")
    names = list(pages)
    for offer in hooks.get_hooks(SEARCH_NAMES_HOOK):
        names.extend(offer())
    synonyms = [word for group in SearchSynonym.groups() for word in group]
    return Vocabulary(names, synonyms)


def vocabulary():
    """The site's Vocabulary, built once per content version."""
    return cached_for_content("search:vocabulary", site_names)
