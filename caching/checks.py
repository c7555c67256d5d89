"""System checks for caching (`manage.py check`, and every `migrate`)."""

from django.conf import settings
from django.core.checks import Error, Tags, register

PER_PROCESS = ("django.core.cache.backends.locmem.LocMemCache",)


@register(Tags.caches)
def shared_cache_in_production(app_configs, **kwargs):
    """In production every process must share one cache: a publish made by one worker, a timer
    or the shell must make pages fresh in all of them."""
    if not settings.ERVARING.get("SHARED_CACHE_REQUIRED"):
        return []
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in PER_PROCESS:
        return [
            Error(
                f"De cache ({backend}) hoort bij één proces: een publicatie in het ene proces "
                "blijft in de andere onzichtbaar.",
                hint="Zet CACHE_URL op redis://… (meer machines) of laat hem weg: dan deelt "
                "elk proces op deze machine de bestanden in var/cache.",
                id="ervaring.E001",
            )
        ]
    return []
