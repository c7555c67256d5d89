"""What visitors, editors and moderators do, in a real Chromium against the real server."""

import re
import time
from urllib.parse import urlsplit

import requests
from playwright.sync_api import expect

from tests.support.browser import assert_accessible, login
from tests.support.content import OPMARS_URL, PARADOX_URL


def test_home_to_content_page_to_search_result(page):
    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Hoe word ik ervaringsdeskundige?"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hoe word ik ervaringsdeskundige?")
    page.get_by_role("searchbox", name="Zoek op de site").fill("kwartiermaker")
    page.get_by_role("searchbox", name="Zoek op de site").press("Enter")
    expect(page.locator(".search-count")).to_contain_text("kwartiermaker")
    page.locator(".search-result__title a", has_text="Kwartiermaker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kwartiermaker")


def test_home_ladder_role_next_step_and_back_to_the_filtered_list(page):
    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="De ervaringsladder"
    ).click()
    step_two = page.locator("#stap-2")
    step_two.get_by_role("link", name="Cliëntondersteuner").click()
    expect(page.locator(".ladder-position__label")).to_contain_text("stap 2")
    expect(page.locator(".ladder-position__label")).to_contain_text("Eigen ervaringskennis")
    page.locator(".next-step").get_by_role("link", name="Ervaringswerker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ervaringswerker")
    expect(page.locator(".ladder-position__label")).to_contain_text("stap 4")
    page.go_back()
    page.go_back()
    page.locator("#stap-2").get_by_role("link", name=re.compile("rollen van stap 2")).click()
    expect(page).to_have_url(re.compile(r"/werk/\?stap=2"))
    expect(page.locator("#f-stap-2")).to_be_checked()
    expect(page.locator("#resultaten")).to_contain_text("Cliëntondersteuner")
    expect(page.locator("#resultaten")).not_to_contain_text("Beleidsmedewerker")


def test_filters_work_without_javascript(make_page):
    page = make_page(java_script_enabled=False)
    page.goto("/werk/")
    page.get_by_label(re.compile("1. Hebben ervaren")).check()
    page.get_by_label(re.compile("Kan ook met weinig uren")).check()
    page.get_by_role("button", name="Toon rollen").click()
    expect(page).to_have_url(re.compile(r"stap=1.*weinig-uren=ja"))
    results = page.locator("#resultaten .result-list h3")
    expect(results.first).to_be_visible()
    for title in results.all_inner_texts():
        assert title in {"Maatje, buddy", "Gastvrouw, gastheer"}


def test_keuzehulp_leads_to_roles_with_a_reason(page):
    page.goto("/werk/")
    page.get_by_role("link", name=re.compile("keuzehulp")).click()
    page.get_by_label(re.compile("Ik heb zelf iets meegemaakt")).check()
    page.get_by_label("Mensen helpen en steunen").check()
    page.get_by_label("Een paar uur per week").check()
    page.get_by_label("Vrijwilligerswerk").check()
    page.get_by_role("button", name="Laat zien wat bij mij past").click()
    first = page.locator("#uitkomst .result-list li").first
    expect(first.locator(".why")).to_contain_text("weinig uren")
    assert_accessible(page)


def test_skip_link_is_the_first_thing_and_moves_focus_to_the_content(page):
    page.goto("/werk/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#inhoud$"))


