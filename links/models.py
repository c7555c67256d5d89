"""What the nightly link check found: each broken link with the page and the editor's field it
sits in, and what a web address answered when it was last asked (so a site is asked at most once
in LINK_CHECK_CACHE_HOURS)."""

import hashlib

from django.db import models
from django.utils import timezone


class BrokenLink(models.Model):
    """A link on a published page that leads nowhere."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="broken_links",
        verbose_name="pagina",
    )
    where = models.CharField("waar", max_length=300)
    edit_url = models.CharField("aanpassen", max_length=500)
    url = models.TextField("link")
    text = models.CharField("linktekst", max_length=300, blank=True)
    problem = models.CharField("wat is er mis", max_length=300)
    first_seen = models.DateTimeField("voor het eerst gezien", default=timezone.now)
    checked_at = models.DateTimeField("gecontroleerd op", default=timezone.now)

    class Meta:
        verbose_name = "gebroken link"
        verbose_name_plural = "gebroken links"
        ordering = ["page__title", "where"]

    def __str__(self):
        return f"{self.url} ({self.problem})"


def url_key(url):
    return hashlib.sha256(url.encode()).hexdigest()


class CheckedAddress(models.Model):
    """What an address on another site answered when the check last asked."""

    key = models.CharField(max_length=64, unique=True)
    url = models.TextField()
    broken = models.BooleanField(default=False)
    problem = models.CharField(max_length=300, blank=True)
    checked_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "gecontroleerd adres"
        verbose_name_plural = "gecontroleerde adressen"

    def __str__(self):
        return self.url


class CheckRun(models.Model):
    """One run of the link check: when it ended, how many links it looked at, how many broke."""

    finished_at = models.DateTimeField(default=timezone.now)
    links = models.PositiveIntegerField(default=0)
    broken = models.PositiveIntegerField(default=0)

    class Meta:
        get_latest_by = "finished_at"

    def __str__(self):
        return f"{self.finished_at:%Y-%m-%d %H:%M}: {self.broken} van {self.links} gebroken"
