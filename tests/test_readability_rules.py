"""The writing help's rules, table by table (issue 18): passive sentences by the Dutch rules,
hard words with their plainer word from the editors' list (as seeded), the site's own words
left alone, long paragraphs, long stretches without a subheading, and sentences in a row that
open with the same word. Every sentence here was written for these tests."""

import pytest
from django.utils import timezone

from readability.models import PlainWord, SiteWord, word_lists
from readability.text.analysis import analyse, score_text
from readability.text.limits import LONG_PARAGRAPH_WORDS, SAME_OPENING_RUN, SECTION_WORDS
from readability.text.sentences import is_passive

PASSIVE = [
    "Het formulier wordt door de cliënt ingevuld.",
    "De aanvraag werd vorige week goedgekeurd.",
    "De cursus wordt gegeven door twee ervaringsdeskundigen.",
    "Jouw verhaal wordt serieus genomen.",
    "De kosten worden door de gemeente betaald.",
    "Het rapport werd door Movisie geschreven.",
    "Er wordt veel gesproken over herstel.",
    "De vragen worden besproken in de groep.",
    "Cliënten worden ondersteund bij hun aanvraag.",
    "De tekst is door de redactie herschreven.",
    "Het plan wordt volgend jaar uitgevoerd.",
    "De nieuwe regels werden gisteren bekendgemaakt.",
    "Het beleid wordt door ervaringsdeskundigen beoordeeld.",
    "De groep werd opgericht door drie moeders.",
    "Zijn ervaring wordt vaak vergeten.",
    "De brief is door de gemeente verstuurd.",
    "Je wordt uitgenodigd voor een gesprek.",
    "De training wordt herhaald in het voorjaar.",
    "Het verslag wordt ontvangen door de raad.",
    "Veel werk wordt overgenomen door vrijwilligers.",
]
NOT_PASSIVE = [
    "Ik word morgen dertig.",
    "Zij is gisteren vertrokken.",
    "Hij is ervaringsdeskundige geworden.",
    "We zijn vorig jaar begonnen met de groep.",
    "Ik heb het formulier ingevuld.",
    "De gemeente betaalt de kosten.",
    "Zij wordt later verpleegkundige.",
    "Het wordt koud vannacht.",
    "Wij hebben veel geleerd van elkaar.",
    "Hij is al lang bekend met de ggz.",
    "Ik ben blij dat ik dit werk doe.",
    "Dat werk wordt steeds belangrijker.",
    "Zij zijn samen naar de gemeente gegaan.",
    "Mijn ervaring is waardevol.",
    "De cliëntenraad geeft advies over het beleid.",
    "Ze is tevreden over haar werk.",
    "Je bent welkom in de groep.",
    "Hij wordt boos als niemand luistert.",
    "Het gebied wordt groter.",
    "Wij vertellen ons verhaal op scholen.",
]


@pytest.mark.parametrize("sentence", PASSIVE)
def test_a_passive_sentence_is_marked(sentence):
    assert is_passive(sentence)
    assert analyse(sentence).sentences[0].passive


@pytest.mark.parametrize("sentence", NOT_PASSIVE)
def test_an_active_sentence_or_a_perfect_tense_is_not_passive(sentence):
    assert not is_passive(sentence)
    assert not analyse(sentence).sentences[0].passive


# (sentence, the hard words as written with the plainer words the editor sees)
HARD_WORDS = [
    ("De gemeente faciliteert de groep.", [("faciliteert", "helpen, mogelijk maken")]),
    ("We implementeren het plan in mei.", [("implementeren", "invoeren, in gebruik nemen")]),
    ("Dat is reeds besproken.", [("reeds", "al")]),
    ("Thans werken er tien mensen.", [("Thans", "nu")]),
    ("Je kunt middels een formulier reageren.", [("middels", "met, door")]),
    ("Zij participeert in de raad.", [("participeert", "meedoen")]),
    ("De zorg is adequaat geregeld.", [("adequaat", "goed, passend")]),
    ("Wij evalueren het project samen.", [("evalueren", "nagaan hoe het ging, bespreken")]),
    ("Derhalve stoppen we met de groep.", [("Derhalve", "daarom")]),
    ("Dit gaat conform de afspraken.", [("conform", "volgens")]),
    ("Dat is een adequate oplossing.", [("adequate", "goed, passend")]),
]
# Sentences whose words are common, or the site's own words: nothing is marked.
NOTHING_HARD = [
    "Een kwartiermaker zoekt plekken in de wijk.",
    "De cliëntondersteuner gaat mee naar het gesprek.",
    "Ervaringsdeskundigen werken in de zorg.",
    "Een belangenbehartiger praat met de gemeente.",
    "Ik doe vrijwilligerswerk in een zorginstelling.",
    "De lotgenoten praten over hun ervaringen.",
    "Zij werkt als herstelcoach bij een ggz-instelling.",
    "Wij helpen mensen die weinig geld hebben.",
    "Mijn ervaringsverhaal helpt anderen.",
    "De cliëntenraad geeft de gemeente advies.",
]


@pytest.mark.django_db
@pytest.mark.parametrize("sentence,expected", HARD_WORDS)
def test_a_hard_word_gets_its_plainer_word(sentence, expected):
    assert analyse(sentence, word_lists()).hard_words == expected


