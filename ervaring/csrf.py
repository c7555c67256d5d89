"""A CSRF token for a page served from the cache, made the way Django makes one.

Django's get_token() draws its 64 random characters one system call at a time, which is most of
the cost of serving a cached page with a form to a first-time visitor. This draws them in one
go, with the same alphabet, length and masking, so Django's CsrfViewMiddleware checks the token
exactly as its own. Tests post forms from cached pages to keep it honest."""

import secrets

from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

_ALPHABET = CSRF_ALLOWED_CHARS
_INDEX = {char: position for position, char in enumerate(_ALPHABET)}
# The largest multiple of the alphabet's size below 256: bytes at or above it are dropped, so
# every character is equally likely. The rest map onto the alphabet in one C-level pass.
_LIMIT = 256 - 256 % len(_ALPHABET)
_TABLE = bytes(ord(_ALPHABET[byte % len(_ALPHABET)]) for byte in range(_LIMIT)) + bytes(
    256 - _LIMIT
)
_DROP = bytes(range(_LIMIT, 256))


def random_chars(length):
    chars = b""
    while len(chars) < length:
        chars += secrets.token_bytes(length + 8).translate(_TABLE, _DROP)
    return chars[:length].decode()


def csrf_token(request):
    """What django.middleware.csrf.get_token(request) returns, and with the same side effects:
    the visitor's secret is kept or made, and the middleware will (re)send the cookie."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = random_chars(CSRF_SECRET_LENGTH)
        request.META["CSRF_COOKIE"] = secret
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = random_chars(CSRF_SECRET_LENGTH)
    size = len(_ALPHABET)
    cipher = "".join(
        [_ALPHABET[(_INDEX[s] + _INDEX[m]) % size] for s, m in zip(secret, mask, strict=True)]
    )
    return mask + cipher
