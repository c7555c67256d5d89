"""Compressing a shared page once, when it is stored, and answering each client with the best
encoding it accepts (RFC 9110, Accept-Encoding with weights).

Only answers that every anonymous visitor shares are compressed: by construction they hold
nothing of one visitor — no CSRF token, no session, no message — so compression cannot leak a
secret through the size of the answer (BREACH). Everything private (the admin, a login, a
form with its errors, a page after a password) goes out as it is, and nginx in front compresses
nothing it passes on (deploy/nginx/). docs/decisions.md, "Pages compressed once".

An answer is filed per encoding with its own ETag (the plain one's, with the encoding after a
dash), so a browser's or nginx's If-None-Match is answered for the bytes it holds."""

import gzip

import brotli

# Best first: brotli makes a page some 5 % smaller than gzip, at the same cost at these levels
# (about half a millisecond for a 34 KB page; brotli's highest level costs 30 ms for 8 % less).
ENCODINGS = ("br", "gzip")
GZIP_LEVEL = 6
BROTLI_QUALITY = 6
# Smaller bodies go out as they are: the headers would cost more than compression saves.
MIN_BYTES = 512


def compress(body):
    """{encoding: bytes} of `body` in every encoding (nothing for a small body). gzip without a
    time stamp, so the same page gives the same bytes on every machine."""
    if len(body) < MIN_BYTES:
        return {}
    return {
        "br": brotli.compress(body, quality=BROTLI_QUALITY),
        "gzip": gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0),
    }


def weights(header):
    """{coding: q} of an Accept-Encoding header, in lower case; a value that does not parse
    counts as not given."""
    found = {}
    for part in (header or "").split(",")[:20]:
        coding, _, params = part.strip().partition(";")
        coding = coding.strip().lower()
        if not coding:
            continue
        q = 1.0
        name, _, value = params.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                q = float(value)
            except ValueError:
                continue
        if 0 <= q <= 1:
            found[coding] = q
    return found


def best_encoding(header, available=ENCODINGS):
    """The encoding of `available` the client weighs highest (brotli first when equal), or ""
    for the plain bytes: also when it accepts none of them."""
    accepted = weights(header)
    star = accepted.get("*", 0)
    best, best_q = "", 0.0
    for encoding in available:
        q = accepted.get(encoding, star)
        if q > best_q:
            best, best_q = encoding, q
    return best


def etag_for(plain_etag, encoding):
    """The ETag of one encoding of a page whose plain bytes have `plain_etag` ('"abc"')."""
    return plain_etag if not encoding else f'{plain_etag[:-1]}-{encoding}"'
