"""What went out: one row per mail that reached the mail server, by the key its task gave it."""

from django.db import models
from django.utils import timezone


class SentMail(models.Model):
    """A mail that was handed to the mail server. Its key says what the mail was about
    ("bevestigen:12", "online:12"), never to whom: a second try with the same key (a retry, a
    second worker, a task run again after a crash) finds this row and sends nothing."""

    key = models.CharField("sleutel", max_length=200, unique=True)
    sent_at = models.DateTimeField("verstuurd op", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "verstuurde mail"
        verbose_name_plural = "verstuurde mails"

    def __str__(self):
        return self.key
