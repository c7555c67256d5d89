"""axe-core finds no WCAG 2.2 A/AA violations (nor, on public pages, best-practice ones), and
the Content-Security-Policy holds (the `page` fixture fails a test on any CSP violation or
JavaScript error)."""

import re

import pytest
from django.template.loader import render_to_string
from playwright.sync_api import expect

from tests.support.browser import assert_accessible, login
from tests.support.content import OPMARS_URL, PARADOX_URL

PUBLIC_PAGES = [
    "/",
    "/hoe-word-ik-ervaringsdeskundige/",
    "/privacy/",
    "/zoeken/?q=ervaringsdeskundige",
    "/zoeken/?q=%25%25%25",
    "/zoeken/?q=xyzzyquux",
    "/zoeken/?q=kwartermaker",
    "/bestaat-niet/",
    "/inloggen/",
    "/werk/",
    "/werk/?stap=1&vorm=zzp",
    "/werk/keuzehulp/",
    "/werk/keuzehulp/?niveau=2&wil=helpen&uren=weinig&geld=vrijwillig",
    "/ervaringsladder/",
    "/werk/clientondersteuner/",
    "/werk/maatje-buddy/",
    "/ervaringsdeskundigen-in-de-zorgsector/",
    "/werkgevers/",
    "/werkgevers/patienten-en-clientenorganisaties/",
    "/artikelen/",
    "/artikelen/tag/ggz/",
    PARADOX_URL,
    OPMARS_URL,
    "/alle-paginas/",
    "/werk/lobbyist/",
    "/werkgevers/zorginstellingen/",
    "/jouw-situatie/",
    "/jouw-situatie/uitkering-en-werk/",
    "/jouw-situatie/opleiding/",
    "/jouw-situatie/naaste-of-mantelzorger/",
    "/jouw-situatie/werkgever/",
    "/contact/?over=/werk/",
    "/toegankelijkheid/",
    "/begrippen/",
]

# The pages where two landmarks of one kind once had no names of their own (issue 20), at a
# phone's width: the menu and the search field then sit elsewhere.
NARROW_PAGES = [
    "/",
    "/werkgevers/",
    "/zoeken/?q=ervaringsdeskundige",
    "/ervaringsdeskundigen-in-de-zorgsector/",
    PARADOX_URL,
    "/jouw-situatie/werkgever/",
    "/contact/",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_page_has_no_accessibility_violations(page, url):
    page.goto(url)
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.locator("h1").count() == 1
    assert_accessible(page, best_practice=True)


@pytest.mark.parametrize("url", NARROW_PAGES)
def test_public_page_at_phone_width_has_no_findings_best_practice_included(page, url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(url)
    assert_accessible(page, best_practice=True)


def test_the_figures_section_is_accessible(page):
    page.goto("/werkgevers/#in-cijfers")
    assert_accessible(page, context="#in-cijfers")
    expect(page.locator("#in-cijfers table").first).to_be_visible()


def test_the_comment_form_with_errors_shown_is_accessible(page):
    page.goto(OPMARS_URL + "#reageer")
    page.get_by_label("E-mailadres *").fill("geen-adres")
    page.get_by_role("button", name="Verstuur reactie").click()
    expect(page.locator(".comment-form .form-errors")).to_be_visible()
    expect(page.locator("#id_name_error")).to_have_text("Vul je naam in.")
    assert page.get_by_label("E-mailadres *").input_value() == "geen-adres"
    assert_accessible(page)


def test_focus_is_visible(page):
    page.goto("/werk/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.boxShadow, s.backgroundColor]; })()"
    )
    assert outline[0] != "none" or outline[1] != "none" or outline[2] != "rgba(0, 0, 0, 0)"


def test_the_moderation_listing_is_accessible(make_page):
    moderator = make_page()
    login(moderator, "moderator")
    moderator.goto("/beheer/reacties/")
    expect(moderator.get_by_role("heading", level=1)).to_contain_text("Reacties")
    assert_accessible(moderator, context="main")


@pytest.mark.parametrize(
    "path",
    [
        "/beheer/",
        "/beheer/reacties/",
        "/beheer/snippets/roles/ladderstep/",
        "/beheer/snippets/organisations/organisation/",
        "/beheer/rollen/",
    ],
)
def test_admin_views_work_under_their_content_security_policy(make_page, path):
    admin = make_page()
    login(admin, "beheerder")
    admin.goto(path)
    expect(admin.locator("main, #main").first).to_be_visible()


def test_page_and_snippet_edit_views_work_under_their_policy(make_page):
    admin = make_page()
    login(admin, "beheerder")
    admin.goto("/beheer/snippets/roles/ladderstep/")
    admin.locator("tbody a", has_text="1").first.click()
    expect(admin.get_by_role("textbox", name=re.compile("^Naam"))).to_have_value("Hebben ervaren")
    admin.goto("/beheer/rollen/")
    admin.locator("tbody a", has_text="Cliëntondersteuner").first.click()
    expect(admin.get_by_role("tab", name=re.compile("Loopbaan"))).to_be_visible()
    admin.get_by_role("tab", name=re.compile("Loopbaan")).click()
    expect(admin.get_by_role("textbox", name="Hoe word je dit?")).to_be_visible()


ARTICLE = OPMARS_URL
COMMENT = "name=Sanne&email=sanne%40example.org&body=Mijn+tekst.&website="
# Errors the server gives, with the request that makes it give them.
SERVER_ERRORS = {
    "400": {"data": COMMENT + "".join(f"&veld{n}=x" for n in range(40))},
    "403-csrf": {
        "data": COMMENT,
        "headers": {"Sec-Fetch-Site": "cross-site", "Origin": "https://kwaad.example"},
    },
    "413": {"data": COMMENT + "x" * 3_000_000},
}
# Errors that need a state a test should not put the shared server in (a limit reached, a
# broken database): the same templates, rendered here.
RENDERED_ERRORS = {
    "403": ("403.html", {}),
    "429": ("429.html", {"wait": "12 minuten"}),
    "500": ("500.html", {}),
    "503": ("503.html", {}),
}


@pytest.mark.parametrize("name", [*SERVER_ERRORS, *RENDERED_ERRORS])
def test_every_error_page_is_dutch_and_accessible(page, site_url, name):
    if name in SERVER_ERRORS:
        error = SERVER_ERRORS[name]

        def answer(route):
            fetched = route.fetch(
                url=site_url + ARTICLE,
                method="POST",
                post_data=error["data"],
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Sec-Fetch-Site": "same-origin",
                    "Origin": site_url,
                    **error.get("headers", {}),
                },
            )
            assert str(fetched.status) == name.split("-")[0]
            route.fulfill(response=fetched)

    else:
        template, context = RENDERED_ERRORS[name]
        html = render_to_string(template, context)

        def answer(route):
            route.fulfill(status=int(name), body=html, content_type="text/html; charset=utf-8")

    page.route(f"{site_url}/fout-{name}/", answer)
    page.goto(f"/fout-{name}/")
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.locator("h1").count() == 1
    text = page.locator("main").inner_text()
    assert "DEBUG" not in text and "CSRF" not in text and "Error" not in text
    if name == "403-csrf":
        expect(page.get_by_label("Je tekst")).to_have_value("Mijn tekst.")
    assert_accessible(page)
