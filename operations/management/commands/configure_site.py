"""`manage.py configure_site`: point the default Wagtail site at BASE_URL, so full links (the
sitemap, e-mails to moderators) carry the right host name and port."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Site


class Command(BaseCommand):
    help = "Zet host en poort van de site op BASE_URL (bijvoorbeeld https://ervaring.nl)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default=settings.WAGTAILADMIN_BASE_URL)

    def handle(self, *args, url, **options):
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        site = Site.objects.get(is_default_site=True)
        if (site.hostname, site.port) != (parts.hostname, port):
            site.hostname, site.port = parts.hostname, port
            site.save()
        self.stdout.write(f"Site: {site.root_url}")
