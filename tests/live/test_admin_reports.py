"""The editors' and operators' admin screens in Chromium, as their users reach them, at 390 px
and by keyboard: Rapporten → Nuttig?, Rapporten → Controle (with its dashboard panel) and
Rapporten → Gebroken links (from "Wat vraagt aandacht") and the Dutch handleiding for a
redacteur, Rapporten → Achtergrondtaken for a beheerder."""

import re
import uuid

import requests
from playwright.sync_api import expect

from tests.live.server import get_server
from tests.support.browser import assert_accessible, login
from tests.support.pages import html_soup

PHONE = {"width": 390, "height": 844}


def open_report(page, name, menu="Rapporten"):
    """Through the menu, as a person does: on a phone the menu first, then Rapporten (or another
    submenu), then the report."""
    if page.get_by_role("button", name=menu, exact=True).count() == 0:
        page.get_by_role("button", name=re.compile("Menu|Zijbalk", re.I)).first.click()
    page.get_by_role("button", name=menu, exact=True).click()
    page.get_by_role("link", name=name, exact=True).click()


def test_a_redacteur_reads_what_readers_missed_and_opens_the_page(make_page, site_url):
    missed = f"Een voorbeeld van een dag {uuid.uuid4().hex[:6]}"
    same_site = {"Origin": site_url, "Sec-Fetch-Site": "same-origin"}
    session = requests.Session()
    answered = session.post(
        f"{site_url}/nuttig/{page_id('/home/ervaringsladder/')}/",
        data={"nuttig": "nee"},
        headers={**same_site, "X-Forwarded-For": "10.77.0.1"},
        timeout=30,
    )
    stem = re.search(r'name="stem" value="([^"]+)"', answered.text).group(1)
    session.post(
        f"{site_url}/nuttig/{page_id('/home/ervaringsladder/')}/toelichting/",
        data={"stem": stem, "tekst": missed},
        headers={**same_site, "X-Forwarded-For": "10.77.0.1"},
        timeout=30,
    ).raise_for_status()

    editor = make_page(viewport=PHONE)
    login(editor, "redacteur")
    open_report(editor, "Nuttig?")
    expect(editor.get_by_role("heading", level=1)).to_have_text("Was deze pagina nuttig?")
    row = editor.locator("tbody tr", has_text=missed)
    expect(row).to_have_count(1)
    assert_accessible(editor, context="main")
    link = row.get_by_role("link").first
    link.focus()
    editor.keyboard.press("Enter")
    expect(editor).to_have_url(re.compile(r"/beheer/pages/\d+/edit/$"))


def page_id(url_path):
    code = (
        f"from wagtail.models import Page; print('PK', Page.objects.get(url_path={url_path!r}).pk)"
    )
    return int(get_server().shell_output(code, marker="PK"))


def test_a_beheerder_sees_the_queue_at_390_px(make_page):
    admin = make_page(viewport=PHONE)
    login(admin, "beheerder")
    open_report(admin, "Achtergrondtaken")
    expect(admin.get_by_role("heading", level=1)).to_have_text("Achtergrondtaken")
    expect(admin.get_by_role("heading", name=re.compile(r"^Mislukt \(\d+\)$"))).to_be_visible()
    assert_accessible(admin, context="main")
    assert admin.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1


def test_a_redacteur_checks_an_overdue_page_by_keyboard_at_390_px(make_page, site_url):
    get_server().manage(
        "shell",
        "-c",
        "import datetime; from roles.models import RolePage; "
        "from caching.version import bump_content_version; "
        "RolePage.objects.filter(slug='vn-ambassadeur')"
        ".update(last_reviewed=datetime.date(2024, 1, 15)); bump_content_version()",
    )
    assert "Laatst gecontroleerd op 15 januari 2024" in review_line(site_url)

    editor = make_page(viewport=PHONE)
    login(editor, "redacteur")
    panel = editor.locator("section", has=editor.get_by_role("heading", name="Te controleren"))
    expect(panel).to_contain_text("VN-ambassadeur")
    open_report(editor, "Controle")
    expect(editor.get_by_role("heading", level=1)).to_have_text("Controle van pagina's")
    row = editor.locator("tbody tr", has_text="VN-ambassadeur")
    expect(row).to_contain_text("Te laat")
    assert_accessible(editor, context="main")
    assert editor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1

    # Only roles, by keyboard: the filter form works without a mouse.
    editor.get_by_label("Soort pagina").focus()
    editor.get_by_label("Soort pagina").select_option("roles.rolepage")
    editor.get_by_role("button", name="Toon pagina's").focus()
    editor.keyboard.press("Enter")
    expect(editor).to_have_url(re.compile(r"soort=roles\.rolepage"))
    row = editor.locator("tbody tr", has_text="VN-ambassadeur")
    row.get_by_role("button", name="‘VN-ambassadeur’ is gecontroleerd").focus()
    editor.keyboard.press("Enter")
    expect(editor.get_by_text("‘VN-ambassadeur’ is gecontroleerd op")).to_be_visible()
    expect(editor).to_have_url(re.compile(r"soort=roles\.rolepage"))
    expect(editor.locator("tbody tr", has_text="VN-ambassadeur")).to_have_count(0)

    line = review_line(site_url)
    assert line.startswith("Laatst gecontroleerd op") and "15 januari 2024" not in line


