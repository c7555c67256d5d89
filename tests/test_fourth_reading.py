"""Issue 38: the fourth reading of the sources. What the site said the sources say and they do
not, pinned defect by defect on the rendered pages; and the loader that keeps it so."""

import json

import feedparser
import pytest
import yaml

from operations.loader import FIXTURE_DIR, FixtureError, Loader
from roles.compare import NOT_DESCRIBED
from tests.support.content import OPMARS_URL, PARADOX_URL
from tests.support.pages import soup
from tests.test_compare import rows_of
from tests.test_content import TestTheLoaderRefusesWhatItCannotPlace, normal, text_of

pytestmark = pytest.mark.django_db

SOURCES = FIXTURE_DIR / "sources"
KEUZEHULP = "/werk/keuzehulp/"
EVERY_WISH = "&".join(
    f"wil={wish}"
    for wish in ("helpen", "beleid", "vertellen", "onderzoek", "vernieuwen", "werk-en-geld")
)
EDITORS = "(inschatting van de redactie)"


def source_text(number):
    path = next(SOURCES.glob(f"{number}_*.txt"))
    return normal(path.read_text())


def keuzehulp_cards(client, pay, level=2, hours="meer", wishes=EVERY_WISH):
    url = f"{KEUZEHULP}?niveau={level}&{wishes}&uren={hours}&geld={pay}&verstuurd=1"
    page = soup(client.get(url))
    return {
        normal(item.h3.get_text()): (
            normal(item.select_one("p.meta").get_text(" ")),
            [normal(li.get_text()) for li in item.select("ul.why li")],
        )
        for item in page.select("#uitkomst ol.result-list > li")
    }


class TestEmptyIsNotAClaim:
    def test_the_comparison_shows_what_the_sources_say_these_roles_do(self, client):
        url = "/werk/vergelijk/?rol=innovator&rol=onderzoeker&rol=lobbyist"
        rows = rows_of(soup(client.get(url)))
        assert NOT_DESCRIBED not in rows["Wat doe je?"]
        rows = rows_of(soup(client.get("/werk/vergelijk/?rol=gastvrouw-gastheer&rol=maatje-buddy")))
        assert NOT_DESCRIBED not in rows["Wat doe je?"]
        assert "prettige sfeer bij inloopactiviteiten" in rows["Wat doe je?"][0]
        # An empty field says it is the editors' gap, never what the sources say.
        legend = text_of(client, url)
        assert "Dat zegt niets over wat de bronnen over dit werk zeggen" in legend
        assert "Niet beschreven in de bron" not in legend

    def test_types_and_forms_say_whose_reading_they_are(self, client):
        rows = rows_of(soup(client.get("/werk/vergelijk/?rol=kwartiermaker&rol=innovator")))
        assert rows["Type rol"] == ["Innovator (inschatting van de redactie)", "Innovator"]
        assert all(cell.endswith(EDITORS) for cell in rows["Betaald, vrijwillig of zzp"])
        rows = rows_of(soup(client.get("/werk/vergelijk/?rol=coach&rol=maatje-buddy")))
        assert rows["Betaald, vrijwillig of zzp"] == ["Zelfstandig (zzp)", "Vrijwillig"]


