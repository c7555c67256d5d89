"""Counting what a visitor does in a sliding window, atomically: "at most 5 comments per hour"
holds for every hour, not per clock hour, even when 50 posts from one address arrive at the same
moment, on one machine or many, with or without Redis (docs/decisions.md, "Rate limits counted
in the database").

A limit is a row per key: a keyed hash of the visitor's network (or of an account's address),
never the address itself. The row holds the moments of the claims still inside the window and a
version number. Claiming reads the row, drops the moments that left the window, and writes the
new list only if the version is still the one it read (one conditional UPDATE): two requests at
the same moment cannot both take the last place; the one that lost reads again. Rows are
deleted a day after their last claim (`forget_old_counts`, run by purge_comments)."""

import math
import time
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from limits.clients import client_network
from limits.models import RateCount

HOUR = 60 * 60


@dataclass(frozen=True)
class Verdict:
    """The answer to a claim: allowed or not; when not, how many seconds until a place is free.
    `moment` identifies the claim, to give it back with `release`."""

    allowed: bool
    retry_after: int = 0
    moment: float = 0.0

    def __bool__(self):
        return self.allowed


def visitor_key(scope, request):
    """A keyed hash of the visitor's network for `scope`: enough to count, not to trace."""
    return subject_key(scope, client_network(request))


def subject_key(scope, subject):
    """A keyed hash of anything else counted for `scope` (an account's e-mail address)."""
    return salted_hmac(f"limits.ratelimit.{scope}", subject, algorithm="sha256").hexdigest()


def _moments(text):
    return [float(part) for part in text.split()]


def _text(moments):
    return " ".join(f"{moment:.6f}" for moment in moments)


def _row(key):
    try:
        with transaction.atomic():
            row, _ = RateCount.objects.get_or_create(key=key)
    except IntegrityError:  # another request made the row at the same moment
        row = RateCount.objects.get(key=key)
    return row


def claim_key(key, limit, window_seconds=HOUR):
    """Claim one of `limit` places for `key` in the last `window_seconds`."""
    # Every round that this claim loses, another one won; after `limit` wins the window is
    # full and the next read refuses. The bound is for safety only.
    for _ in range(limit + 50):
        row = _row(key)
        now = time.time()
        moments = sorted(m for m in _moments(row.moments) if m > now - window_seconds)
        if len(moments) >= limit:
            free_at = moments[len(moments) - limit] + window_seconds
            return Verdict(False, retry_after=max(1, math.ceil(free_at - now)))
        won = RateCount.objects.filter(pk=row.pk, version=row.version).update(
            moments=_text([*moments, now]), version=F("version") + 1, updated_at=timezone.now()
        )
        if won:
            return Verdict(True, moment=now)
    return Verdict(False, retry_after=1)


def claim(scope, request, limit, window_seconds=HOUR):
    """Claim one of `limit` places for this visitor in the last `window_seconds`. True (a
    Verdict) when there was one left and it is now taken; False when the limit is reached."""
    return claim_key(visitor_key(scope, request), limit, window_seconds)


def release(key, verdict):
    """Give back the place `verdict` took (a password that turned out right costs nothing)."""
    if not verdict.allowed:
        return
    for _ in range(50):
        row = RateCount.objects.filter(key=key).first()
        if row is None:
            return
        moments = _moments(row.moments)
        kept = [m for m in moments if abs(m - verdict.moment) > 1e-6]
        if len(kept) == len(moments):
            return
        if RateCount.objects.filter(pk=row.pk, version=row.version).update(
            moments=_text(kept), version=F("version") + 1
        ):
            return


def wait_in_words(seconds):
    """A wait in plain Dutch, rounded up to whole minutes: "1 minuut", "25 minuten"."""
    minutes = max(1, math.ceil(seconds / 60))
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"


def forget_old_counts(older_than=timedelta(days=1)):
    """Delete the rows of keys with no claim for `older_than`; the number deleted."""
    deleted, _ = RateCount.objects.filter(updated_at__lt=timezone.now() - older_than).delete()
    return deleted
