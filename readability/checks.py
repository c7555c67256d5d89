"""The site's B1 verdict in Wagtail's Checks panel, through Wagtail's documented way to add a
content check: a ContentCheckerItem with our own Axe rule and check (swapped in by the
`construct_wagtail_userbar` hook), whose evaluation is registered in the preview with
`window.wagtail.userbar.registerCheck` (static/js/readability-check.js).

The verdict itself is computed here, on the server, from the page being previewed, and put in
the preview only (a <template> inside <main>, through ervaring's PREVIEW_NOTES_HOOK): the check
reads it, and the panel's "Leesbaarheid (B1)" (our version of Wagtail's checks.html, which
leaves out Wagtail's LIX score) shows it with what to change."""

import json

from django.forms import Media
from django.utils.html import format_html
from wagtail.admin.userbar import ContentCheckerItem

from readability.models import word_lists
from readability.verdict import verdict_for

RULE = "leesbaarheid-b1"
CHECK = "check-leesbaarheid-b1"
NOTE_ID = "leesbaarheid-oordeel"


class ReadabilityChecker(ContentCheckerItem):
    """Wagtail's checks plus ours: "Tekst boven taalniveau B1"."""

    def get_axe_run_only(self, request):
        run_only = super().get_axe_run_only(request)
        return [*run_only, RULE] if run_only else run_only

    def get_axe_custom_rules(self, request):
        return [
            *super().get_axe_custom_rules(request),
            {
                "id": RULE,
                "impact": "serious",
                "selector": "main",
                "tags": ["best-practice"],
                "any": [CHECK],
                "enabled": True,
            },
        ]

    def get_axe_custom_checks(self, request):
        return [*super().get_axe_custom_checks(request), {"id": CHECK}]

    def get_axe_messages(self, request):
        return {
            **super().get_axe_messages(request),
            RULE: {
                "error_name": "Tekst boven taalniveau B1",
                "help_text": "Zie ‘Leesbaarheid (B1)’ hierboven: wat je kunt veranderen.",
            },
        }

    @property
    def media(self):
        return Media(js=["js/readability-check.js"])


def with_our_checker(items):
    """`items` with each ContentCheckerItem replaced by ours (same place in the editor)."""
    items[:] = [
        ReadabilityChecker(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem) and not isinstance(item, ReadabilityChecker)
        else item
        for item in items
    ]


def verdict_note(request, page):
    """The verdict on the previewed page, for the check and the panel."""
    return format_html(
        '<template id="{}" data-oordeel="{}"></template>',
        NOTE_ID,
        json.dumps(verdict_for(page, word_lists()).as_json(), ensure_ascii=False),
    )
