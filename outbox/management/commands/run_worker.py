"""The worker: sends the site's mail (and any other task) from the queue in the database.

    manage.py run_worker [--id NAME]

Each worker needs a name of its own that stays the same across restarts (the systemd unit
gives "<host>-<instance>"): on start it first puts back what it was running when it last
stopped (outbox/sending.py, `recover`), then runs django-tasks-db's worker under that name."""

import socket

from django.core.management import call_command
from django.core.management.base import BaseCommand

from outbox.sending import BACKEND, recover


class Command(BaseCommand):
    help = "Verstuur mail en andere taken uit de wachtrij (django-tasks-db's db_worker)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--id",
            default=f"{socket.gethostname()}-1"[:64],
            help="De naam van deze worker, uniek en bij elke herstart dezelfde.",
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconden tussen twee blikken in de rij."
        )
        parser.add_argument("--batch", action="store_true", help="Doe wat klaarstaat en stop dan.")

    def handle(self, *args, id, interval, batch, verbosity, **options):
        back = recover(worker_id=id)
        if back and verbosity:
            self.stdout.write(
                f"{back} onderbroken {'taak' if back == 1 else 'taken'} terug in de rij"
            )
        call_command(
            "db_worker",
            f"--backend={BACKEND}",
            f"--worker-id={id}",
            f"--interval={interval}",
            "--no-reload",
            *(["--batch", "--no-startup-delay"] if batch else []),
            verbosity=verbosity,
        )
