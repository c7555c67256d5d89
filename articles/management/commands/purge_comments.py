"""`manage.py purge_comments`: delete rejected and spam comments older than the retention
period (ERVARING["COMMENT_RETENTION_DAYS"]). Run it daily, e.g. from cron."""

from django.conf import settings
from django.core.management.base import BaseCommand

from articles.moderation import purge_refused_comments


class Command(BaseCommand):
    help = "Wist afgewezen reacties en spam na de bewaartermijn."

    def handle(self, *args, **options):
        deleted = purge_refused_comments()
        days = settings.ERVARING["COMMENT_RETENTION_DAYS"]
        self.stdout.write(f"{deleted} afgewezen of spamreacties gewist (ouder dan {days} dagen).")
