"""Work that must not make a visitor wait, such as e-mailing the moderators: it runs once the
response has been handed to the web server (Django's request_finished), not before."""

import logging
import threading

from django.core.signals import request_finished

logger = logging.getLogger("ervaring")
_state = threading.local()


def after_response(func, *args, **kwargs):
    """Call `func(*args, **kwargs)` when the current response is finished."""
    pending = getattr(_state, "pending", None)
    if pending is None:
        pending = _state.pending = []
    pending.append((func, args, kwargs))


def run_pending(**kwargs):
    pending = getattr(_state, "pending", None)
    _state.pending = []
    for func, args, func_kwargs in pending or ():
        try:
            func(*args, **func_kwargs)
        except Exception:  # the visitor's request is done; log it for the operators
            logger.exception("Werk na het antwoord mislukte: %s", getattr(func, "__name__", func))


request_finished.connect(run_pending, dispatch_uid="ervaring-after-response")
