"""Readability for editors (issue 13.1): the Flesch-Douma score with what it means for B1, long
sentences and words marked, measured on our own server as the editor types; a report of all
pages; the accessibility statement naming the quoted texts above B1."""

import json

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page

from core.models import ContentPage
from readability.models import PlainWord, SiteWord, word_lists
from readability.report import all_pages, quoted_above_b1
from readability.text.analysis import (
    B1_MIN_SCORE,
    LONG_SENTENCE_WORDS,
    analyse,
    split_sentences,
    syllables,
)
from readability.verdict import verdict_for
from roles.models import LadderStep, RolePage
from tests.support.pages import html_soup, soup
from tests.support.texts import EASY, HARD


class TestMeasuring:
    @pytest.mark.parametrize(
        "word,count",
        [
            ("huis", 1),
            ("ziekte", 2),
            ("cliënt", 2),
            ("vrijwilligerswerk", 5),
            ("geïnteresseerd", 5),
        ],
    )
    def test_dutch_syllables(self, word, count):
        assert syllables(word) == count

    def test_the_score_is_douma_s_formula(self):
        text = "Ik werk graag met mensen. Zij hebben veel meegemaakt en vertellen erover."
        analysis = analyse(text)
        words, sentences, syllable_count = 12, 2, analysis.syllables
        expected = 206.835 - 0.93 * words / sentences - 77 * syllable_count / words
        assert analysis.words == words and len(analysis.sentences) == sentences
        assert analysis.score == pytest.approx(expected)

    def test_easy_text_fits_b1_and_hard_text_does_not(self):
        easy, hard = analyse(EASY), analyse(HARD)
        assert easy.b1 is True and easy.score >= B1_MIN_SCORE
        assert hard.b1 is False and "boven B1" in hard.level
        assert len(hard.long_sentences) == 1 and hard.long_sentences[0].words > 40

    def test_long_sentences_and_very_long_words_are_pointed_out(self):
        long_sentence = "Dit " + "is " * (LONG_SENTENCE_WORDS - 1) + "lang."
        analysis = analyse(f"Dit is kort. {long_sentence} De beleidsvoorbereiding duurt.")
        assert [s.words for s in analysis.sentences] == [3, LONG_SENTENCE_WORDS + 1, 3]
        assert [s.long for s in analysis.sentences] == [False, True, False]
        assert analysis.long_words == ["beleidsvoorbereiding"]

    def test_the_sites_own_subject_words_are_not_marked(self):
        analysis = analyse("Een ervaringsdeskundige werkt met ervaringskennis. Dat is mooi werk.")
        assert analysis.long_words == []

    def test_abbreviations_do_not_end_a_sentence(self):
        assert split_sentences("Je helpt bijv. een buurman. Of een vriendin.") == [
            "Je helpt bijv. een buurman.",
            "Of een vriendin.",
        ]

    def test_rich_text_is_measured_as_its_text(self):
        html = "<p>Ik heb zelf iets <b>meegemaakt</b>.</p><ul><li>Eén</li><li>Twee</li></ul>"
        assert [s.text for s in analyse(html).sentences] == [
            "Ik heb zelf iets meegemaakt.",
            "Eén",
            "Twee",
        ]

    def test_a_few_words_get_no_score(self):
        analysis = analyse("Privacy")
        assert analysis.score is None and analysis.b1 is None
        assert analysis.level == "te kort om te meten"


