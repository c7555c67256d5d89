"""What tests post as a reader's comment."""

# The Movisie article: its source has no comments, so every comment on it is a test's.
OPMARS = "inzet-ervaringsdeskundigen-sociaal-werk-in-opmars"


def comment_data(body, **fields):
    """The comment form's fields as a reader fills them in (the honeypot left empty)."""
    return {"name": "Sanne", "email": "sanne@example.org", "body": body, "website": "", **fields}