def review_line(site_url):
    html = requests.get(f"{site_url}/werk/vn-ambassadeur/", timeout=30).text
    return html_soup(html).find("p", class_="reviewed").get_text(" ", strip=True)


def test_a_redacteur_goes_from_the_dashboard_to_a_broken_link_by_keyboard(make_page):
    get_server().manage(
        "shell",
        "-c",
        "from wagtail.models import Page; from links.models import BrokenLink, CheckRun; "
        "page = Page.objects.get(url_path='/home/ervaringsladder/'); "
        "BrokenLink.objects.create(page=page, where='Inhoud, blok 2 (Tekst)', "
        "edit_url=f'/beheer/pages/{page.pk}/edit/', url='https://voorbeeld.invalid/weg', "
        "text='Lees het hele verhaal', problem='De site is niet te bereiken.'); "
        "CheckRun.objects.create(links=40, broken=1)",
    )
    editor = make_page(viewport=PHONE)
    login(editor, "redacteur")
    panel = editor.locator("section", has=editor.get_by_role("heading", name="Wat vraagt aandacht"))
    link = panel.get_by_role("link", name=re.compile(r"^\d+ gebroken links$"))
    expect(link).to_be_visible()
    link.focus()
    editor.keyboard.press("Enter")
    expect(editor.get_by_role("heading", level=1)).to_have_text("Gebroken links")
    row = editor.locator("tbody tr", has_text="Lees het hele verhaal")
    expect(row).to_contain_text("De site is niet te bereiken.")
    assert_accessible(editor, context="main")
    assert editor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    row.get_by_role("link", name=re.compile("^Aanpassen")).focus()
    editor.keyboard.press("Enter")
    expect(editor).to_have_url(re.compile(r"/beheer/pages/\d+/edit/$"))


def test_the_help_menu_opens_the_dutch_handleiding_at_390_px(make_page):
    editor = make_page(viewport=PHONE)
    login(editor, "redacteur")
    open_report(editor, "Handleiding", menu="Help")
    expect(editor.get_by_role("heading", level=1)).to_have_text("Handleiding")
    expect(editor.get_by_role("heading", name="Klopt de pagina nog?")).to_be_visible()
    assert_accessible(editor, context="main")
    assert editor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1


def test_a_redacteur_checks_a_page_from_its_own_header_by_keyboard(make_page):
    pk = get_server().shell_output(
        "from roles.models import RolePage; print('PK', RolePage.objects.get(slug='lobbyist').pk)",
        marker="PK",
    )
    editor = make_page(viewport=PHONE)
    login(editor, "redacteur")
    editor.goto(f"/beheer/pages/{pk}/edit/")
    # The page header's menu "Acties" holds "Controle".
    editor.get_by_role("button", name="Acties", exact=True).click()
    editor.get_by_role("link", name="Controle", exact=True).click()
    expect(editor.get_by_role("heading", level=1)).to_contain_text("Controle")
    expect(editor.get_by_text("Laatst gecontroleerd", exact=True)).to_be_visible()
    assert_accessible(editor, context="main")
    assert editor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    editor.get_by_role("button", name="‘Lobbyist’ is gecontroleerd").focus()
    editor.keyboard.press("Enter")
    expect(editor.get_by_text("‘Lobbyist’ is gecontroleerd op")).to_be_visible()
    expect(editor.locator("main li", has_text="door redacteur")).to_have_count(1)


def test_a_beheerder_sets_how_often_roles_are_checked(make_page):
    admin = make_page(viewport={"width": 1280, "height": 900})
    login(admin, "beheerder")
    open_report(admin, "Controle van pagina's", menu="Instellingen")
    expect(admin.get_by_role("heading", level=1)).to_contain_text("Controle van pagina's")
    admin.get_by_role("button", name="Voeg termijn toe").click()
    admin.get_by_role("combobox", name=re.compile("^Soort pagina")).select_option("roles.rolepage")
    admin.get_by_role("combobox", name=re.compile("^Controleren")).select_option("6")
    admin.get_by_role("button", name="Opslaan").click()
    expect(admin.locator(".messages")).to_contain_text("Controle van pagina's gewijzigd.")
    assert_accessible(admin, context="main")
    rules = get_server().shell_output(
        "from reviews.models import ReviewInterval; "
        "print('RULES', sorted(ReviewInterval.objects.values_list('page_type', 'months')))",
        marker="RULES",
    )
    assert "('roles.rolepage', 6)" in rules