@pytest.mark.django_db
class TestMeasuringForTheEditor:
    url = "/beheer/leesbaarheid/meten/"

    def test_the_editor_gets_score_level_and_marks(self, client, editor):
        client.force_login(editor)
        data = client.post(self.url, {"text": HARD}).json()
        assert data["b1"] is False and data["score"] < B1_MIN_SCORE
        assert data["longSentences"] == 1
        assert data["sentences"][0]["long"] is True
        assert data["limits"]["sentenceWords"] == LONG_SENTENCE_WORDS
        assert data["limits"]["b1"] == B1_MIN_SCORE

    def test_only_with_a_csrf_token(self, editor):
        client = Client(enforce_csrf_checks=True)
        client.force_login(editor)
        assert client.post(self.url, {"text": EASY}).status_code == 403

    def test_only_for_people_who_edit(self, client, moderator):
        assert client.post(self.url, {"text": EASY}).status_code in (302, 403)
        client.force_login(moderator)
        assert client.post(self.url, {"text": EASY}).status_code in (302, 403)

    def test_a_get_measures_nothing(self, client, editor):
        client.force_login(editor)
        assert client.get(self.url, {"text": EASY}).status_code == 405

    def test_a_huge_text_gets_a_dutch_message(self, client, editor):
        client.force_login(editor)
        response = client.post(self.url, {"text": "woord " * 20_000})
        assert response.status_code == 400
        assert "te lang om te meten" in response.json()["error"]

    def test_the_editor_loads_the_measuring_script(self, client, editor):
        client.force_login(editor)
        for url in (
            f"/beheer/pages/{RolePage.objects.first().pk}/edit/",
            reverse("wagtailsnippets_articles_author:add"),
        ):
            script = soup(client.get(url)).find("script", id="leesbaarheid-script")
            assert script["data-measure-url"] == self.url, url


@pytest.mark.django_db
class TestReport:
    url = "/beheer/leesbaarheid/"

    def rows(self, response):
        return [
            (
                row.select_one("td.title a").get_text(strip=True),
                row.select_one(".leesbaarheid-rapport__score").get_text(strip=True),
            )
            for row in soup(response).select("tbody tr")
        ]

    def test_every_page_hardest_first(self, client, editor):
        client.force_login(editor)
        rows = self.rows(client.get(self.url))
        assert len(rows) == Page.objects.filter(depth__gt=1).count()
        scores = [int(score) for _, score in rows if score != "–"]
        assert scores == sorted(scores)
        assert [score for _, score in rows if score == "–"] == [
            score for _, score in rows[len(scores) :]
        ]

    def test_the_filter_shows_only_pages_above_b1(self, client, editor):
        client.force_login(editor)
        everything = self.rows(client.get(self.url))
        above = self.rows(client.get(self.url, {"niveau": "boven-b1"}))
        assert 0 < len(above) < len(everything)
        assert all(int(score) < B1_MIN_SCORE for _, score in above), above

    def test_the_sites_own_texts_read_at_b1(self, client, editor):
        """What the site writes itself (not the quoted sources) is at B1 by its own measure,
        and the report lists it on its own."""
        client.force_login(editor)
        response = client.get(self.url, {"tekst": "eigen"})
        own = self.rows(response)
        own_pages = [row for row in all_pages() if not row.quoted]
        assert sorted(title for title, _ in own) == sorted(row.title for row in own_pages)
        assert len(own) >= 3  # the privacy page, the accessibility statement, Artikelen
        assert all(int(score) >= B1_MIN_SCORE for _, score in own if score != "–"), own
        summary = soup(response).select_one(".leesbaarheid-rapport__eigen").get_text(" ")
        assert f"alle {len(own)} eigen teksten passen bij B1" in summary

    def test_the_editors_plain_summaries_are_b1_too(self):
        """The editors' own words on quoted pages: every ‘In het kort’ of a page or a ladder
        step, and every figures block's opening sentence."""
        texts = [step.in_short for step in LadderStep.objects.all()]
        for page in Page.objects.live().specific():
            texts.append(getattr(page, "in_short", "") or "")
            for field in page._meta.get_fields():
                if isinstance(field, StreamField):
                    texts += [
                        block.value["in_short"] or ""
                        for block in getattr(page, field.name)
                        if block.block_type == "figures"
                    ]
        texts = [text for text in texts if text.strip()]
        assert len(texts) >= 10
        for text in texts:
            analysis = analyse(text)
            assert analysis.b1 is not False and not analysis.long_sentences, text

    def test_an_edit_that_makes_a_page_easier_moves_it(self, client, editor):
        client.force_login(editor)
        page = ContentPage.objects.get(slug="privacy")
        page.summary = HARD
        page.save_revision().publish()
        before = dict(self.rows(client.get(self.url)))["Privacy"]
        page.summary = EASY
        page.save_revision().publish()
        after = dict(self.rows(client.get(self.url)))["Privacy"]
        assert int(after) > int(before)

    def test_it_is_in_the_reports_menu_for_editors_only(self, client, editor, moderator):
        client.force_login(editor)
        menu = soup(client.get("/beheer/")).find(id="wagtail-sidebar-props").string
        assert '"Leesbaarheid"' in menu and '"/beheer/leesbaarheid/"' in menu
        client.force_login(moderator)
        assert client.get(self.url).status_code in (302, 403)
        menu = soup(client.get("/beheer/")).find(id="wagtail-sidebar-props").string
        assert '"Leesbaarheid"' not in menu

    def test_the_sentence_to_rewrite_first_opens_its_field(self, client, editor):
        client.force_login(editor)
        page = ContentPage.objects.get(slug="privacy")
        page.summary = "Het formulier wordt door de cliënt ingevuld. " + EASY
        page.save_revision().publish()
        row = soup(client.get(self.url)).find("tr", attrs={"data-page-id": str(page.pk)})
        link = row.select_one(".leesbaarheid-rapport__zin a")
        assert link.get_text() == "Het formulier wordt door de cliënt ingevuld."
        address, anchor = link["href"].split("#")
        assert address == f"/beheer/pages/{page.pk}/edit/"
        section = soup(client.get(address)).find(id=anchor)
        assert section is not None and section.find(attrs={"name": "summary"}) is not None


