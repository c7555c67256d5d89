"""Issue 32 in a real browser, on a 320 px phone: the personas who came with a question of their
own. A woman on a benefit who can work about 8 hours for pay; someone opening a shortlist a
coach sent; a reader pasting a long text; a coach printing a shortlist."""

import re

from playwright.sync_api import expect

from tests.live.test_choosing import pdf_text, squeezed
from tests.support.browser import assert_accessible
from tests.support.content import OPMARS_URL

PHONE = {"width": 320, "height": 640}
WIDE = {"width": 1280, "height": 900}


def fits_the_screen(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_on_a_benefit_she_asks_the_keuzehulp_for_a_few_paid_hours(make_page):
    page = make_page(viewport=PHONE)
    page.goto("/werk/keuzehulp/")
    page.get_by_label("Ik heb over mijn ervaring nagedacht").check()
    page.get_by_label("Mensen helpen en steunen").check()
    page.get_by_label("Een paar uur per week (tot ongeveer 8 uur)").check()
    page.get_by_label("Betaald werk").check()
    page.get_by_role("button", name="Laat zien wat bij mij past").click()
    results = page.locator("#uitkomst .result-list > li")
    expect(results.first).to_be_visible()
    metas = page.locator("#uitkomst .result-list > li .meta").all_text_contents()
    # Paid, or paid and volunteer: never a volunteer role alone.
    assert metas and all("Betaald" in meta for meta in metas)
    expect(page.locator("#uitkomst .answer-note").first).to_contain_text(
        "Geen enkele betaalde rol die bij je past, staat in de bronnen als kortdurend werk"
    )
    fits_the_screen(page)
    assert_accessible(page, best_practice=True)

    # The middle answer fits her 8 hours: the same paid roles, without the warning.
    page.get_by_label("Een deel van de week (ongeveer 8 tot 24 uur)").check()
    page.get_by_role("button", name="Laat zien wat bij mij past").click()
    expect(page.locator("#uitkomst .result-list > li").first).to_be_visible()
    expect(page.locator("#uitkomst .answer-note")).to_have_count(0)


def test_an_empty_role_list_says_why_and_one_click_leads_on(make_page):
    page = make_page(viewport=PHONE)
    page.goto("/werk/?vorm=betaald&weinig-uren=ja")
    status = page.locator("#resultaten [role=status]")
    expect(status).to_contain_text("‘Vorm van werk: Betaald’ en ‘Kan ook met weinig uren’")
    fits_the_screen(page)
    assert_accessible(page, best_practice=True)
    way = page.locator("#resultaten .ways-on li").filter(
        has_text="Zonder ‘Kan ook met weinig uren’"
    )
    promised = re.search(r"(\d+) rollen?", way.inner_text()).group(1)
    way.get_by_role("link").click()
    expect(page.locator("#resultaten-titel")).to_contain_text(f"{promised} rol")
    expect(page.locator("#resultaten .ways-on")).to_have_count(0)


def test_a_shared_shortlist_asks_before_it_replaces_her_own(make_page):
    page = make_page(viewport=PHONE)
    page.goto("/werk/coach/")
    page.get_by_role("link", name="Bewaar deze rol").click()
    expect(page).to_have_url(re.compile(r"/werk/bewaard/\?rol=coach$"))
    expect(page.locator("[data-saved-conflict]")).to_be_hidden()

    # A coach sent her a list without "Coach" on it.
    page.goto("/werk/bewaard/?rol=maatje-buddy")
    conflict = page.locator("[data-saved-conflict]")
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("In je eigen lijst staan ook: Coach.")
    kept = page.evaluate("localStorage.getItem('ervaring:bewaarde-rollen')")
    assert kept == '["coach"]'  # nothing replaced before she says so
    fits_the_screen(page)
    assert_accessible(page, best_practice=True)
    page.get_by_role("button", name="Zet beide lijsten samen").click()
    expect(page).to_have_url(re.compile(r"/werk/bewaard/\?rol=coach&rol=maatje-buddy$"))
    expect(page.locator("[data-saved-conflict]")).to_be_hidden()

    # Or she keeps only the list she was sent: then it is hers, and she is told so.
    page.goto("/werk/bewaard/?rol=gastvrouw-gastheer")
    page.get_by_role("button", name="Bewaar alleen deze lijst").click()
    expect(page.get_by_role("status")).to_have_text("Deze lijst is nu je eigen lijst.")
    kept = page.evaluate("localStorage.getItem('ervaring:bewaarde-rollen')")
    assert kept == '["gastvrouw-gastheer"]'
    # The page says where the list is kept, truly: the address, and this browser.
    expect(page.locator(".saved__storage")).to_contain_text("onthoudt ook je eigen browser")
    page.get_by_role("button", name="Vergeet de lijst in deze browser").click()
    assert page.evaluate("localStorage.getItem('ervaring:bewaarde-rollen')") is None


def test_a_pasted_long_comment_is_kept_whole_and_the_server_says_how_long(make_page):
    page = make_page(viewport=PHONE)
    page.goto(OPMARS_URL)
    body = page.get_by_label("Je reactie *")
    body.focus()
    text = ("Dit is mijn ervaring met werk en herstel. " * 250)[:9_999] + "."
    page.keyboard.insert_text(text)  # as a paste does: no maxlength cuts it
    assert body.evaluate("e => e.value.length") == 10_000
    expect(page.locator("#id_body-teller")).to_have_text("Je tekst is 7000 tekens te lang.")
    page.get_by_label("Naam *").fill("Sanne")
    page.get_by_label("E-mailadres *").fill("sanne@example.org")
    page.get_by_role("button", name="Verstuur reactie").click()
    expect(page.locator(".field__error").first).to_contain_text(
        "Je reactie is te lang: hooguit 3000 tekens (nu 10000)."
    )
    assert page.get_by_label("Je reactie *").evaluate("e => e.value.length") == 10_000


def test_a_printed_shortlist_carries_what_a_coach_needs_and_its_address_once(make_page):
    page = make_page(viewport=WIDE)
    page.goto("/werk/bewaard/?rol=coach&rol=maatje-buddy")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    text, _ = pdf_text(page)
    for words in ("Stap ", "Betaald of vrijwillig", "Weinig uren", "Wat doe je?", "Volgende stap"):
        assert text.count(squeezed(words)) >= 2, words  # once per role
    assert text.count(squeezed("Deze lijst staat op:")) == 1
    assert text.count("/werk/bewaard/?rol=coach&rol=maatje-buddy") == 1
    assert "(http" not in text  # no address after each role's name

    page.goto("/werk/vergelijk/?rol=clientondersteuner&rol=ervaringswerker")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator(".compare--wide table")).to_be_visible()
    after = page.evaluate(
        "[...document.querySelectorAll('.compare__table a')]"
        ".map(a => getComputedStyle(a, '::after').content)"
    )
    assert after and all(content in ("none", "normal") for content in after)


