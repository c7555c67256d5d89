"""`manage.py create_demo_accounts`: four accounts for trying the admin on your own machine.

Refuses to run with DEBUG off: demo accounts never belong on a real site."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

DEMO_ACCOUNTS = [
    # username, password, groups (none: superuser), description
    ("beheerder", "beheer-ervaring-2026", (), "beheerder (mag alles)"),
    ("redacteur", "redactie-ervaring-2026", ("Redacteuren",), "redacteur (pagina's en snippets)"),
    (
        "eindredacteur",
        "eindredactie-ervaring-2026",
        ("Redacteuren", "Eindredactie"),
        "eindredacteur (keurt teksten boven B1)",
    ),
    ("moderator", "moderatie-ervaring-2026", ("Moderatoren",), "moderator (reacties)"),
]


class Command(BaseCommand):
    help = "Maakt vier demo-accounts voor lokaal gebruik en toont hun wachtwoorden."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-accounts alleen met DEBUG aan (lokaal), nooit in productie.")
        user_model = get_user_model()
        lines = []
        for username, password, group_names, description in DEMO_ACCOUNTS:
            user, created = user_model.objects.get_or_create(
                username=username,
                defaults={"email": f"{username}@example.org", "first_name": username.title()},
            )
            if created:
                user.set_password(password)
                user.is_staff = user.is_superuser = not group_names
                user.save()
                user.groups.add(*Group.objects.filter(name__in=group_names))
            lines.append(f"  {description:40} gebruikersnaam: {username:13} wachtwoord: {password}")
        self.stdout.write("Demo-accounts voor /beheer/ (alleen op je eigen computer):")
        self.stdout.write("\n".join(lines))