@pytest.mark.django_db
class TestDashboard:
    """The share of published pages at B1, on the dashboard of people who edit."""

    def share(self, client):
        return soup(client.get("/beheer/")).find(attrs={"data-b1-share": True})

    def test_editors_see_the_share_of_published_pages_at_b1(self, client, editor):
        client.force_login(editor)
        live = [row for row in all_pages() if row.live and row.b1 is not None]
        at_b1 = [row for row in live if row.b1]
        shown = self.share(client)
        assert shown.get_text() == (
            f"{len(at_b1)} van de {len(live)} gepubliceerde pagina's lezen op B1 "
            f"({round(100 * len(at_b1) / len(live))}%)"
        )
        link = shown.find_parent("section").find("a", string="Bekijk de pagina's boven B1")
        assert link["href"] == "/beheer/leesbaarheid/?niveau=boven-b1"

    def test_a_page_made_plain_raises_the_share(self, client, editor):
        client.force_login(editor)
        before = int(self.share(client)["data-b1-share"])
        for role in RolePage.objects.live()[:5]:
            role.summary, role.body, role.tasks, role.pathway, role.in_short = EASY, [], "", "", ""
            role.save_revision().publish()
        assert int(self.share(client)["data-b1-share"]) > before

    def test_moderators_do_not_see_it(self, client, moderator):
        client.force_login(moderator)
        assert self.share(client) is None


@pytest.mark.django_db
class TestChecksPanel:
    """Our B1 verdict in Wagtail's Checks panel: a content check of our own, the verdict in the
    preview only, Wagtail's LIX score replaced (docs/readability.md)."""

    def preview(self, page, user):
        request = RequestFactory().get("/")
        request.user = user
        return page.make_preview_request(request).content.decode()

    def test_the_check_is_in_the_editor_in_dutch(self, client, editor):
        client.force_login(editor)
        response = client.get(f"/beheer/pages/{RolePage.objects.first().pk}/edit/")
        html = soup(response)
        config = json.loads(html.find(id="checker-axe-configuration").string)
        assert "leesbaarheid-b1" in config["options"]["runOnly"]
        assert config["messages"]["leesbaarheid-b1"]["error_name"] == "Tekst boven taalniveau B1"
        panel = html.find(attrs={"data-side-panel": "checks"})
        assert "Leesbaarheid (B1)" in panel.get_text()
        assert panel.find(attrs={"data-content-readability-score": True}) is None
        # The explainer (in a <template>, which get_text leaves out).
        assert "leesbaarheidsscore (LIX) tonen we niet" in response.content.decode()

    @pytest.mark.parametrize(
        "summary,passes",
        [(EASY, True), (HARD + " " + HARD + " " + HARD, False)],
    )
    def test_the_preview_carries_the_verdict(self, editor, summary, passes):
        page = ContentPage.objects.get(slug="privacy")
        page.summary, page.body = summary, []
        html = html_soup(self.preview(page, editor))
        note = html.select_one("main template#leesbaarheid-oordeel")
        verdict = json.loads(note["data-oordeel"])
        assert verdict["passes"] is passes
        assert verdict["reason"].startswith("Leest op B1" if passes else "Boven B1")

    def test_a_public_page_never_carries_it(self, client, editor):
        anonymous = Client().get("/privacy/").content
        assert b"leesbaarheid-oordeel" not in anonymous
        client.force_login(editor)
        assert b"leesbaarheid-oordeel" not in client.get("/privacy/").content


