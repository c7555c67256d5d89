"""A CSRF token for a page served from the cache, made the way Django makes one.

Django's get_token() draws its 64 random characters one system call at a time, which is most of
the cost of serving a cached page with a form to a first-time visitor. This draws them in one
go, with the same alphabet, length and masking, so Django's CsrfViewMiddleware checks the token
exactly as its own. Tests post forms from cached pages to keep it honest."""

import secrets

from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

_ALPHABET = CSRF_ALLOWED_CHARS
_INDEX = {char: position for position, char in enumerate(_ALPHABET)}
# The largest multiple of the alphabet's size below 256: bytes at or above it are skipped, so
# every character is equally likely.
_LIMIT = 256 - 256 % len(_ALPHABET)


def random_chars(length):
    chars = []
    while len(chars) < length:
        for byte in secrets.token_bytes(length * 2):
            if byte < _LIMIT:
                chars.append(_ALPHABET[byte % len(_ALPHABET)])
                if len(chars) == length:
                    break
    return "".join(chars)


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
