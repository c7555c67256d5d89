"""What the rate limits count (limits/ratelimit.py)."""

from django.db import models
from django.utils import timezone


class RateCount(models.Model):
    """The recent claims of one key (a keyed hash of a visitor's network or of an account's
    address, never the address itself) for one limit: limits/ratelimit.py."""

    key = models.CharField(max_length=64, unique=True)
    moments = models.TextField(default="", blank=True)
    version = models.PositiveBigIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "teller"
        verbose_name_plural = "tellers"

    def __str__(self):
        return f"{len(self.moments.split())} recente keren"
