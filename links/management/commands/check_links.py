"""Check every link on the published pages and renew Rapporten → Gebroken links. Run by the
daily job (links/checking.py says how politely other sites are asked)."""

from django.core.management.base import BaseCommand

from links.checking import check_all


class Command(BaseCommand):
    help = "Controleer alle links op gepubliceerde pagina's (Rapporten → Gebroken links)."

    def handle(self, *args, **options):
        links, broken = check_all()
        self.stdout.write(f"{links} links gecontroleerd, {broken} gebroken")
