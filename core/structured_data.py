"""schema.org data for search engines, as JSON-LD script elements (data, never executed)."""

import json

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

# Inside <script>, "</script>" or "<!--" in a text would end or hide the element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script(data):
    """`data` as a <script type="application/ld+json"> element."""
    text = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def webpage(page, request=None):
    """A WebPage: its name, address, language, when it was last changed and, where an editor
    checked it, `lastReviewed`."""
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": page.title,
        "inLanguage": "nl",
        "url": page.get_full_url(request) or "",
    }
    if page.last_published_at:
        data["dateModified"] = timezone.localdate(page.last_published_at).isoformat()
    if page.last_reviewed:
        data["lastReviewed"] = page.last_reviewed.isoformat()
    return script(data)