@pytest.mark.django_db
class TestVerdict:
    def test_a_quoted_text_above_b1_passes_only_with_in_short(self):
        role = RolePage.objects.live().first()
        role.source = "Movisie"
        role.summary, role.body, role.tasks, role.pathway = HARD * 3, [], "", ""
        role.in_short = ""
        assert not verdict_for(role, word_lists()).passes
        role.in_short = EASY
        assert verdict_for(role, word_lists()).passes
        assert "met ‘In het kort’ erboven" in verdict_for(role, word_lists()).reason

    def test_own_text_above_b1_does_not_pass_even_with_in_short(self):
        page = ContentPage.objects.get(slug="privacy")
        page.summary, page.body, page.source = HARD * 3, [], "ervaring"
        page.in_short = EASY
        assert not verdict_for(page, word_lists()).passes

    def test_a_short_text_is_not_judged(self):
        page = ContentPage.objects.get(slug="privacy")
        page.summary, page.body = "Kort.", []
        verdict = verdict_for(page, word_lists())
        assert verdict.passes and verdict.reason == "Te weinig tekst om te meten."


@pytest.mark.django_db
class TestAccessibilityStatement:
    url = "/toegankelijkheid/"

    def listed(self):
        block = soup(Client().get(self.url)).find(class_="readability-list")
        return block, [a.get_text(strip=True) for a in block.select("li a")]

    def test_it_names_the_quoted_texts_above_b1_and_the_report(self):
        block, titles = self.listed()
        expected = [row.title for row in quoted_above_b1()]
        assert titles == expected and titles
        text = soup(Client().get(self.url)).get_text()
        assert "rapport ‘Leesbaarheid’" in text
        assert f"Deze {len(titles)} teksten nemen we letterlijk over" in block.get_text()

    def test_a_quoted_text_made_easier_leaves_the_list(self):
        _, titles = self.listed()
        role = RolePage.objects.filter(title__in=titles).first()
        role.summary, role.body, role.tasks, role.pathway = EASY, [], "", ""
        role.in_short = ""
        role.save_revision().publish()
        _, after = self.listed()
        assert role.title not in after and len(after) == len(titles) - 1


@pytest.mark.django_db
def test_the_userbar_content_checks_are_on_and_dutch(client, editor):
    client.force_login(editor)
    html = client.get("/werk/clientondersteuner/").content.decode()
    assert "<wagtail-userbar" in html
    checker = html_soup(html).find(id="checker-axe-configuration")
    assert checker is not None
    assert "Lege kop gevonden" in checker.string and "Link-tekst is leeg" in checker.string
    assert "Controles" in html and ">Checks<" not in html.replace(" ", "").replace("\n", "")


@pytest.mark.django_db
class TestWordListsInTheAdmin:
    """Indeling → Eigen woorden and Gewonere woorden: editors keep the lists; bad input gets a
    Dutch message beside the field and nothing is saved."""

    def test_an_editor_adds_a_plainer_word_and_the_editor_shows_it(self, client, editor):
        client.force_login(editor)
        response = client.post(
            reverse("wagtailsnippets_readability_plainword:add"),
            {"word": "  Cocreatie ", "alternatives": "samen maken,  samen bedenken ,"},
        )
        assert response.status_code == 302
        saved = PlainWord.objects.get(word="cocreatie")
        assert saved.alternatives == "samen maken, samen bedenken"
        measured = client.post(
            reverse("readability_measure"), {"text": "We werken in cocreatie met bewoners."}
        ).json()
        assert measured["hardWords"] == [
            {"word": "cocreatie", "alternative": "samen maken, samen bedenken"}
        ]

    @pytest.mark.parametrize(
        "data,field,message",
        [
            ({"word": "", "alternatives": "iets"}, "word", "Dit is een verplicht veld."),
            ({"word": "reeds", "alternatives": "al"}, "word", "Dit woord staat al in de lijst."),
            ({"word": "thans", "alternatives": " , "}, "alternatives", "minstens één"),
            ({"word": "helpen", "alternatives": "Helpen"}, "alternatives", "hetzelfde"),
        ],
    )
    def test_bad_input_is_refused_beside_the_field(self, client, editor, data, field, message):
        client.force_login(editor)
        before = PlainWord.objects.count()
        response = client.post(reverse("wagtailsnippets_readability_plainword:add"), data)
        assert response.status_code == 200
        page = soup(response)
        beside = page.select_one(f"[data-field-wrapper]:has(#id_{field}) .error-message")
        assert message in beside.get_text(" ")
        assert PlainWord.objects.count() == before
        # What the editor typed stays in the form.
        if data["word"]:
            assert page.select_one("#id_word")["value"].strip().lower() == data["word"].lower()

    def test_a_site_word_is_one_word(self, client, editor):
        client.force_login(editor)
        response = client.post(
            reverse("wagtailsnippets_readability_siteword:add"), {"word": "twee woorden"}
        )
        assert response.status_code == 200
        assert "Vul één woord in, zonder spaties." in soup(response).get_text()
        assert not SiteWord.objects.filter(word="twee woorden").exists()

    def test_the_lists_start_with_the_seeded_words(self):
        assert PlainWord.objects.count() >= 100
        assert PlainWord.objects.filter(word="faciliteren").exists()
        assert SiteWord.objects.filter(word="kwartiermaker").exists()


