"""Issue 33 in a real browser: a hard word explained where it stands. On a 320 px phone, with
and without JavaScript, a reader opens the explanation of a marked term by keyboard, reads it
(it takes the focus), and closes it again; the page stays accessible either way."""

import time

import pytest
from playwright.sync_api import expect

from tests.support.browser import assert_accessible

PHONE = {"width": 320, "height": 640}
HOW_TO = "/hoe-word-ik-ervaringsdeskundige/"


@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_a_reader_opens_and_closes_an_explanation_by_keyboard(make_page, javascript):
    page = make_page(viewport=PHONE, java_script_enabled=javascript)
    page.goto(HOW_TO)
    explanation = page.locator("#uitleg-evc")
    expect(explanation).to_be_hidden()
    term = page.locator("a.term#woord-evc")
    expect(term).to_have_text("EVC-traject")
    term.focus()
    page.keyboard.press("Enter")
    expect(explanation).to_be_visible()
    expect(explanation).to_be_focused()
    expect(explanation).to_contain_text("EVC betekent Erkenning van Verworven Competenties.")
    expect(explanation).to_contain_text("(uitleg van de redactie)")
    if javascript:  # axe and the width are measured by scripts (the page is the same)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert_accessible(page, best_practice=True)

    explanation.get_by_role("link", name="Sluit de uitleg").click()
    expect(explanation).to_be_hidden()
    expect(term).to_be_focused()
    if javascript:
        assert_accessible(page, best_practice=True)


def test_the_glossary_lists_every_term_and_a_letter_leads_to_it(make_page):
    page = make_page(viewport=PHONE)
    page.goto("/")
    page.locator("footer").get_by_role("link", name="Begrippen").click()
    expect(page.locator("h1")).to_have_text("Begrippen")
    page.get_by_role("navigation", name="Letters").get_by_role("link", name="K").click()
    expect(page.locator("dt#kwartiermaken")).to_be_in_viewport()
    expect(page.locator("dt#kwartiermaken + dd")).to_contain_text(
        "uitleg uit de bron: Werken als ervaringsdeskundige"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page, best_practice=True)


LARGE_TEXT_PAGES = [
    "/",
    "/werk/",
    "/werk/?vorm=betaald&weinig-uren=ja",
    "/werk/keuzehulp/?niveau=2&wil=helpen&uren=weinig&geld=betaald&verstuurd=ja",
    "/werk/coach/",
    "/werk/vergelijk/?rol=coach&rol=maatje-buddy",
    "/werk/bewaard/?rol=coach",
    "/ervaringsladder/",
    "/werkgevers/",
    "/werkgevers/zorginstellingen/",
    "/artikelen/",
    "/hoe-word-ik-ervaringsdeskundige/",
    "/jouw-situatie/werkgever/",
    "/begrippen/",
    "/contact/",
    "/zoeken/?q=kwartermaker",
]


def test_with_the_text_at_200_percent_nothing_is_wider_than_a_small_phone(make_page):
    # The phone's own text size, as a reader sets it: the root font at 200 % (a style the test
    # adds, so the page's strict CSP is set aside for this browser only).
    page = make_page(viewport=PHONE, bypass_csp=True)
    too_wide = {}
    for url in LARGE_TEXT_PAGES:
        page.goto(url)
        page.add_style_tag(content="html { font-size: 200% !important; }")
        found = page.evaluate(
            """() => {
                const width = document.documentElement.clientWidth;
                const over = [...document.querySelectorAll('body *')]
                    .filter(e => { const r = e.getBoundingClientRect();
                                   return r.width > 0 && (r.right > width + 1 || r.left < -1); })
                    .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'));
                const search = document.querySelector('.site-search input');
                return {scroll: document.documentElement.scrollWidth, over: over.slice(0, 5),
                        search: search.getBoundingClientRect().width,
                        font: parseFloat(getComputedStyle(document.documentElement).fontSize)};
            }"""
        )
        assert found["font"] == 32, url  # the larger text took effect
        if found["scroll"] > 320 or found["over"] or found["search"] < 8 * 32 * 0.9:
            too_wide[url] = found
    assert too_wide == {}


def test_where_the_menu_does_not_fit_it_is_a_disclosure_that_needs_no_javascript(make_page):
    phone = make_page(viewport=PHONE, java_script_enabled=False)
    phone.goto("/werk/")
    menu = phone.get_by_role("navigation", name="Hoofdmenu")
    employers = menu.get_by_role("link", name="Werkgevers")
    expect(employers).to_be_hidden()
    toggle = menu.locator("summary")
    expect(toggle).to_have_text("Menu")
    toggle.focus()
    phone.keyboard.press("Enter")
    expect(employers).to_be_visible()
    employers.click()
    expect(phone.locator("h1")).to_have_text("Werkgevers")

    wide = make_page(viewport={"width": 1280, "height": 800})
    wide.goto("/werk/")
    menu = wide.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Werkgevers")).to_be_visible()
    expect(menu.locator("summary")).to_be_hidden()
    assert_accessible(wide, best_practice=True)