class TestPayAndReasonsInTheKeuzehulp:
    def test_pay_no_source_gives_is_marked_as_the_editors(self, client):
        cards = keuzehulp_cards(client, "betaald")
        assert len(cards) >= 5
        for title in ("Kwartiermaker", "Innovator", "Cliëntondersteuner"):
            meta, reasons = cards[title]
            assert EDITORS in meta, title
            assert "De redactie schat in dat er betaalde banen in dit werk zijn." in reasons
            assert "Er zijn betaalde banen in dit werk." not in reasons

    def test_pay_the_source_gives_is_said_plainly(self, client):
        cards = keuzehulp_cards(client, "betaald", level=4, wishes="wil=helpen")
        meta, reasons = cards["Ervaringswerker"]
        assert meta.endswith("· Betaald")  # the step's asterisk is marked on its own
        assert "Er zijn betaalde banen in dit werk." in reasons
        volunteer = keuzehulp_cards(client, "vrijwillig", level=1, hours="weinig")
        meta, reasons = volunteer["Maatje, buddy"]
        assert meta.endswith("· Vrijwillig")

    def test_every_reason_is_true_of_the_role_it_stands_under(self, client):
        research = {"Onderzoeker", "Deelnemer aan onderzoek of panel"}
        for pay in ("betaald", "maakt-niet-uit"):
            for level in (1, 2, 3, 4):
                for title, (_, reasons) in keuzehulp_cards(client, pay, level).items():
                    if "Je doet mee aan onderzoek." in reasons:
                        assert title in research, (title, reasons)
        _, reasons = keuzehulp_cards(client, "betaald", 3)["Kwartiermaker"]
        assert "Je doet mee aan onderzoek." not in reasons
        research = keuzehulp_cards(client, "betaald", 3, wishes="wil=onderzoek")
        _, reasons = research["Kwartiermaker"]
        assert "Het hoort bij het werkveld 'Onderzoek en innovatie'." in reasons
        assert "Je doet mee aan onderzoek." in research["Onderzoeker"][1]
        _, reasons = keuzehulp_cards(client, "betaald", 3)["Innovator"]
        assert "Je bedenkt iets nieuws en zet het op." in reasons

    def test_the_footer_no_longer_says_everything_comes_from_the_source(self, client):
        text = text_of(client, f"{KEUZEHULP}?niveau=2&{EVERY_WISH}&uren=meer&geld=betaald")
        assert "Wat een inschatting van de redactie is, staat erbij." in text
        assert "komt uit de bron die op de pagina van die rol staat" not in text


class TestRoleTypes:
    def test_movisie_is_not_credited_with_the_editors_reading(self, client):
        text = text_of(client, "/werk/kwartiermaker/")
        assert "Type rol volgens Movisie" not in text
        assert "Dit werk valt onder dit type" not in text
        assert "Bij welk type dit werk hoort, is een inschatting van de redactie." in text
        text = text_of(client, "/werk/innovator/")
        assert "Type rol: Innovator" in text and "De bron noemt dit werk bij dit type." in text

    def test_filters_and_comparison_say_whose_reading_the_type_is(self, client):
        form = soup(client.get("/werk/")).select_one("form.filters")
        hints = [normal(p.get_text()) for p in form.select(".filter-hint")]
        assert any("Bij welk type een rol hoort, is meestal de indeling" in h for h in hints)
        text = text_of(client, "/werk/vergelijk/?rol=kwartiermaker&rol=innovator")
        assert "De typen rollen zijn die van Movisie." in text
        assert "movisie" not in text.replace("Movisie", "")  # no "type rol volgens movisie"


class TestClaimsTheSourcesDoNotMake:
    def test_figures_and_sentences(self, client):
        article = text_of(client, OPMARS_URL)
        assert "Van de organisaties die meededen: het meest genoemde thema" not in article
        assert "waarvan dit een deel is, zegt de bron niet" in article
        employers = text_of(client, "/werkgevers/")
        assert "hoeveel mensen in het beroep ervaringsdeskundige werken" in employers
        assert "Niemand weet precies hoeveel ervaringsdeskundigen er werken" not in employers
        platforms = text_of(client, "/werkgevers/")
        assert "vaak met VN-ambassadeurs" not in platforms
        assert "namens alle cliënten" not in text_of(
            client, "/werk/raadslid-centrale-clientenraad/"
        )
        assert "steeds meer invloed" not in text_of(client, "/ervaringsladder/")
        zzp = text_of(client, "/werkgevers/zelfstandig/")
        assert "lobbyisten en adviseurs, werken vaak als zzp" not in zzp
        assert "werken vaak voor een cliëntenorganisatie of als zzp'er" in zzp

    def test_movisies_plans_for_2019_are_told_as_then(self, client):
        for url in (OPMARS_URL, "/werkgevers/onderzoek/"):
            text = text_of(client, url)
            assert "Movisie zet zich in om" not in text
            assert "Movisie doet onderzoek naar" not in text
        assert "in 2019 zou inzetten" in text_of(client, "/werkgevers/onderzoek/")

    def test_patient_organisations_as_the_source_has_them(self, client):
        text = text_of(client, "/werk/actief-lid-patientenorganisatie/")
        assert "Actief lid van een patiëntenorganisatie" in text
        assert "Vrijwilligerswerk bij de vereniging" not in text
        assert "meestal als vrijwilliger" in text
        # PGO-Support "hen ondersteunt": the ervaringsdeskundigen who follow its courses.
        assert "PGO-Support ondersteunt patiëntenorganisaties" not in text
        assert "PGO-Support ondersteunt je daarbij" in text


