"""What tests post as a reader's comment, and posting it as a reader would."""

from django.test import Client


def comment_data(body, **fields):
    """The comment form's fields as a reader fills them in (the honeypot left empty)."""
    return {"name": "Sanne", "email": "sanne@example.org", "body": body, "website": "", **fields}


def post_comment(article, body, address="10.4.4.4", client=None, **fields):
    """Post a comment to `article` from `address` with a fresh (or the given) client and
    follow to the page the reader lands on; the response."""
    client = client or Client()
    return client.post(
        article.url, comment_data(body=body, **fields), REMOTE_ADDR=address, follow=True
    )