# A speech engine the test gives the page, in place of the device's: it says each sentence at
# once (after a short moment), and keeps what it was asked to say, at what speed and in what
# voice. The page's own script and the browser's highlighting are real.
FAKE_SPEECH = """
(() => {
  const voices = %s;
  const spoken = [];
  let paused = false, queue = [], timer = null;
  function run() {
    if (paused || timer || !queue.length) return;
    const u = queue[0];
    if (!u.started) { u.started = true; u.onstart && u.onstart(); }
    timer = setTimeout(() => {
      timer = null;
      if (paused) return;
      queue.shift();
      spoken.push({text: u.text, rate: u.rate, voice: u.voice && u.voice.name, lang: u.lang});
      u.onend && u.onend();
      run();
    }, 60);
  }
  const fake = {
    getVoices: () => voices,
    speak: (u) => { queue.push(u); run(); },
    pause: () => { paused = true; },
    resume: () => { paused = false; run(); },
    cancel: () => { queue = []; clearTimeout(timer); timer = null; paused = false; },
    get paused() { return paused; },
    get speaking() { return queue.length > 0; },
    addEventListener: () => {},
  };
  Object.defineProperty(window, "speechSynthesis", {value: fake, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.rate = 1; };
  window.__spoken = spoken;
})();
"""
DUTCH = '[{"name": "Test Nederlands", "lang": "nl-NL", "localService": true, "default": true}]'
ONLY_ONLINE = '[{"name": "Online NL", "lang": "nl-NL", "localService": false, "default": true},' \
    ' {"name": "English", "lang": "en-GB", "localService": true, "default": false}]'  # fmt: skip


def until(page, expression, seconds=10):
    """Wait until `expression` is true in the page (the page's CSP forbids wait_for_function's
    eval)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, expression
        page.wait_for_timeout(50)


def test_lees_voor_reads_the_main_text_aloud_and_stops(make_page):
    page = make_page(viewport=PHONE)
    page.add_init_script(FAKE_SPEECH % DUTCH)
    page.goto("/jouw-situatie/naaste-of-mantelzorger/")
    control = page.get_by_role("region", name="Lees voor")
    expect(control).to_be_visible()
    assert_accessible(page, best_practice=True)
    control.get_by_label("Snelheid").select_option(label="Langzaam")
    play = control.get_by_role("button", name="Lees voor")
    play.focus()
    page.keyboard.press("Enter")
    expect(control.get_by_role("status")).to_contain_text("Zin ")
    assert page.evaluate("CSS.highlights.has('lees-voor')")
    until(page, "window.__spoken.length >= 3")
    spoken = page.evaluate("window.__spoken")
    assert spoken[0]["text"] == page.locator("h1").inner_text().replace("\xad", "")
    assert all(s["voice"] == "Test Nederlands" and s["rate"] == 0.8 for s in spoken)
    control.get_by_role("button", name="Pauze").click()
    said = page.evaluate("window.__spoken.length")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__spoken.length") <= said + 1  # the one under way may end
    control.get_by_role("button", name="Verder").click()
    until(page, f"window.__spoken.length > {said + 1}")
    control.get_by_role("button", name="Stop").click()
    expect(control.get_by_role("status")).to_have_text("Gestopt.")
    assert not page.evaluate("CSS.highlights.has('lees-voor')")
    expect(control.get_by_role("button", name="Lees voor")).to_be_focused()

    # Read to the end: the main text only, never the menu, the footer or a form.
    control.get_by_role("button", name="Lees voor").click()
    expect(control.get_by_role("status")).to_have_text("Klaar met voorlezen.", timeout=30_000)
    texts = " ".join(s["text"] for s in page.evaluate("window.__spoken"))
    assert "Uit de bron" in texts
    for elsewhere in ("Hulp nodig?", "Was deze pagina nuttig?", "Alle pagina's", "Menu"):
        assert elsewhere not in texts


def test_lees_voor_is_offered_only_with_a_dutch_voice_on_the_device(make_page):
    page = make_page(viewport=PHONE)
    page.add_init_script(FAKE_SPEECH % ONLY_ONLINE)
    page.goto("/jouw-situatie/naaste-of-mantelzorger/")
    expect(page.locator("h1")).to_be_visible()
    expect(page.get_by_role("region", name="Lees voor")).to_have_count(0)