def test_a_family_member_finds_her_page_and_writes_to_the_editors(make_page):
    page = make_page(viewport=PHONE)
    page.goto("/")
    ways_in = page.locator("main .ways-in")
    expect(ways_in.get_by_role("heading", name="Jouw situatie")).to_be_visible()
    ways_in.get_by_role("link", name=re.compile("naaste of mantel")).click()
    expect(page).to_have_url(re.compile(r"/jouw-situatie/naaste-of-mantelzorger/$"))
    expect(page.locator("h1")).to_contain_text("naaste of mantel")
    expect(page.locator(".from-source__by").first).to_contain_text("Uit de bron:")
    expect(page.locator(".from-editors__mark").first).to_have_text("Van de redactie")
    help_now = page.locator("footer .help-now")
    expect(help_now.get_by_role("link", name="0800-0113")).to_have_attribute("href", "tel:08000113")
    fits_the_screen(page)
    assert_accessible(page, best_practice=True)

    # Her question is not on the page: she writes to the editors, and pastes a long text.
    page.locator("footer").get_by_role("link", name="Contact").click()
    expect(page.locator("h1")).to_have_text("Contact")
    expect(page.locator("main")).to_contain_text(
        "kwam van de pagina /jouw-situatie/naaste-of-mantelzorger/"
    )
    fits_the_screen(page)
    assert_accessible(page, best_practice=True)
    message = page.get_by_label("Je bericht *")
    message.focus()
    page.keyboard.insert_text(("Mijn zoon wil werken als ervaringsdeskundige. " * 220)[:10_000])
    assert message.evaluate("e => e.value.length") == 10_000
    page.get_by_label("Je e-mailadres").fill("moeder@")
    page.get_by_role("button", name="Verstuur bericht").click()
    errors = page.locator(".form-errors")
    expect(errors).to_be_focused()
    expect(errors).to_contain_text("Vul een geldig e-mailadres in")
    expect(errors).to_contain_text("7000 tekens te lang")
    assert page.get_by_label("Je bericht *").evaluate("e => e.value.length") == 10_000
    assert_accessible(page, best_practice=True)

    page.get_by_label("Je bericht *").fill("Waar vindt mijn zoon een opleiding?")
    page.get_by_label("Je e-mailadres").fill("moeder@example.org")
    page.get_by_role("button", name="Verstuur bericht").click()
    expect(page.get_by_role("status")).to_have_text("De redactie heeft je bericht gekregen.")
    expect(page.locator("main")).to_contain_text("We antwoorden op moeder@example.org.")
    page.get_by_role("link", name="Terug naar de pagina waar je was").click()
    expect(page).to_have_url(re.compile(r"/jouw-situatie/naaste-of-mantelzorger/$"))
