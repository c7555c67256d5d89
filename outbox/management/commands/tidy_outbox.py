"""The daily tidy-up of the queue (deploy/systemd/ervaring-daily.service, deploy/cron):

- tasks running far longer than any task takes go back in the queue (their worker stopped and
  did not come back; a worker that restarts does this itself for its own);
- finished tasks are deleted after TASK_RESULT_DAYS, failed ones after FAILED_TASK_DAYS (their
  arguments can hold an e-mail address);
- the keys of sent mails after SENT_MAIL_DAYS: long past any retry."""

from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from outbox.models import SentMail
from outbox.sending import BACKEND, recover

STUCK_AFTER = timedelta(hours=1)
TASK_RESULT_DAYS = 7
FAILED_TASK_DAYS = 30
SENT_MAIL_DAYS = 90


class Command(BaseCommand):
    help = "Ruim de wachtrij op: vastgelopen taken terug, oude taken en mailsleutels weg."

    def handle(self, *args, verbosity, **options):
        back = recover(older_than=STUCK_AFTER)
        call_command(
            "prune_db_task_results",
            f"--backend={BACKEND}",
            f"--min-age-days={TASK_RESULT_DAYS}",
            f"--failed-min-age-days={FAILED_TASK_DAYS}",
            verbosity=verbosity,
        )
        cutoff = timezone.now() - timedelta(days=SENT_MAIL_DAYS)
        gone, _ = SentMail.objects.filter(sent_at__lt=cutoff).delete()
        self.stdout.write(
            f"{back} vastgelopen {'taak' if back == 1 else 'taken'} terug in de rij, "
            f"{gone} oude mailsleutels gewist"
        )
