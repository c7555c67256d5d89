"""'Was deze pagina nuttig?' in Chromium, as a reader answers it: by keyboard, Nee, a few words,
Verstuur; every page along the way accessible (axe)."""

import re

from playwright.sync_api import expect

from tests.support.browser import assert_accessible


def test_a_reader_says_what_was_missing_by_keyboard(page):
    page.goto("/werk/coach/")
    question = page.get_by_role("form", name="Was deze pagina nuttig?")
    expect(question).to_contain_text("anoniem")
    assert_accessible(page)
    question.get_by_role("button", name="Nee").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt. Wat miste je?")
    assert_accessible(page)
    field = page.get_by_role("textbox", name=re.compile("^Wat miste je"))
    field.fill("Hoeveel uur per week dit werk is.")
    page.get_by_role("button", name="Verstuur").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je antwoord")
    page.get_by_role("link", name="Terug naar ‘Coach’").click()
    expect(page).to_have_url(re.compile(r"/werk/coach/$"))


def test_ja_on_a_phone(make_page):
    phone = make_page(viewport={"width": 320, "height": 640})
    phone.goto("/ervaringsladder/")
    question = phone.get_by_role("form", name="Was deze pagina nuttig?")
    box = question.bounding_box()
    assert box["width"] <= 320
    question.get_by_role("button", name="Ja").click()
    expect(phone.get_by_role("status")).to_contain_text("De redactie gebruikt het")
    assert_accessible(phone)
