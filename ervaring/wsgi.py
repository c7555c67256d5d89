"""WSGI entry point for gunicorn: `gunicorn ervaring.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ervaring.settings.production")

application = get_wsgi_application()
