"""Judging a new comment by the rules editors keep under Instellingen → Regels voor reacties
(ModerationRules): every comment is stored, none is thrown away, and each one a rule caught
says which rule and why, in the queue and in its history.

- too many links, or a blocked word: "Tegengehouden" (not in the waiting queue; a moderator
  finds it under that status and can still approve it);
- a suspect word: it waits like every comment, with the reason shown."""

import re
from dataclasses import dataclass

from articles.comments.models import Comment, ModerationRules

LINK_PATTERN = re.compile(r"(https?://|www\.)", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str = ""

    @property
    def held(self):
        return self.status == Comment.Status.HELD


def judge(name, body, rules=None):
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
    return Verdict(Comment.Status.PENDING)
