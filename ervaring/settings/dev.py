"""Local development (`make run`): SQLite in var/, debug pages, e-mail on the console."""

import os
import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = os.environ.get("DEBUG", "1") not in {"0", "false", "no"}

# var/ holds this machine's database (password hashes, commenters' e-mail addresses) and key:
# for its owner only. Everything a development process creates is owner-only (the database,
# its journal, cached files, uploads); the folder and older files are put right here too.
os.umask(0o077)
VAR_DIR.mkdir(parents=True, exist_ok=True)
VAR_DIR.chmod(0o700)
for _private in (VAR_DIR / "db.sqlite3", VAR_DIR / "dev-secret-key"):
    if _private.exists() and _private.stat().st_mode & 0o077:
        _private.chmod(0o600)

# A key for this machine only; it never leaves var/. Production refuses to start without one.
_key_file = VAR_DIR / "dev-secret-key"
if not SECRET_KEY:  # noqa: F405
    if not _key_file.exists():
        descriptor = os.open(_key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as key:
            key.write(secrets.token_urlsafe(50))
    SECRET_KEY = _key_file.read_text().strip()

ALLOWED_HOSTS = ["*"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
