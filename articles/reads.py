"""How often an article is read here: a tiny image at the end of the article counts one read
when it loads (ArticlePage.count_view). Cached pages still count, as the image itself is never
cached; previews (no image request) and bots do not."""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.http import HttpResponse

# A transparent 1×1 GIF: the image that counts a read (see ArticlePage.count_view).
PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
BOT_MARKERS = ("bot", "crawl", "spider", "slurp", "preview", "monitor", "lighthouse", "headless")


def count_read(request, article_id):
    """The image's answer: one more read for a reader's browser, none for a bot."""
    agent = request.headers.get("User-Agent", "").lower()
    if request.method == "GET" and agent and not any(m in agent for m in BOT_MARKERS):
        ArticleReads.count_one(article_id)
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store"
    return response


class ArticleReads(models.Model):
    """How often an article was read on this site. A table of its own: a revision, publishing
    or reverting an article never touches it."""

    article = models.OneToOneField(
        "articles.ArticlePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="reads",
        verbose_name="Artikel",
    )
    count = models.PositiveBigIntegerField("Aantal keer gelezen", default=0)

    class Meta:
        verbose_name = "gelezen"
        verbose_name_plural = "gelezen"

    def __str__(self):
        return f"{self.count} keer gelezen"

    @classmethod
    def count_one(cls, article_id):
        """One more read, atomically, however many readers arrive at once."""
        if cls.objects.filter(article_id=article_id).update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(article_id=article_id, count=1)
        except IntegrityError:  # another reader made the row first
            cls.objects.filter(article_id=article_id).update(count=F("count") + 1)
