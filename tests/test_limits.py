"""Limits that hold: who a visitor is (an IPv6 /64 counts as one; behind a proxy the address it
saw), the sliding-window rate limiter, the login lockout, a private page's password, the
password reset, and few fields and no files in public forms. The comment limit itself is in
tests/comments/test_limits.py; tests/live/test_machines.py runs it with 50 posts at once across
two servers."""

import io
import time
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.test import Client, RequestFactory, override_settings
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage
from comments.models import Comment
from limits.clients import client_address, client_network
from limits.models import RateCount
from limits.ratelimit import claim, claim_key, forget_old_counts, release, visitor_key
from roles.models import RolePage
from tests.support.comments import comment_data
from tests.support.content import OPMARS
from tests.support.pages import soup

pytestmark = pytest.mark.django_db


def request_from(address, forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


class TestClientAddress:
    def test_without_a_proxy_the_connection_counts(self):
        assert client_address(request_from("192.0.2.7", forwarded="198.51.100.1")) == "192.0.2.7"

    @override_settings(PROXY_COUNT=1)
    def test_behind_one_proxy_the_address_it_saw_counts(self):
        # The visitor may put anything on the left; only the proxy's own entry is trusted.
        request = request_from("127.0.0.1", forwarded="6.6.6.6, 198.51.100.9")
        assert client_address(request) == "198.51.100.9"
        nonsense = request_from("127.0.0.1", forwarded="geen-adres")
        assert client_address(nonsense) == "0.0.0.0"  # noqa: S104 - all nonsense counts as one

    def test_an_ipv6_visitor_counts_as_their_64_network(self):
        one = request_from("2001:db8:1:2:aaaa::1")
        other_address_same_network = request_from("2001:db8:1:2:ffff:ffff:ffff:ffff")
        other_network = request_from("2001:db8:1:3::1")
        assert client_network(one) == client_network(other_address_same_network)
        assert client_network(one) == "2001:db8:1:2::"
        assert client_network(other_network) != client_network(one)
        assert client_network(request_from("::ffff:192.0.2.7")) == "192.0.2.7"


class TestRateLimiter:
    """limits/ratelimit.py: what every limit counts with."""

    def test_a_claim_takes_a_place_and_stores_no_address(self):
        request = request_from("192.0.2.60")
        verdicts = [claim("test", request, limit=3) for _ in range(5)]
        assert [bool(verdict) for verdict in verdicts] == [True] * 3 + [False] * 2
        # A refusal says how long until a place is free: about an hour after the first claim.
        assert 3590 <= verdicts[-1].retry_after <= 3600
        row = RateCount.objects.get()
        assert len(row.moments.split()) == 3
        assert "192.0.2.60" not in row.key

    def test_the_window_slides_instead_of_starting_again_on_the_hour(self):
        request = request_from("192.0.2.62")
        assert claim("test", request, limit=3)
        row = RateCount.objects.get()
        now = time.time()
        # Two claims 50 and 40 minutes ago, one just now: an hour that straddles a clock hour
        # still counts all three, and the next place is free when the oldest leaves the window.
        row.moments = f"{now - 3000} {now - 2400} {now - 5}"
        row.save()
        refused = claim("test", request, limit=3)
        assert not refused
        assert 590 <= refused.retry_after <= 601
        row.moments = f"{now - 3700} {now - 2400} {now - 5}"
        row.save()
        assert claim("test", request, limit=3)
        assert len(RateCount.objects.get().moments.split()) == 3

    def test_a_released_claim_gives_its_place_back(self):
        key = visitor_key("test", request_from("192.0.2.63"))
        verdicts = [claim_key(key, limit=2) for _ in range(2)]
        assert not claim_key(key, limit=2)
        release(key, verdicts[0])
        assert claim_key(key, limit=2)

    def test_old_counts_are_forgotten(self):
        claim("test", request_from("192.0.2.61"), limit=3)
        RateCount.objects.update(updated_at="2020-01-01T00:00Z")
        assert forget_old_counts() == 1
        assert not RateCount.objects.exists()


class TestLoginLockout:
    @override_settings(PROXY_COUNT=1)
    def test_wrong_passwords_from_one_address_do_not_lock_out_another(self, client, editor):
        for _ in range(5):
            client.post(
                "/inloggen/",
                {"username": editor.username, "password": "fout"},
                REMOTE_ADDR="127.0.0.1",
                HTTP_X_FORWARDED_FOR="203.0.113.66",
            )
        locked = client.post(
            "/inloggen/",
            {"username": editor.username, "password": "een-lang-testwachtwoord"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
        assert locked.status_code == 429
        # The same account, from the editor's own address behind the same proxy.
        fine = client.post(
            "/inloggen/",
            {"username": editor.username, "password": "een-lang-testwachtwoord"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.20",
        )
        assert fine.status_code == 302


class TestPrivatePagePassword:
    @pytest.fixture
    def protected(self):
        role = RolePage.objects.get(slug="clientondersteuner")
        restriction = PageViewRestriction.objects.create(
            page=role, restriction_type="password", password="geheim-woord"
        )
        action = f"/_util/authenticate_with_password/{restriction.pk}/{role.pk}/"
        return role, action

    def try_password(self, client, role, action, password, address="192.0.2.70"):
        return client.post(
            action, {"password": password, "return_url": role.url}, REMOTE_ADDR=address
        )

    def test_25_wrong_passwords_are_not_all_tried(self, client, protected):
        role, action = protected
        answers = [self.try_password(client, role, action, f"gok-{n}") for n in range(25)]
        statuses = [answer.status_code for answer in answers]
        assert statuses == [200] * 10 + [429] * 15
        refused = soup(answers[-1], status=429)
        assert "Probeer het over 15 minuten opnieuw" in refused.find(id="wachten").get_text()
        assert 840 <= int(answers[-1]["Retry-After"]) <= 900  # the first try leaves in 15 min
        # The form is still there, and the page's own words still do not show.
        assert refused.find("input", {"name": "password"}) is not None
        assert "Cliëntondersteuner" not in refused.get_text()
        # Now even the right password is not tried from this address…
        assert self.try_password(client, role, action, "geheim-woord").status_code == 429
        # …while another visitor gets in at once.
        other = Client()
        right = self.try_password(other, role, action, "geheim-woord", address="198.51.100.7")
        assert right.status_code == 302 and right["Location"] == role.url

    def test_a_right_password_costs_no_try(self, client, protected):
        role, action = protected
        for _ in range(12):
            assert self.try_password(Client(), role, action, "geheim-woord").status_code == 302
        for n in range(10):
            assert self.try_password(client, role, action, f"gok-{n}").status_code == 200
        assert self.try_password(client, role, action, "nog-een").status_code == 429


class TestPasswordReset:
    def ask(self, client, email, address="192.0.2.75"):
        return client.post("/beheer/password_reset/", {"email": email}, REMOTE_ADDR=address)

    def test_one_account_gets_at_most_three_mails_an_hour_and_nobody_can_tell(self, client, editor):
        answers = [self.ask(client, editor.email, address=f"192.0.2.{n}") for n in range(5)]
        assert [answer.status_code for answer in answers] == [302] * 5
        assert {answer["Location"] for answer in answers} == {"/beheer/password_reset/done/"}
        assert len(mail.outbox) == 3
        assert {message.to[0] for message in mail.outbox} == {editor.email}

    def test_one_address_may_ask_five_times_an_hour(self, client, editor):
        answers = [self.ask(client, f"iemand{n}@example.org") for n in range(6)]
        assert [answer.status_code for answer in answers] == [302] * 5 + [429]
        page = soup(answers[-1], status=429)
        assert page.h1.get_text() == "Even wachten"
        assert "Probeer het over 60 minuten opnieuw" in page.get_text(" ", strip=True)
        # Another address is not hindered.
        assert self.ask(client, editor.email, address="198.51.100.8").status_code == 302
        assert len(mail.outbox) == 1


class TestPublicForms:
    @pytest.mark.parametrize("as_form_data", [True, False])
    def test_a_public_post_with_many_fields_is_refused_before_it_is_read(
        self, client, as_form_data
    ):
        article = ArticlePage.objects.get(slug=OPMARS)
        data = {**comment_data("Veel velden."), **{f"veld{n}": "x" for n in range(500)}}
        if as_form_data:
            response = client.post(article.url, data, REMOTE_ADDR="192.0.2.90")
        else:
            response = client.post(
                article.url,
                urlencode(data),
                content_type="application/x-www-form-urlencoded",
                REMOTE_ADDR="192.0.2.90",
            )
        assert response.status_code == 400
        assert "Dit verzoek klopt niet" in response.content.decode()
        assert not Comment.objects.filter(body="Veel velden.").exists()

    def test_a_public_form_takes_no_files(self, client):
        article = ArticlePage.objects.get(slug=OPMARS)
        upload = io.BytesIO(b"x" * 100)
        upload.name = "bijlage.txt"
        data = {**comment_data("Met bijlage."), "bijlage": upload}
        assert client.post(article.url, data, REMOTE_ADDR="192.0.2.91").status_code == 400

    @staticmethod
    def multipart(parts):
        """A multipart body written by hand, as a script would: lower-case part headers."""
        boundary = "grens"
        lines = []
        for disposition, value in parts:
            lines += [f"--{boundary}", f"content-disposition: form-data; {disposition}", "", value]
        body = "\r\n".join([*lines, f"--{boundary}--", ""]).encode()
        return body, f"multipart/form-data; boundary={boundary}"

    def test_lower_case_part_headers_do_not_slip_past_the_field_limit(self, client):
        article = ArticlePage.objects.get(slug=OPMARS)
        parts = [
            (f'name="{name}"', value) for name, value in comment_data("Kleine letters.").items()
        ]
        parts += [(f'name="veld{n}"', "x") for n in range(102)]
        body, content_type = self.multipart(parts)
        response = client.generic(
            "POST", article.url, body, content_type=content_type, REMOTE_ADDR="192.0.2.92"
        )
        assert response.status_code == 400
        assert not Comment.objects.filter(body="Kleine letters.").exists()
        # The same form with its own four fields is read as a comment.
        body, content_type = self.multipart(parts[:4])
        response = client.generic(
            "POST", article.url, body, content_type=content_type, REMOTE_ADDR="192.0.2.92"
        )
        assert response.status_code == 303
        assert Comment.objects.filter(body="Kleine letters.").exists()

    def test_an_unquoted_file_name_is_still_a_file(self, client):
        article = ArticlePage.objects.get(slug=OPMARS)
        parts = [(f'name="{name}"', value) for name, value in comment_data("Ongequoot.").items()]
        parts.append(("name=bijlage; filename=stiekem.txt", "inhoud van een bestand"))
        body, content_type = self.multipart(parts)
        response = client.generic(
            "POST", article.url, body, content_type=content_type, REMOTE_ADDR="192.0.2.93"
        )
        assert response.status_code == 400
        assert not Comment.objects.filter(body="Ongequoot.").exists()

    def test_a_body_over_the_size_limit_gets_its_own_page(self, client, settings):
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
        article = ArticlePage.objects.get(slug=OPMARS)
        response = client.post(article.url, comment_data("x" * 20_000), REMOTE_ADDR="192.0.2.94")
        assert response.status_code == 413
        assert soup(response, status=413).h1.get_text() == "Dit is te veel om te versturen"

    def test_the_admin_may_still_post_large_forms(self, client, editor):
        client.force_login(editor)
        data = {f"veld{n}": "x" for n in range(500)}
        response = client.post("/beheer/pages/search/", data)
        assert response.status_code != 400
