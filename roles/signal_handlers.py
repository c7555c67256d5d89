"""The signals the roles app listens to, connected once from RolesConfig.ready(): the ladder
and the taxonomy show on many pages; a change to them makes cached pages stale."""

from caching.invalidation import invalidate_on_change
from roles.models import EmploymentForm, LadderStep, RoleType, WorkArea


def register_signal_handlers():
    invalidate_on_change(LadderStep, RoleType, WorkArea, EmploymentForm)
