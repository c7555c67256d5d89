"""Notes for the editor in a page's preview, never on the public page: an app registers a
function under PREVIEW_NOTES_HOOK taking (request, page) and returning HTML (readability puts
its verdict there, for Wagtail's Checks panel). base.html renders them inside <main> only when
Wagtail serves a preview (`request.is_preview`), so a public page's bytes never change."""

from django.utils.html import format_html_join
from wagtail import hooks

PREVIEW_NOTES_HOOK = "ervaring_preview_notes"


def preview_notes(request, page):
    if not getattr(request, "is_preview", False) or page is None:
        return ""
    notes = [note(request, page) for note in hooks.get_hooks(PREVIEW_NOTES_HOOK)]
    return format_html_join("", "{}", ((note,) for note in notes if note))
