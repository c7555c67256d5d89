"""Local development (`make run`): SQLite in var/, debug pages, e-mail on the console."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = os.environ.get("DEBUG", "1") not in {"0", "false", "no"}
# A key for this machine only; it never leaves var/. Production refuses to start without one.
_key_file = VAR_DIR / "dev-secret-key"
if not SECRET_KEY:  # noqa: F405
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    if not _key_file.exists():
        import secrets

        _key_file.write_text(secrets.token_urlsafe(50))
    SECRET_KEY = _key_file.read_text().strip()

ALLOWED_HOSTS = ["*"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
