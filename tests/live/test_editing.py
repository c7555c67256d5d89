"""Editors use Wagtail's own features in Chromium, against the real server with its page cache
on: privacy (all three kinds, set and removed in the dialog, unlocked by a visitor), live
preview in the side panel and in a new tab for every page type, and scheduled publishing and
expiry. The `page`/`make_page` fixtures fail a test on any CSP violation or JavaScript error."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.live.server import PASSWORD, get_server
from tests.support.browser import assert_accessible, login

PAGE_PER_TYPE = """
import json
from wagtail.models import get_page_models
from core.models import BasePage
found = {}
for model in get_page_models():
    if issubclass(model, BasePage):
        page = model.objects.live().order_by("path").first()
        found[model.__name__] = page.pk
print("JSON", json.dumps(found))
"""


def open_status_panel(editor):
    if not editor.get_by_role("button", name="Wijzig zichtbaarheid").is_visible():
        editor.get_by_role("button", name="Toon/verberg status").click()


def set_visibility(editor, pk, choice, password=None, group=None):
    """Choose who may see the page in the admin's "Wijzig zichtbaarheid" dialog."""
    editor.goto(f"/beheer/pages/{pk}/edit/")
    open_status_panel(editor)
    editor.get_by_role("button", name="Wijzig zichtbaarheid").click()
    dialog = editor.get_by_role("dialog", name="Wijzig zichtbaarheid")
    option = dialog.get_by_label(choice)
    expect(option).to_be_visible()  # the dialog's form comes from the server
    option.check()
    if password:
        dialog.get_by_role("textbox", name="Gedeeld wachtwoord").fill(password)
    if group:
        dialog.get_by_label(group).check()
    dialog.get_by_role("button", name="Opslaan").click()
    expect(dialog).to_be_hidden(timeout=15_000)
    expected = "Zichtbaar voor iedereen" if choice == "Openbaar" else "Privé"
    expect(editor.locator("[data-side-panel='status']")).to_contain_text(expected)


def log_in_on_the_site(reader, username):
    reader.get_by_label("Gebruikersnaam").fill(username)
    reader.get_by_label("Wachtwoord").fill(PASSWORD)
    reader.get_by_role("button", name="Inloggen").click()


def test_a_page_with_a_password_is_unlocked_by_a_reader_and_made_public_again(make_page):
    pk, url = get_server().new_page("Alleen voor de werkgroep")
    editor = make_page()
    login(editor, "redacteur")
    set_visibility(editor, pk, "Afgeschermd, toegankelijk met een gedeeld wachtwoord", "wg-2026-x")

    reader = make_page()
    reader.goto(url)
    expect(reader.get_by_role("heading", level=1)).to_have_text("Deze pagina heeft een wachtwoord")
    expect(reader.locator("main")).not_to_contain_text("Alleen voor de werkgroep")
    assert_accessible(reader)
    reader.get_by_label("Wachtwoord").fill("fout")
    reader.get_by_role("button", name="Open de pagina").click()
    expect(reader.locator(".field__error")).to_contain_text("niet juist")
    assert_accessible(reader)
    reader.get_by_label("Wachtwoord").fill("wg-2026-x")
    reader.get_by_role("button", name="Open de pagina").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Alleen voor de werkgroep")
    # Unlocked for this reader only: another visitor still gets the form.
    stranger = make_page()
    stranger.goto(url)
    expect(stranger.get_by_role("heading", level=1)).to_have_text(
        "Deze pagina heeft een wachtwoord"
    )

    set_visibility(editor, pk, "Openbaar")
    stranger.goto(url)
    expect(stranger.get_by_role("heading", level=1)).to_have_text("Alleen voor de werkgroep")


