"""The ASGI entry point, for a server that speaks ASGI (the site is served by gunicorn through
WSGI, ervaring/wsgi.py; both load the same settings)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ervaring.settings.production")

application = get_asgi_application()
