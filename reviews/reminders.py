"""Once a week, a mail to the editors (the group Redacteuren) listing the pages whose check
became due since the last such mail (the past seven days for the first), with how many wait in all
and a link to Rapporten → Controle. The daily job asks for it every day; it goes out once per
calendar week (the first day the job runs in that week), through the task queue like every
mail (outbox/)."""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from operations.groups import EDITORS
from outbox.models import SentMail
from outbox.sending import mail_task, send_once
from reviews.schedule import OVERDUE, pages

WEEK = 7


KEY_PREFIX = "controle:"


def week_key(day):
    year, week, _ = day.isocalendar()
    return f"{KEY_PREFIX}{year}-W{week:02d}"


def editors():
    """Active members of Redacteuren with an e-mail address."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=EDITORS)
        .exclude(email="")
        .distinct()
    )


def since_last_mail(today):
    """The day of the last weekly mail (also when the job did not run for a while), or a week
    ago when there was none (or its key was tidied away)."""
    last = SentMail.objects.filter(key__startswith=KEY_PREFIX).order_by("-sent_at").first()
    return timezone.localdate(last.sent_at) if last else today - timedelta(days=WEEK)


def due_this_week(today):
    """(pages that became due since the last weekly mail, all pages due by today)."""
    overdue = [row for row in pages(today=today) if row.status == OVERDUE or row.due == today]
    since = since_last_mail(today)
    new = [row for row in overdue if since < row.due <= today]
    return new, overdue


@mail_task("Wekelijkse mail aan de redactie: pagina's om te controleren")
def send_review_reminder(day):
    """The mail for the week of `day` (ISO date); nothing when no check became due."""
    today = date.fromisoformat(day)
    new, overdue = due_this_week(today)
    recipients = list(editors().values_list("email", flat=True))
    if not new or not recipients:
        return 0
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("reviews_report")
    lines = [f"- {row.title} ({row.type_name}), controle op {row.due:%d-%m-%Y}" for row in new]
    earlier = len(overdue) - len(new)
    count = "Deze pagina moet" if len(new) == 1 else f"Deze {len(new)} pagina's moeten"
    body = "\n".join(
        [
            f"{count} nu gecontroleerd worden:",
            "",
            *lines,
            "",
            *([f"Daarnaast wachten er nog {earlier} van eerder."] if earlier else []),
            "Klopt een pagina nog? Klik dan in het overzicht op ‘Gecontroleerd’.",
            "",
            f"Alle pagina's om te controleren: {url}",
        ]
    )
    message = EmailMessage(
        subject=f"Te controleren: {len(new)} {'pagina' if len(new) == 1 else 'pagina’s'}",
        body=body + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        bcc=recipients,
    )
    return len(recipients) if send_once(week_key(today), message) else 0


def ask_for_this_week(today):
    """Queue this week's mail unless it went out already. True when it was queued."""
    if SentMail.objects.filter(key=week_key(today)).exists():
        return False
    send_review_reminder.enqueue(today.isoformat())
    return True
