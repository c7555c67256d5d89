"""`manage.py purge_comments`: delete rejected and spam comments older than the retention
period (ERVARING["COMMENT_RETENTION_DAYS"]), and the comment limit's counters of past days.
Run it daily (deploy/systemd/ervaring-daily.timer)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from comments.moderation import purge_refused_comments
from limits.ratelimit import forget_old_counts


class Command(BaseCommand):
    help = "Wist afgewezen reacties en spam na de bewaartermijn."

    def handle(self, *args, **options):
        deleted = purge_refused_comments()
        days = settings.ERVARING["COMMENT_RETENTION_DAYS"]
        self.stdout.write(f"{deleted} afgewezen of spamreacties gewist (ouder dan {days} dagen).")
        counters = forget_old_counts()
        self.stdout.write(f"{counters} tellers van de reactielimiet gewist (ouder dan een dag).")
