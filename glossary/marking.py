"""Marking the first use of each term in a page's text, and its explanation in place.

The page's rendered StreamFields (BasePage.rendered_stream_fields, through core's hook
MARK_TEXT_HOOK) are read as HTML: tags are left as they are, text between them is searched for
the terms' forms (whole words; a form in capitals, such as ‘MEE’, only in capitals, so the
common word ‘mee’ is never marked). The first use of a term on the page becomes a link to its
explanation, which follows it at once and is shown by the browser's own `:target` — without
JavaScript, by keyboard and screen reader (the explanation takes the focus). Nothing in
headings, links, buttons, captions or code is marked, and the words themselves are never
changed, soft hyphens included: only wrapped. A printed page lists the terms it used at its end.

Kept per content version like the rest of what a page shows (caching/data.py)."""

import html
import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from caching.data import cached_for_content
from glossary.models import Term

TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")
# One character of text as HTML writes it: an entity, or the character itself.
CHARACTER = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);|.", re.S)
# Inside these, nothing is marked.
UNMARKED = {
    "a", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "button", "label", "figcaption",
    "code", "pre", "script", "style", "textarea", "select", "option", "time", "abbr", "dt",
}  # fmt: skip
SOFT_HYPHEN = "\xad"
QUOTES = str.maketrans({"’": "'", "‘": "'"})


@dataclass(frozen=True)
class Entry:
    term: str
    slug: str
    explanation: str
    mark: str


class Terms:
    """The terms of the site, with the two patterns that find their forms in text."""

    def __init__(self, terms):
        self.entries = {}
        exact, loose = {}, {}
        for term in terms:
            entry = Entry(term.term, term.slug, term.explanation, term.mark)
            for form in term.forms:
                form = form.translate(QUOTES)
                if len(form) > 1 and form.upper() == form and any(c.isalpha() for c in form):
                    exact.setdefault(form, entry)
                else:
                    loose.setdefault(form.lower(), entry)
        self.exact, self.loose = exact, loose
        self.exact_pattern = self.pattern(exact, 0)
        self.loose_pattern = self.pattern(loose, re.IGNORECASE)

    @staticmethod
    def pattern(forms, flags):
        if not forms:
            return None
        words = sorted(forms, key=len, reverse=True)
        alternatives = "|".join(re.escape(word) for word in words)
        return re.compile(rf"(?<![\w'-])(?:{alternatives})(?![\w-])", flags)

    def found(self, text):
        """(start, end, entry) of every form in `text`, in order."""
        hits = []
        if self.exact_pattern is not None:
            hits += [
                (m.start(), m.end(), self.exact[m.group()])
                for m in self.exact_pattern.finditer(text)
            ]
        if self.loose_pattern is not None:
            hits += [
                (m.start(), m.end(), self.loose[m.group().lower()])
                for m in self.loose_pattern.finditer(text)
            ]
        return sorted(hits, key=lambda hit: (hit[0], hit[0] - hit[1]))  # the longest first


def site_terms():
    """The site's Terms, made once per content version."""
    return cached_for_content("glossary:terms", lambda: Terms(list(Term.objects.all())))


def visible(raw):
    """The text a reader sees in the HTML text `raw` (entities decoded, soft hyphens out, curly
    apostrophes straight), and for each of its characters where it starts and ends in `raw`."""
    chars, starts, ends = [], [], []
    for match in CHARACTER.finditer(raw):
        char = html.unescape(match.group())
        if char == SOFT_HYPHEN:
            continue
        # An entity html does not know stays as it is: one character no word contains.
        chars.append(char.translate(QUOTES) if len(char) == 1 else "\0")
        starts.append(match.start())
        ends.append(match.end())
    return "".join(chars), starts, ends


def marked(raw, entry):
    word = f"woord-{entry.slug}"
    explanation = f"uitleg-{entry.slug}"
    return render_to_string(
        "glossary/includes/term_in_text.html",
        {"raw": mark_safe(raw), "entry": entry, "word_id": word, "explanation_id": explanation},  # noqa: S308 - raw is the page's own HTML text
    ).strip()


def mark_text(parts, terms, used):
    """`parts` ({name: HTML}) with each term's first use marked; `used` (a list) gets the
    entries marked, in order."""
    seen = {entry.slug for entry in used}
    result = {}
    for name, source in parts.items():
        pieces = TAG.split(str(source))
        unmarked_depth = 0
        for index, piece in enumerate(pieces):
            if index % 2:  # a tag
                found = TAG_NAME.match(piece)
                if found and found.group(2).lower() in UNMARKED and not piece.endswith("/>"):
                    unmarked_depth += -1 if found.group(1) else 1
                    unmarked_depth = max(unmarked_depth, 0)
                continue
            if unmarked_depth or not piece.strip():
                continue
            text, starts, ends = visible(piece)
            out, last = [], 0
            for start, end, entry in terms.found(text):
                if entry.slug in seen:
                    continue
                begin, finish = starts[start], ends[end - 1]
                if begin < last:
                    continue
                out += [piece[last:begin], marked(piece[begin:finish], entry)]
                last = finish
                seen.add(entry.slug)
                used.append(entry)
            if out:
                pieces[index] = "".join([*out, piece[last:]])
        result[name] = mark_safe("".join(pieces))  # noqa: S308 - the page's own HTML, and our template's
    return result


def mark_page_text(page, streams):
    """core's MARK_TEXT_HOOK: the page's streams with the terms marked, and, for paper, the
    terms the page used at the end of its last stream."""
    terms = site_terms()
    if not streams or not (terms.exact or terms.loose):
        return streams
    used = []
    streams = mark_text(streams, terms, used)
    if used:
        last = list(streams)[-1]
        listed = render_to_string("glossary/includes/terms_used.html", {"used": used})
        streams[last] = mark_safe(streams[last] + listed)  # noqa: S308 - rendered by our template
    return streams