def test_pages_fit_a_small_phone(make_page):
    page = make_page(viewport={"width": 320, "height": 640})
    for url in (
        "/",
        "/werk/",
        "/werk/ervaringswerker/",
        "/ervaringsladder/",
        "/werkgevers/",
        PARADOX_URL,
        "/zoeken/?q=herstel",
    ):
        page.goto(url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (url, overflow)


def post_comment(page, url, name, body):
    page.goto(url + "#reageer")
    page.get_by_label("Naam *").fill(name)
    page.get_by_label("E-mailadres *").fill(f"{name.lower()}@example.org")
    page.get_by_label("Je reactie *").fill(body)
    time.sleep(1.1)  # the test server refuses forms sent within a second
    page.get_by_role("button", name="Verstuur reactie").click()
    expect(page.locator(".messages")).to_contain_text("Een moderator kijkt er eerst naar")


def comment_heading_count(page):
    return int(re.search(r"\((\d+)\)", page.locator("#reacties-titel").inner_text()).group(1))


def test_a_reader_comments_and_a_moderator_approves_it(make_page):
    url = OPMARS_URL
    reader = make_page()
    reader.goto(url)
    before = comment_heading_count(reader)
    post_comment(reader, url, "Fatima", "Herkenbaar! Bij ons werkt het ook zo.")
    expect(reader.locator("#reacties")).not_to_contain_text("Herkenbaar!")
    assert comment_heading_count(reader) == before

    moderator = make_page()
    login(moderator, "moderator")
    expect(moderator.locator("[data-pending-comments]").first).not_to_have_attribute(
        "data-pending-comments", "0"
    )
    moderator.goto("/beheer/reacties/?status=pending")
    row = moderator.locator("tr", has_text="Herkenbaar!")
    row.locator("input[type=checkbox]").check()
    moderator.get_by_role("link", name="Gekozen reacties goedkeuren").click()
    moderator.get_by_role("button", name=re.compile("^Ja")).click()
    expect(moderator.locator(".messages")).to_contain_text("goedgekeurd")

    reader.goto(url)
    expect(reader.locator("#reacties .comment-list")).to_contain_text("Herkenbaar!")
    assert comment_heading_count(reader) == before + 1


def test_a_moderator_rejects_one_comment_and_marks_another_as_spam(make_page):
    url = PARADOX_URL
    reader = make_page()
    post_comment(reader, url, "Piet", "Dit is een onaardige reactie.")
    post_comment(reader, url, "Spammer", "Koop goedkope horloges hier.")
    moderator = make_page()
    login(moderator, "moderator")
    for text, action, done in (
        ("onaardige", "afwijzen", "afgewezen"),
        ("horloges", "markeren als spam", "spam"),
    ):
        moderator.goto("/beheer/reacties/?status=pending")
        moderator.locator("tr", has_text=text).locator("input[type=checkbox]").check()
        moderator.get_by_role("link", name=f"Gekozen reacties {action}").click()
        moderator.get_by_role("button", name=re.compile("^Ja")).click()
        expect(moderator.locator(".messages")).to_contain_text(done)
    reader.goto(url)
    comments = reader.locator("#reacties").inner_text()
    assert "onaardige" not in comments and "horloges" not in comments
    assert comment_heading_count(reader) == 7


def test_an_editor_creates_and_publishes_a_role(make_page):
    editor = make_page()
    login(editor, "redacteur")
    editor.get_by_role("link", name="Rollen").first.click()
    editor.get_by_role("link", name="Rol toevoegen").click()
    editor.get_by_role("textbox", name="Titel*").fill("Ervaringsdeskundige in de bibliotheek")
    editor.get_by_role("textbox", name="Samenvatting").fill("Je helpt bezoekers met je ervaring.")
    editor.get_by_role("tab", name=re.compile("Ladder en kenmerken")).click()
    editor.get_by_label("Stap 3: Gedeelde ervaringskennis").check()
    editor.get_by_role("checkbox", name="Vrijwillig", exact=True).check()
    # Roles go through the readability gate; at B1 (or too short to judge) straight online.
    editor.get_by_role("button", name="Meer acties").click()
    editor.get_by_role("button", name=re.compile(r"Leesbaarheid \(B1\)")).click()
    expect(editor.locator(".messages")).to_be_visible()

    visitor = make_page()
    visitor.goto("/ervaringsladder/")
    expect(visitor.locator("#stap-3")).to_contain_text("Ervaringsdeskundige in de bibliotheek")
    visitor.goto("/werk/?stap=3&vorm=vrijwillig")
    expect(visitor.locator("#resultaten")).to_contain_text("Ervaringsdeskundige in de bibliotheek")


def test_an_editor_adds_a_role_to_an_employer_type_and_both_pages_show_it(make_page):
    editor = make_page()
    login(editor, "redacteur")
    editor.goto("/beheer/rollen/")
    editor.locator("tbody").get_by_role("link", name="Coach", exact=True).click()
    editor.get_by_role("tab", name=re.compile("Loopbaan")).click()
    editor.get_by_role("button", name="Voeg soort werkgever toe").click()
    chooser = editor.get_by_role("dialog")
    chooser.locator("tr", has_text="Farmaceuten").locator("input[type=checkbox]").check()
    chooser.locator("input[type=submit][value]").last.click()
    expect(editor.get_by_role("region", name="Soorten werkgevers")).to_contain_text("Farmaceuten")
    # Roles go through the readability gate; at B1 (or too short to judge) straight online.
    editor.get_by_role("button", name="Meer acties").click()
    editor.get_by_role("button", name=re.compile(r"Leesbaarheid \(B1\)")).click()
    expect(editor.locator(".messages")).to_be_visible()

    visitor = make_page()
    visitor.goto("/werk/coach/")
    expect(visitor.get_by_role("link", name="Farmaceuten")).to_be_visible()
    visitor.goto("/werkgevers/farmaceuten/")
    expect(
        visitor.locator("section[aria-labelledby=rollen-titel]").get_by_role("link", name="Coach")
    ).to_be_visible()


OVERFLOW = """() => {
    const main = document.querySelector("main");
    const box = main.getBoundingClientRect();
    const name = (el) =>
        el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : "");
    const wrong = [];
    for (const el of main.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) continue;  // visually hidden, or not shown
        const scrolls = getComputedStyle(el).overflowX !== "visible";
        if (r.right > box.right + 1 || r.left < box.left - 1) {
            wrong.push(`${name(el)} ${Math.round(r.width)}px`);
        } else if (scrolls && el.scrollWidth > el.clientWidth + 1) {
            wrong.push(`${name(el)} scrolls`);
        }
    }
    return wrong.slice(0, 5);
}"""


def test_every_page_of_the_site_map_fits_a_320_px_phone(make_page, site_url):
    """No element inside <main> is wider than the screen, and nothing needs sideways scrolling
    (the figures tables become blocks, long words break)."""
    paths = [
        urlsplit(loc).path
        for loc in re.findall(
            r"<loc>([^<]+)</loc>", requests.get(site_url + "/sitemap.xml", timeout=30).text
        )
    ]
    assert len(paths) >= 40
    page = make_page(viewport={"width": 320, "height": 640})
    wrong = {}
    for path in [*paths, "/werk/keuzehulp/?niveau=2&wil=helpen&uren=weinig&geld=betaald"]:
        page.goto(path)
        found = page.evaluate(OVERFLOW)
        if found:
            wrong[path] = found
    assert not wrong, wrong


def test_a_whole_card_can_be_tapped(make_page):
    page = make_page(viewport={"width": 320, "height": 640}, has_touch=True)
    page.goto("/")
    card = page.locator(".card", has_text="Welke rol past bij mij?")
    card.scroll_into_view_if_needed()
    text = card.locator("p").bounding_box()  # the card's text, not its title
    page.touchscreen.tap(text["x"] + text["width"] / 2, text["y"] + text["height"] / 2)
    expect(page).to_have_url(re.compile("/werk/keuzehulp/$"))


def focused(page):
    return page.evaluate(
        "(() => { const e = document.activeElement; return"
        " [e.tagName, e.textContent.trim().slice(0, 60), e.hasAttribute('data-focus-on-load')];"
        " })()"
    )


def test_the_keuzehulp_by_keyboard_alone(page):
    """Tab to the button, Enter with nothing chosen: the list of what is missing gets focus;
    its first link leads to question 1, where Space chooses an answer."""
    page.goto("/werk/keuzehulp/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if focused(page)[1] == "Laat zien wat bij mij past":
            break
    else:
        raise AssertionError("the button cannot be reached with Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".form-errors")).to_be_focused()  # the list of what is missing
    page.keyboard.press("Tab")
    assert focused(page)[1].startswith("Vraag 1:")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#vraag-niveau$"))
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator("input[name=niveau]").first).to_be_checked()
    assert_accessible(page, best_practice=True)


def test_a_failed_comment_post_by_keyboard_keeps_the_text_and_focuses_the_mistakes(page):
    page.goto(OPMARS_URL + "#reageer")
    page.get_by_label("Naam *").focus()
    page.keyboard.type("Sanne")
    page.keyboard.press("Tab")
    page.keyboard.type("geen-adres")  # not an e-mail address
    page.keyboard.press("Tab")
    page.keyboard.type("Dit wil ik zeggen.")
    page.keyboard.press("Tab")  # past the text to the button
    while focused(page)[1] != "Verstuur reactie":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".comment-form .form-errors")).to_be_focused()
    assert page.get_by_label("Je reactie *").input_value() == "Dit wil ik zeggen."
    assert page.get_by_label("E-mailadres *").input_value() == "geen-adres"
