"""The signals the organisations app listens to, connected once from
OrganisationsConfig.ready(): example organisations show on the employer pages; a change to one
makes cached pages stale."""

from caching.invalidation import invalidate_on_change
from organisations.models import Organisation


def register_signal_handlers():
    invalidate_on_change(Organisation)