@pytest.mark.django_db
class TestOwnWordsNeedEindredactie:
    """An editor's own word counts as a known word only once Eindredactie accepted it: listing
    the hard words of one's own text is no way past the B1 gate."""

    TEXT = "De wijkbewoners kregen een empowermenttraining."

    def add(self, client, user, word="empowermenttraining"):
        client.force_login(user)
        return client.post(
            reverse("wagtailsnippets_readability_siteword:add"), {"word": word, "note": "test"}
        )

    def test_a_redacteurs_word_waits_and_does_not_count(self, client, editor):
        assert self.add(client, editor).status_code == 302
        word = SiteWord.objects.get(word="empowermenttraining")
        assert word.accepted_at is None and word.status == "Wacht op de eindredactie"
        assert ("empowermenttraining", "") in analyse(self.TEXT, word_lists()).hard_words
        listing = soup(
            client.get(reverse("wagtailsnippets_readability_siteword:list"), {"waiting": "true"})
        )
        assert "Wacht op de eindredactie" in listing.get_text()

    def test_eindredactie_accepts_by_saving_and_then_it_counts(self, client, editor, final_editor):
        self.add(client, editor)
        word = SiteWord.objects.get(word="empowermenttraining")
        client.force_login(final_editor)
        edit = reverse("wagtailsnippets_readability_siteword:edit", args=[word.pk])
        assert client.post(edit, {"word": word.word, "note": "uitgelegd"}).status_code == 302
        word.refresh_from_db()
        assert word.accepted_by == final_editor and word.status == "Telt mee"
        hard = [word for word, _ in analyse(self.TEXT, word_lists()).hard_words]
        assert "empowermenttraining" not in hard

    def test_a_redacteur_who_changes_an_accepted_word_makes_it_wait_again(
        self, client, editor, final_editor
    ):
        self.add(client, final_editor)
        word = SiteWord.objects.get(word="empowermenttraining")
        assert word.accepted_at is not None
        client.force_login(editor)
        edit = reverse("wagtailsnippets_readability_siteword:edit", args=[word.pk])
        client.post(edit, {"word": "operationalisering", "note": "test"})
        word.refresh_from_db()
        assert word.word == "operationalisering" and word.accepted_at is None
        # A changed note alone keeps what was accepted.
        client.force_login(final_editor)
        client.post(edit, {"word": "operationalisering", "note": "test"})
        client.force_login(editor)
        client.post(edit, {"word": "operationalisering", "note": "ander"})
        word.refresh_from_db()
        assert word.accepted_at is not None

    def test_eindredactie_sees_what_waits_on_the_dashboard(self, client, editor, final_editor):
        self.add(client, editor)
        client.force_login(final_editor)
        panel = soup(client.get("/beheer/")).find(id="aandacht-section")
        link = next(a for a in panel.select("li a") if "eigen woorden" in a.get_text())
        assert link.strong.get_text() == "1"
        client.force_login(editor)
        panel = soup(client.get("/beheer/")).find(id="aandacht-section")
        assert "eigen woorden" not in panel.get_text()
