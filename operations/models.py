"""The content loader's ledger (operations/loader.py)."""

from django.db import models


class LoadedContent(models.Model):
    """The content loader's ledger: which fixture record made which object, and what that object
    looked like right after loading, so a second run can tell an editor's change from its own."""

    key = models.CharField(max_length=200, unique=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    digest = models.CharField(
        max_length=64, help_text="Hash of the fixture record the object was loaded from."
    )
    state = models.CharField(
        max_length=64,
        help_text="Latest revision (pages) or hash of the fields (snippets) after loading.",
    )
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "geladen inhoud"
        verbose_name_plural = "geladen inhoud"

    def __str__(self):
        return self.key
