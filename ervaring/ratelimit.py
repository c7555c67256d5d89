"""Counting what a visitor does per hour, atomically: "at most 5 comments per hour" holds even
when 50 posts from one address arrive at the same moment, on one machine or many, with or
without Redis (docs/decisions.md, "Rate limits counted in the database").

A counter is a row per (keyed hash of the visitor's network, window); claiming a place is one
conditional UPDATE that the database runs one at a time for a row. No address is stored, and
rows are deleted a day after their window (`forget_old_counts`, run by purge_comments)."""

import time
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from ervaring.clients import client_network


def visitor_key(scope, request):
    """A keyed hash of the visitor's network for `scope`: enough to count, not to trace."""
    return salted_hmac(
        f"ervaring.ratelimit.{scope}", client_network(request), algorithm="sha256"
    ).hexdigest()


def claim(scope, request, limit, window_seconds=60 * 60):
    """Claim one of `limit` places for this visitor in the current window. True when there
    was one left (and it is now taken), False when the limit is reached."""
    from ervaring.models import RateCount

    key = visitor_key(scope, request)
    window = int(time.time()) // window_seconds
    try:
        with transaction.atomic():
            count, _ = RateCount.objects.get_or_create(key=key, window=window)
    except IntegrityError:  # another request made the row at the same moment
        count = RateCount.objects.get(key=key, window=window)
    return bool(RateCount.objects.filter(pk=count.pk, count__lt=limit).update(count=F("count") + 1))


def forget_old_counts(older_than=timedelta(days=1)):
    """Delete counters whose window ended long enough ago; the number deleted."""
    from ervaring.models import RateCount

    deleted, _ = RateCount.objects.filter(created_at__lt=timezone.now() - older_than).delete()
    return deleted