@pytest.mark.django_db
@pytest.mark.parametrize("sentence", NOTHING_HARD)
def test_common_words_and_the_sites_own_words_are_not_hard(sentence):
    assert analyse(sentence, word_lists()).hard_words == []


@pytest.mark.django_db
def test_a_rare_word_without_an_alternative_is_still_hard():
    # "cocreatie" is rare in everyday Dutch (wordfreq) and on no list.
    found = analyse("Het gaat om cocreatie met de bewoners.", word_lists()).hard_words
    assert found == [("cocreatie", "")]


@pytest.mark.django_db
def test_a_fixed_phrase_is_found_as_a_whole():
    found = analyse("Ten behoeve van de cliënt bellen we.", word_lists()).hard_words
    assert found == [("Ten behoeve van", "voor")]


@pytest.mark.django_db
def test_names_inside_a_sentence_are_not_judged():
    assert analyse("Ik las het rapport van Movisie en Boevink.", word_lists()).hard_words == []


@pytest.mark.django_db
def test_the_editors_lists_change_the_verdict_at_once(client):
    text = "De wijkbewoners kregen een empowermenttraining."
    assert ("empowermenttraining", "") in analyse(text, word_lists()).hard_words
    SiteWord.objects.create(word="empowermenttraining", accepted_at=timezone.now())
    assert analyse(text, word_lists()).hard_words == []
    PlainWord.objects.create(word="wijkbewoner", alternatives="buurtbewoner")
    assert analyse(text, word_lists()).hard_words == [("wijkbewoners", "buurtbewoner")]


def paragraph(words):
    # Sentences of ten words: "Ik werk ..." repeated, never opening the same way three times.
    openings = ["Ik", "Wij", "Zij"]
    sentences = []
    for index in range(words // 10):
        sentences.append(f"{openings[index % 3]} werk graag met mensen in de buurt van hier.")
    return " ".join(sentences)


STRUCTURE = [
    # (html, long paragraphs, long sections)
    (f"<p>{paragraph(LONG_PARAGRAPH_WORDS)}</p>", 0, 0),
    (f"<p>{paragraph(LONG_PARAGRAPH_WORDS + 10)}</p>", 1, 0),
    (f"<p>{paragraph(140)}</p><p>{paragraph(140)}</p>", 0, 0),
    (f"<p>{paragraph(140)}</p><p>{paragraph(140)}</p><p>{paragraph(40)}</p>", 0, 1),
    (f"<p>{paragraph(140)}</p><p>{paragraph(140)}</p><h2>Kop</h2><p>{paragraph(40)}</p>", 0, 0),
    (f"<h2>Een</h2><p>{paragraph(200)}</p><h3>Twee</h3><p>{paragraph(200)}</p>", 2, 0),
]


@pytest.mark.parametrize("html,long_paragraphs,long_sections", STRUCTURE)
def test_long_paragraphs_and_long_stretches_without_a_subheading(
    html, long_paragraphs, long_sections
):
    analysis = analyse(html)
    assert len(analysis.long_paragraphs) == long_paragraphs
    assert len(analysis.long_sections) == long_sections
    if long_sections:
        assert f"Meer dan {SECTION_WORDS} woorden zonder tussenkop" in " ".join(analysis.advice)


OPENINGS = [
    ("Ik werk. Ik lees. Ik schrijf.", [2]),
    ("Ik werk. Ik lees. Wij schrijven.", []),
    ("De raad praat. De raad stemt. De raad besluit. De raad stopt.", [2, 3]),
    ("Ik werk. Jij leest. Ik schrijf. Ik lees.", []),
]


@pytest.mark.parametrize("text,flagged", OPENINGS)
def test_three_sentences_in_a_row_with_the_same_first_word(text, flagged):
    analysis = analyse(text)
    assert [i for i, s in enumerate(analysis.sentences) if s.same_opening] == flagged
    advice = " ".join(analysis.advice)
    assert (f"{SAME_OPENING_RUN} of meer zinnen achter elkaar" in advice) == bool(flagged)


def test_passive_over_a_tenth_of_the_sentences_is_advice():
    active = "Ik werk graag. Jij leest veel. Wij praten samen. Zij schrijven brieven."
    one = analyse(active + " Het formulier wordt ingevuld.")
    assert one.advice == [
        "1 lijdende zin (20% van de zinnen; hoogstens 10%): schrijf wie iets doet."
    ]
    many = analyse(" ".join([active] * 3) + " Het formulier wordt ingevuld.")
    assert many.advice == ["1 lijdende zin: schrijf wie iets doet."]


@pytest.mark.parametrize(
    "score,shown", [(None, ""), (72.9, "72"), (59.99, "59"), (0.4, "0"), (-0.5, "lager dan 0")]
)
def test_scores_read_as_whole_numbers_and_never_below_zero(score, shown):
    assert score_text(score) == shown


def test_a_very_hard_text_says_lower_than_zero():
    hard = (
        "Ervaringsdeskundigheidsbevorderende beleidsimplementatietrajecten veronderstellen "
        "interorganisationele samenwerkingsverbanden tussen zorgverzekeraarsorganisaties, "
        "gemeentelijke uitvoeringsinstanties en belangenbehartigingsorganisaties."
    )
    analysis = analyse(hard)
    assert analysis.score < 0 and analysis.score_text == "lager dan 0"
    assert analysis.as_json()["scoreText"] == "lager dan 0"