class TestTheEditorsMarkTravels:
    def test_meta_og_and_structured_data(self, client):
        page = soup(client.get("/werk/vertrouwenspersoon/"))
        for attrs in ({"name": "description"}, {"property": "og:description"}):
            assert page.find("meta", attrs=attrs)["content"].endswith("(uitleg van de redactie)")
        occupation = next(
            json.loads(s.string)
            for s in page.find_all("script", type="application/ld+json")
            if '"Occupation"' in s.string
        )
        assert occupation["description"].endswith("(uitleg van de redactie)")
        source_words = soup(client.get("/werk/kwartiermaker/"))
        description = source_words.find("meta", attrs={"name": "description"})["content"]
        assert "redactie" not in description

    def test_search_results_and_employer_cards(self, client):
        results = soup(client.get("/zoeken/?q=vertrouwenspersoon"))
        first = results.select_one("main ol li, main ul.results li") or results.find("main")
        assert "(uitleg van de redactie)" in normal(first.get_text(" "))
        cards = soup(client.get("/werkgevers/")).select("ul.cards li.card")
        farma = next(c for c in cards if "Farmaceuten" in c.get_text())
        assert "(uitleg van de redactie)" in normal(farma.get_text(" "))
        overheid = next(c for c in cards if "Overheid" in c.get_text())
        assert "redactie" not in overheid.get_text()

    def test_feeds_give_the_authors_words_under_the_authors_name(self, client):
        feed = feedparser.parse(client.get("/artikelen/feed/rss/").content)
        by_title = {entry.title: entry for entry in feed.entries}
        boevink = by_title["Ervaringsdeskundige, hoed u voor de professionaliseringsparadox"]
        assert "Wilma Boevink" in boevink.get("author", "")
        # The source's own words (ggz/GGZ: one spelling per term on the site).
        assert normal(boevink.summary).lower() in source_text("003").lower()
        movisie = by_title["Inzet ervaringsdeskundigen sociaal werk in opmars"]
        assert normal(movisie.summary).lower() in source_text("004").lower()
        cards = text_of(client, "/artikelen/")
        assert "(samenvatting van de redactie)" in cards