def test_a_page_for_logged_in_readers_and_one_for_a_group(make_page):
    pk, url = get_server().new_page("Voor ingelogde lezers")
    editor = make_page()
    login(editor, "redacteur")
    set_visibility(editor, pk, "Afgeschermd, toegankelijk voor alle ingelogde gebruikers")

    reader = make_page()
    reader.goto(url)
    expect(reader).to_have_url(re.compile(r"/inloggen/\?next="))
    expect(reader.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert_accessible(reader)
    reader.get_by_label("Gebruikersnaam").fill("moderator")
    reader.get_by_label("Wachtwoord").fill("fout wachtwoord")
    reader.get_by_role("button", name="Inloggen").click()
    expect(reader.locator(".form-errors")).to_contain_text("horen niet bij elkaar")
    expect(reader.get_by_label("Gebruikersnaam")).to_have_value("moderator")
    log_in_on_the_site(reader, "moderator")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Voor ingelogde lezers")

    set_visibility(
        editor,
        pk,
        "Afgeschermd, toegankelijk voor gebruikers in bepaalde groepen",
        group="Redacteuren",
    )
    reader.goto(url)
    expect(reader.locator("main")).to_contain_text("niet voor jouw account")
    assert_accessible(reader)
    reader.get_by_role("button", name="Uitloggen").click()
    reader.goto(url)
    log_in_on_the_site(reader, "redacteur")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Voor ingelogde lezers")

    set_visibility(editor, pk, "Openbaar")


@pytest.fixture(scope="module")
def page_per_type():
    return json.loads(get_server().shell_output(PAGE_PER_TYPE, marker="JSON"))


PAGE_TYPES = [
    "HomePage",
    "ContentPage",
    "RoleIndexPage",
    "RolePage",
    "LadderPage",
    "EmployerIndexPage",
    "EmployerTypePage",
    "ArticleIndexPage",
    "ArticlePage",
]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_live_preview_shows_what_the_editor_types(make_page, page_per_type, page_type):
    pk = page_per_type[page_type]
    editor = make_page()
    login(editor, "redacteur")
    editor.goto(f"/beheer/pages/{pk}/edit/")
    editor.locator("#id_title").fill(f"Nog niet gepubliceerd: {page_type}")
    editor.get_by_role("button", name="Toon/verberg voorvertoning").click()
    frame = editor.frame_locator("#w-preview-iframe")
    expect(frame.locator("h1")).to_contain_text("Nog niet gepubliceerd")
    if page_type == "RolePage":
        # The draft's own facts, also in the preview in a new tab.
        with editor.context.expect_page() as new_tab:
            editor.get_by_role("link", name="Voorbeeld in een nieuw tabblad").click()
        tab = new_tab.value
        expect(tab.locator("h1")).to_contain_text("Nog niet gepubliceerd")
        tab.close()


# The scheduled revision's go-live time (in its content and as approved) becomes "just now".
CLOCK_REACHES_GO_LIVE = """
from django.utils import timezone
from wagtail.models import Revision
now = timezone.now()
for revision in Revision.page_revisions.filter(object_id="{pk}", approved_go_live_at__isnull=False):
    revision.content["go_live_at"] = now.isoformat()
    revision.approved_go_live_at = now
    revision.save()
"""


def shell(code):
    get_server().manage("shell", "-c", code)


def test_a_scheduled_change_goes_live_and_the_page_expires(make_page):
    pk, url = get_server().new_page("Planning van de werkgroep")
    editor = make_page(viewport={"width": 1280, "height": 900})
    login(editor, "redacteur")
    editor.goto(f"/beheer/pages/{pk}/edit/")
    editor.locator("#id_title").fill("Planning van de werkgroep, versie 2")
    open_status_panel(editor)
    editor.get_by_role("button", name="Stel schema in").click()
    dialog = editor.locator("[role=dialog]:visible")
    pickers = editor.locator(".xdsoft_datetimepicker:visible")
    for label, value in (
        ("Publiceer op", "2099-01-01 09:00"),
        ("Vervaldatum/tijd", "2099-01-02 09:00"),
    ):
        dialog.get_by_label(label).fill(value)
        # The date picker opens below the field; close it as a person does, by clicking
        # beside it, before it covers what comes next.
        expect(pickers).not_to_have_count(0)
        dialog.get_by_text("Kies wanneer deze pagina live moet gaan").click()
        expect(pickers).to_have_count(0)
    dialog.get_by_role("button", name="Schema opslaan").click()
    editor.get_by_role("button", name="Meer acties").click()
    editor.get_by_role("button", name="Publicatie inplannen").click()
    expect(editor.locator(".messages")).to_contain_text("gepland voor publicatie")

    reader = make_page()
    reader.goto(url)
    expect(reader.get_by_role("heading", level=1)).to_have_text("Planning van de werkgroep")

    # The clock reaches the go-live time; publish_scheduled (a timer in production) runs.
    shell(CLOCK_REACHES_GO_LIVE.format(pk=pk))
    get_server().manage("publish_scheduled")
    reader.goto(url)
    expect(reader.get_by_role("heading", level=1)).to_have_text(
        "Planning van de werkgroep, versie 2"
    )

    # And then its expiry time.
    shell(
        "from wagtail.models import Page; from django.utils import timezone; "
        f"Page.objects.filter(pk={pk}).update(expire_at=timezone.now())"
    )
    get_server().manage("publish_scheduled")
    response = reader.goto(url)
    assert response.status == 404
