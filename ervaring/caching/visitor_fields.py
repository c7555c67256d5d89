"""Form values that must differ per visitor on a page that comes from the cache.

When a page is stored, the value of each registered hidden field is cut out; when it is served,
a fresh value is filled in for this visitor. The CSRF token comes from Django's own
`get_token()`, so Django's CSRF middleware checks it as any other (docs/decisions.md, "CSRF on
cached pages")."""

import re

from django.middleware.csrf import get_token

CSRF_FIELD = "csrfmiddlewaretoken"

# name of a hidden form field -> function(request) giving this visitor's value.
_fields = {CSRF_FIELD: get_token}


def register(name, make_value):
    """Have the hidden field `name` filled per visitor when a page comes from the cache."""
    _fields[name] = make_value


_MARK = re.compile("\x00fresh:([^\x00]+)\x00")


def _pattern(name):
    return re.compile(r'(<input type="hidden" name="' + re.escape(name) + r'" value=")[^"]*(")')


def cut_out(body):
    """(pieces, names): the page as [text, field name, text, field name, …, text] around the
    per-visitor values, and the names of the fields it has. Without fields: ([body], [])."""
    names = []
    marked = body
    for name in _fields:
        marked, count = _pattern(name).subn(
            lambda match, name=name: f"{match.group(1)}\x00fresh:{name}\x00{match.group(2)}",
            marked,
        )
        if count:
            names.append(name)
    if not names:
        return [body.encode()], []
    pieces = _MARK.split(marked)
    return [piece.encode() if i % 2 == 0 else piece for i, piece in enumerate(pieces)], names


def fill_in(pieces, names, request):
    """The page for this visitor: the pieces joined with fresh values for the fields."""
    if not names:
        return pieces[0]
    fresh = {name: str(_fields[name](request)).encode() for name in names}
    return b"".join(piece if i % 2 == 0 else fresh[piece] for i, piece in enumerate(pieces))
