"""Judging a new comment by the rules editors keep under Instellingen → Regels voor reacties
(ModerationRules): every comment is stored, none is thrown away, and each one a rule caught
says which rule and why, in the queue and in its history.

- too many links, or a blocked word: "Tegengehouden", in the moderators' queue and their mail
  with the reason (a moderator can still approve it);
- a suspect word: it waits like every comment, with the reason shown;
- optional, off by default: a confirmed address with enough approved comments goes online at
  once (the reason says so, in its history too)."""

import re
from dataclasses import dataclass

from comments.models import Comment, ModerationRules

LINK_PATTERN = re.compile(r"(https?://|www\.)", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str = ""


def trusted(email, rules):
    """Whether comments from `email` may go online at once: the setting is on, the address was
    confirmed (double opt-in for mails) and has at least that many approved comments."""
    if not rules.trusted_after or not email:
        return False
    from_address = Comment.objects.filter(email__iexact=email)
    return (
        from_address.filter(notify_confirmed_at__isnull=False).exists()
        and from_address.filter(status=Comment.Status.APPROVED).count() >= rules.trusted_after
    )


def judge(name, body, email="", rules=None):
    """The status a new comment gets and the reason, from the rules."""
    rules = rules or ModerationRules.load()
    text = f"{name}\n{body}"
    links = len(LINK_PATTERN.findall(body))
    if links > rules.max_links:
        return Verdict(Comment.Status.HELD, f"Te veel links: {links} (hooguit {rules.max_links}).")
    blocked = rules.first_match("blocked_words", text)
    if blocked:
        return Verdict(Comment.Status.HELD, f"Geblokkeerd woord: ‘{blocked}’.")
    suspect = rules.first_match("suspect_words", text)
    if suspect:
        return Verdict(Comment.Status.PENDING, f"Verdacht woord: ‘{suspect}’.")
    if trusted(email, rules):
        return Verdict(
            Comment.Status.APPROVED,
            f"Meteen online: bevestigd adres met {rules.trusted_after} of meer goedgekeurde "
            "reacties.",
        )
    return Verdict(Comment.Status.PENDING)
