"""Production: PostgreSQL from DATABASE_URL, secrets and hosts from the environment, HTTPS only.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL. See README, "Configuratie"."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY ontbreekt of is te kort (minstens 50 tekens). Maak er een met: "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
# Old keys still verify sessions and signed values during a key rotation.
SECRET_KEY_FALLBACKS = [k for k in os.environ.get("SECRET_KEY_FALLBACKS", "").split(",") if k]
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("ALLOWED_HOSTS ontbreekt, bijvoorbeeld ALLOWED_HOSTS=ervaring.nl")
if not os.environ.get("DATABASE_URL"):
    # Without it the site (or a backup, or a timer) would quietly use a new, empty SQLite file.
    raise ImproperlyConfigured(
        "DATABASE_URL ontbreekt, bijvoorbeeld DATABASE_URL=postgres://ervaring:…@localhost/ervaring"
    )

# Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^gezond/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True

# Every process and machine must see a publish at once: a cache per process is refused.
ERVARING = {**ERVARING, "SHARED_CACHE_REQUIRED": True}  # noqa: F405

if not os.environ.get("EMAIL_HOST"):
    # No mail server configured: hand mail to the machine's own MTA (port 25), as servers do.
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "localhost", "port": 25, "use_tls": False, "timeout": 10},
        }
    }

# Mail 500 errors, with the request, to ADMINS.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "filters": ["require_debug_false"],
            "level": "ERROR",
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # One line per task (a moderator's mail) is more than an operator needs.
        "django.tasks": {"level": "WARNING"},
        "django.request": {
            "handlers": ["console", "mail_admins"],
            "level": "ERROR",
            "propagate": False,
        },
        "ervaring": {"handlers": ["console", "mail_admins"], "level": "INFO", "propagate": False},
        # A request for a host the site does not serve is a scanner's, not a fault: logged,
        # never mailed.
        "django.security.DisallowedHost": {
            "handlers": ["console"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}

# A CDN or nginx in front keeps public pages as their Cache-Control says (s-maxage,
# stale-while-revalidate): nothing is purged, a publish shows there within that bound
# (docs/operations.md, "A cache in front").

# Media on object storage (S3-compatible) when AWS_STORAGE_BUCKET_NAME is set: see base.py.
