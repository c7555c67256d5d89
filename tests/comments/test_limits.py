"""The comment limit: 5 comments per visitor in any hour; an IPv6 /64 is one visitor, and a
comment with a mistake costs no place (tests/live/test_machines.py: 50 posts at once)."""

import pytest

from articles.models import ArticlePage
from comments.models import Comment
from tests.support.comments import comment_data
from tests.support.content import OPMARS

pytestmark = pytest.mark.django_db


class TestCommentLimit:
    def test_a_new_address_in_the_same_64_does_not_reset_the_limit(self, client, settings):
        article = ArticlePage.objects.get(slug=OPMARS)
        for n in range(5):
            address = f"2001:db8:7:7::{n + 1}"
            response = client.post(article.url, comment_data(f"Nummer {n}."), REMOTE_ADDR=address)
            assert response.status_code == 303
        refused = client.post(
            article.url, comment_data("Nog een."), REMOTE_ADDR="2001:db8:7:7:dead:beef::1"
        )
        assert refused.status_code == 200
        assert "veel reacties gestuurd" in refused.content.decode()
        # The text is kept, so nothing typed is lost.
        assert "Nog een." in refused.content.decode()
        elsewhere = client.post(
            article.url, comment_data("Van elders."), REMOTE_ADDR="2001:db8:8::1"
        )
        assert elsewhere.status_code == 303
        assert Comment.objects.filter(article=article).count() == 6

    def test_a_comment_with_a_mistake_costs_no_place(self, client):
        article = ArticlePage.objects.get(slug=OPMARS)
        for _ in range(10):
            data = {**comment_data("Met fout."), "email": "geen-adres"}
            client.post(article.url, data, REMOTE_ADDR="192.0.2.50")
        response = client.post(article.url, comment_data("Nu goed."), REMOTE_ADDR="192.0.2.50")
        assert response.status_code == 303