class TestWhoIsCredited:
    def test_the_text_of_001_is_not_credited_to_a_handbook(self, client):
        for url in ("/werk/kwartiermaker/", "/ervaringsladder/", "/werk/", "/werkgevers/overheid/"):
            text = text_of(client, url)
            assert "Handboek" not in text and "handboek" not in text, url
            assert "Werken als ervaringsdeskundige" in text, url
        # 000 points to the handbook itself ("Lees verder in het Handboek …").
        assert "Bron: Handboek Ervaringsdeskundigheid" in text_of(client, "/werk/coach/")

    def test_source_items_that_were_missing(self, client):
        leraar = text_of(client, "/werk/leraar-trainer-gastdocent/")
        assert "geven ervaringsdeskundigen voorlichting of workshops." in leraar
        paradox = text_of(client, PARADOX_URL)
        assert "Lees hier haar lezing op de Beleidsdag Sociaal Domein 2018." in paradox
        opmars = text_of(client, OPMARS_URL)
        assert "stuur dan een mail naar: s.liefhebber@movisie.nl" in opmars
        assert "Movisie schreef dit over de plannen voor 2019." in opmars

    def test_employer_labels_as_the_sources_give_them(self, client):
        patients = text_of(client, "/werkgevers/patienten-en-clientenorganisaties/")
        assert "Vereniging voor Ervaringsdeskundigen" not in patients
        assert "Wij staan op!" not in patients
        care = text_of(client, "/werkgevers/zorginstellingen/")
        social = text_of(client, "/werkgevers/sociaal-werk/")
        for name in ("MEE", "Sociaal Werk Nederland"):
            assert f"{name}" in social
        assert "Sociaal Werk Nederland" not in care and "MEE-organisaties bevorderen" not in care
        others = soup(client.get("/werkgevers/")).find(id="andere-titel").parent
        assert "Vereniging voor Ervaringsdeskundigen" in others.get_text()

    def test_no_dutch_slips(self, client):
        for url in (OPMARS_URL, "/werk/co-begeleider/"):
            assert "eenderde" not in text_of(client, url)
        assert "Er zijn betaalde banen in." not in text_of(
            client, f"{KEUZEHULP}?niveau=4&{EVERY_WISH}&uren=meer&geld=betaald"
        )


# The fixture copies of test_content's loader tests, used here without inheriting (and so
# running again) its tests.
LOADER_COPIES = TestTheLoaderRefusesWhatItCannotPlace()


class TestTheLoaderRefusesWhatTheSourceDoesNotSay:
    def test_a_credit_to_a_source_the_record_does_not_cite(self, tmp_path):
        def change(by_key):
            if "rol/kwartiermaker" in by_key:
                by_key["rol/kwartiermaker"]["fields"]["source"] = "Movisie"

        message = LOADER_COPIES.refused(tmp_path, change)
        assert "roles.yaml" in message and "record rol/kwartiermaker" in message
        assert "veld source" in message and "'Movisie'" in message

    def test_a_label_from_the_source_without_a_quote(self, tmp_path):
        def change(by_key):
            if "rol/kwartiermaker" in by_key:
                by_key["rol/kwartiermaker"]["fields"]["types_from_source"] = True

        message = LOADER_COPIES.refused(tmp_path, change)
        assert "record rol/kwartiermaker" in message and "veld types_from_source" in message
        assert "citeert de bron niet" in message

    def test_a_quote_the_source_does_not_have(self, tmp_path):
        def change(by_key):
            if "rol/coach" in by_key:
                by_key["rol/coach"]["cites"]["forms_from_source"] = "Coaches zijn altijd zzp'er."

        message = LOADER_COPIES.refused(tmp_path, change)
        assert "record rol/coach" in message and "veld forms_from_source" in message
        assert "staat niet in" in message

    def test_nothing_is_saved_when_it_refuses(self, tmp_path):
        from roles.models import RolePage

        before = RolePage.objects.get(slug="kwartiermaker").latest_revision_id

        def change(by_key):
            if "rol/kwartiermaker" in by_key:
                by_key["rol/kwartiermaker"]["fields"]["types_from_source"] = True
                by_key["rol/kwartiermaker"]["fields"]["summary"] = "Gewijzigd."

        with pytest.raises(FixtureError):
            Loader(fixture_dir=LOADER_COPIES.fixture_dir(tmp_path, change)).run()
        assert RolePage.objects.get(slug="kwartiermaker").latest_revision_id == before

    def test_every_credit_file_is_a_source(self):
        credits = yaml.safe_load((SOURCES / "credits.yaml").read_text())
        assert sorted(credits) == sorted(p.name for p in SOURCES.glob("*.txt"))
