"""Settings shared by every environment. Everything that differs per machine comes from
environment variables (see README, "Configuratie")."""

import os
import zoneinfo
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from ervaring.settings.environment import cache_from_url, env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Everything the site writes (SQLite database, uploads, collected static files, file cache)
# lives in var/, which git ignores.
VAR_DIR = Path(os.environ.get("ERVARING_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # The foundation: pages every feature builds on, the cache seam, limits, operations.
    "core",
    "caching",
    "limits",
    # The features.
    "roles",
    "organisations",
    "articles",
    "comments",
    "readability",
    "feedback",
    "glossary",
    "reviews",
    "links",
    # Mail as tasks in the database, sent by the worker (manage.py run_worker).
    "outbox",
    "django_tasks_db",
    "wagtail.contrib.settings",
    # Wagtail's "15 seconden geleden" (naturaltime) is translated by humanize's own catalogue.
    "django.contrib.humanize",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Last: its post_migrate step gives the groups their permissions once every app's exist.
    "operations",
]

MIDDLEWARE = [
    # One spelling per host (lower case, no default port), a port that exists: first, so
    # everything after it, the page cache included, sees one address.
    "core.middleware.CanonicalHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public forms take few fields; refused before anything reads them.
    "limits.middleware.PublicFormLimitMiddleware",
    # Says for every response whether caches may share it, and serves anonymous visitors from
    # the cache right after static files: a cached page costs about what a static file costs.
    "caching.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "axes.middleware.AxesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "ervaring.urls"
# Where the Wagtail admin lives (ervaring/urls.py): it gets its own limits and policy.
ADMIN_URL_PREFIX = "/beheer/"
WSGI_APPLICATION = "ervaring.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a writer instead of failing with "database is locked" at once: a transaction
    # takes the write lock when it starts (a read that later writes cannot be refused halfway),
    # and readers do not wait for a writer (WAL).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    # Wagtail's search index uses PostgreSQL's full-text fields.
    INSTALLED_APPS.append("django.contrib.postgres")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis from CACHE_URL (or REDIS_URL); without one, files in var/cache that every process on
# this machine shares. Never a cache per process: a publish in one process (a timer, the shell)
# must make pages fresh in all of them (a system check refuses LocMemCache in production).
CACHES = {
    "default": cache_from_url(
        os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL"), folder=VAR_DIR / "cache"
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
# Our own Dutch for a few admin texts Wagtail's translation gets wrong (locale/nl/…/django.po);
# listed first, so it wins over Wagtail's catalogue.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    # Django's FileSystemStorage, but an upload is saved whole or not at all (core/storage.py).
    "default": {"BACKEND": "core.storage.AtomicFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

# Media on S3-compatible object storage (django-storages; install requirements-s3.lock) when
# AWS_STORAGE_BUCKET_NAME is set, so every app server sees every upload. The bucket stays
# private: images are shown through signed addresses that outlive every cached copy of a page
# (MEDIA_URL_SECONDS), documents only through Wagtail's own view, which checks their privacy.
MEDIA_BUCKET = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
MEDIA_URL_SECONDS = 6 * 60 * 60
MEDIA_ORIGIN = ""
if MEDIA_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": MEDIA_URL_SECONDS,
        },
    }
    # Where browsers fetch the images from (the Content-Security-Policy allows it).
    region = os.environ.get("AWS_S3_REGION_NAME") or "us-east-1"
    MEDIA_ORIGIN = (
        os.environ.get("MEDIA_ORIGIN")
        or os.environ.get("AWS_S3_ENDPOINT_URL")
        or f"https://{MEDIA_BUCKET}.s3.{region}.amazonaws.com"
    )

# E-mail (Django's MAILERS): SMTP when EMAIL_HOST is set, otherwise printed on the console.
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", default=True),
                "timeout": 10,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# Tasks. "worker" (every mail): kept in the site's own database and run by `manage.py run_worker`
# (make run starts one beside the site; deploy/systemd/ervaring-worker@.service in production).
# "default", Wagtail's own (search index, reference index): done at once, in the request that
# changed a page, so the pages cached for that change already find it (docs/decisions.md).
TASKS = {
    "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
    "worker": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ervaring <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = env_list("ADMINS", default=[])

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A refused form (no CSRF token, or the comment form posted from another site) gets a Dutch page.
CSRF_FAILURE_VIEW = "core.views.errors.csrf_failure"
# Messages travel in a cookie, so showing one never needs a session.
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy for public pages. No inline scripts, no third parties.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# The Wagtail admin uses inline scripts and styles; it gets a looser policy of its own
# (core.middleware.SecurityHeadersMiddleware), still without third parties.
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    # Only Wagtail's preview views are framed (by the admin itself): core/middleware.py.
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# How many reverse proxies stand before the site: the visitor's address is then read from
# X-Forwarded-For, counted from the right (limits/clients.py).
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))

# Login throttling for /beheer/ and /inloggen/ (django-axes): five wrong passwords lock that
# username from that address (an IPv6 /64) for an hour; other addresses can still log in.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes_locked.html"
AXES_CLIENT_IP_CALLABLE = "limits.clients.client_network"
AXES_USERNAME_CALLABLE = "limits.clients.login_username"

# Wagtail
WAGTAIL_SITE_NAME = "ervaring"
# Wagtail's "What's new" banner links an English page; the admin's help is the Dutch handleiding.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]
WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin's login with its password field in Dutch (Wagtail leaves it unlabelled).
WAGTAILADMIN_USER_LOGIN_FORM = "core.admin_forms.AdminLoginForm"
# Time zones an editor can choose on the account page: real zone names only. The system's
# "localtime" and "posixrules" files are in zoneinfo's list, and the browser refuses them.
WAGTAIL_USER_TIME_ZONES = sorted(
    zone for zone in zoneinfo.available_timezones() if "/" in zone or zone == "UTC"
)
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "dutch",
    }
}
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "xlsx", "csv"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Private pages (Wagtail's page privacy): the forms look like the rest of the site.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "core/password_required.html"  # noqa: S105
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "core/login.html"
WAGTAIL_FRONTEND_LOGIN_URL = "/inloggen/"
LOGIN_URL = "/inloggen/"
LOGIN_REDIRECT_URL = "/"
# The admin posts long pages (every block is fields); public forms are limited much further
# (PUBLIC_FORM_MAX_FIELDS, limits.middleware.PublicFormLimitMiddleware).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
PUBLIC_FORM_MAX_FIELDS = 20

# The site's own knobs.
ERVARING = {
    # This site keeps anonymous pages, and the data pages are built from, at most this long
    # (publishing makes them stale at once); each process also in its own memory, at most
    # PAGE_CACHE_LOCAL_BYTES in all. A page larger than PAGE_CACHE_MAX_BYTES is never stored.
    "PAGE_CACHE_SECONDS": int(os.environ.get("PAGE_CACHE_SECONDS", "600")),
    "PAGE_CACHE_ENABLED": env_bool("PAGE_CACHE_ENABLED", default=True),
    "PAGE_CACHE_LOCAL_BYTES": int(os.environ.get("PAGE_CACHE_LOCAL_BYTES", str(32 * 2**20))),
    "PAGE_CACHE_MAX_BYTES": 512 * 1024,
    # Caches in front of the site (nginx, a CDN) may keep a public page this long
    # (Cache-Control: s-maxage), and then serve it this much longer while they fetch a fresh
    # one (stale-while-revalidate): a publish shows there within the sum of the two.
    "PAGE_SHARED_SECONDS": int(os.environ.get("PAGE_SHARED_SECONDS", "60")),
    "PAGE_STALE_SECONDS": int(os.environ.get("PAGE_STALE_SECONDS", "30")),
    # After Redis failed (or did not answer in time), leave it alone this long.
    "CACHE_BREAKER_SECONDS": float(os.environ.get("CACHE_BREAKER_SECONDS", "5")),
    # Production refuses a cache that lives in one process (caching/checks.py).
    "SHARED_CACHE_REQUIRED": False,
    # Comments close by themselves this many days after an article went online here (0: never).
    "COMMENTS_CLOSE_AFTER_DAYS": int(os.environ.get("COMMENTS_CLOSE_AFTER_DAYS", "365")),
    # At most this many comments per client in any hour.
    "COMMENT_RATE_LIMIT": int(os.environ.get("COMMENT_RATE_LIMIT", "5")),
    # A private page's password: at most this many wrong tries per client and page in any
    # PAGE_PASSWORD_WINDOW seconds (limits/views.py).
    "PAGE_PASSWORD_LIMIT": int(os.environ.get("PAGE_PASSWORD_LIMIT", "10")),
    "PAGE_PASSWORD_WINDOW": 15 * 60,
    # The admin's "wachtwoord vergeten": at most this many requests per client, and mails per
    # account, in any hour.
    "PASSWORD_RESET_LIMIT": int(os.environ.get("PASSWORD_RESET_LIMIT", "5")),
    "PASSWORD_RESET_ACCOUNT_LIMIT": 3,
    # Personal data of rejected and spam comments is erased after this many days.
    "COMMENT_RETENTION_DAYS": int(os.environ.get("COMMENT_RETENTION_DAYS", "30")),
    # "Was deze pagina nuttig?": at most this many answers per client in any hour; the texts
    # readers add are erased after FEEDBACK_RETENTION_DAYS (the counts stay).
    "FEEDBACK_RATE_LIMIT": int(os.environ.get("FEEDBACK_RATE_LIMIT", "20")),
    "FEEDBACK_RETENTION_DAYS": int(os.environ.get("FEEDBACK_RETENTION_DAYS", "180")),
    # The contact form (/contact/): at most this many messages per client in any hour; messages
    # are erased CONTACT_RETENTION_DAYS after they arrived.
    "CONTACT_RATE_LIMIT": int(os.environ.get("CONTACT_RATE_LIMIT", "5")),
    "CONTACT_RETENTION_DAYS": int(os.environ.get("CONTACT_RETENTION_DAYS", "180")),
    # The nightly link check (links/): another site is asked at most LINK_CHECK_PER_HOST times a
    # run, LINK_CHECK_HOST_DELAY seconds apart, waits LINK_CHECK_TIMEOUT seconds for an answer,
    # and what it answered is kept LINK_CHECK_CACHE_HOURS.
    "LINK_CHECK_PER_HOST": int(os.environ.get("LINK_CHECK_PER_HOST", "10")),
    "LINK_CHECK_HOST_DELAY": float(os.environ.get("LINK_CHECK_HOST_DELAY", "1")),
    "LINK_CHECK_TIMEOUT": float(os.environ.get("LINK_CHECK_TIMEOUT", "10")),
    "LINK_CHECK_CACHE_HOURS": int(os.environ.get("LINK_CHECK_CACHE_HOURS", "72")),
    # A mail the mail server did not take is tried again after each of these delays (seconds);
    # after the last it fails and stands under Rapporten → Achtergrondtaken.
    "MAIL_RETRY_SECONDS": tuple(
        int(seconds)
        for seconds in os.environ.get("MAIL_RETRY_SECONDS", "60,300,900,3600,10800").split(",")
        if seconds.strip()
    ),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # One line per task (a moderator's mail) is more than an operator needs.
        "django.tasks": {"level": "WARNING"},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "ervaring": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
