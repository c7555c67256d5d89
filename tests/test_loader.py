"""The content loader: idempotent, keeps editors' changes, publishes with history."""

import pytest
import yaml
from wagtail.models import Page

from operations.loader import (
    BLOCK_KEYS,
    FIGURE_KEYS,
    FIXTURE_DIR,
    FixtureError,
    Loader,
    stream_value,
)
from operations.models import LoadedContent
from roles.models import LadderStep, RolePage

pytestmark = pytest.mark.django_db
SEEDS = FIXTURE_DIR / "sources"


def test_second_run_changes_nothing():
    pages_before = Page.objects.count()
    revisions_before = sum(page.revisions.count() for page in Page.objects.all())
    report = Loader().run()
    assert report.created == [] and report.updated == [] and report.kept == []
    assert len(report.unchanged) == LoadedContent.objects.count()
    assert Page.objects.count() == pages_before
    assert sum(page.revisions.count() for page in Page.objects.all()) == revisions_before


def test_pages_are_published_with_a_revision_so_editors_see_history():
    role = RolePage.objects.get(slug="clientondersteuner")
    assert role.live
    assert role.revisions.exists()
    assert role.latest_revision_id == role.live_revision_id


def test_every_record_names_its_source_file():
    for name in ("site.yaml", "organisations.yaml", "roles.yaml", "articles.yaml", "pages.yaml"):
        records = yaml.safe_load((FIXTURE_DIR / name).read_text())["records"]
        for record in records:
            assert "source" in record, (name, record["key"])
            if record["source"]:
                assert (SEEDS / record["source"]).exists(), (name, record["key"])


def changed_fixture(tmp_path, key, change):
    """A copy of fixtures/ where the record `key` is changed by `change(record)`."""
    for path in FIXTURE_DIR.glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        for record in data["records"]:
            if record["key"] == key:
                change(record)
        (tmp_path / path.name).write_text(yaml.safe_dump(data, allow_unicode=True))
    return tmp_path


def test_a_changed_fixture_updates_a_page_nobody_edited(tmp_path):
    def new_summary(record):
        record["fields"]["summary"] = "Een nieuwe samenvatting uit de fixture."

    report = Loader(fixture_dir=changed_fixture(tmp_path, "rol/coach", new_summary)).run()
    assert report.updated == ["rol/coach"]
    coach = RolePage.objects.get(slug="coach")
    assert coach.summary == "Een nieuwe samenvatting uit de fixture."
    assert coach.revisions.count() == 2


def test_a_page_an_editor_changed_is_left_alone(tmp_path):
    coach = RolePage.objects.get(slug="coach")
    coach.summary = "Door de redactie herschreven."
    coach.save_revision().publish()

    def new_summary(record):
        record["fields"]["summary"] = "De fixture wil dit anders."

    report = Loader(fixture_dir=changed_fixture(tmp_path, "rol/coach", new_summary)).run()
    assert "rol/coach" in report.kept
    assert RolePage.objects.get(slug="coach").summary == "Door de redactie herschreven."


def test_a_snippet_an_editor_changed_is_left_alone(tmp_path):
    step = LadderStep.objects.get(number=1)
    step.name = "Zelf meegemaakt"
    step.save()

    def new_meaning(record):
        record["fields"]["meaning"] = "Anders."

    report = Loader(fixture_dir=changed_fixture(tmp_path, "stap-1", new_meaning)).run()
    assert "stap-1" in report.kept
    assert LadderStep.objects.get(number=1).name == "Zelf meegemaakt"


def test_a_page_an_editor_deleted_is_not_brought_back():
    RolePage.objects.get(slug="coach").delete()
    report = Loader().run()
    assert "rol/coach" in report.kept
    assert not RolePage.objects.filter(slug="coach").exists()


def test_an_unknown_reference_is_a_clear_error(tmp_path):
    def broken(record):
        record["fields"]["ladder_steps"] = ["stap-9"]

    fixture_dir = changed_fixture(tmp_path, "rol/coach", broken)
    with pytest.raises(FixtureError, match="stap-9"):
        Loader(fixture_dir=fixture_dir).run()
    # Nothing half: the role keeps its step.
    assert list(
        RolePage.objects.get(slug="coach").ladder_steps.values_list("number", flat=True)
    ) == [4]


def test_a_changed_fixture_updates_a_snippet_with_blocks_nobody_edited(tmp_path):
    """Also on PostgreSQL, which stores a StreamField's JSON in its own key order: the loader
    must not take that for an editor's change."""

    def new_text(record):
        record["fields"]["in_short"] = "Een nieuwe korte uitleg."

    report = Loader(fixture_dir=changed_fixture(tmp_path, "stap-1", new_text)).run()
    assert report.updated == ["stap-1"] and report.kept == []
    assert LadderStep.objects.get(number=1).in_short == "Een nieuwe korte uitleg."


@pytest.mark.parametrize(
    "change, named",
    [
        (lambda figures: figures.update(samenvatting="Kort."), "samenvatting"),
        (lambda figures: figures["figures"][0].update(jaartal=2018), "jaartal"),
    ],
)
def test_a_figures_block_with_an_unknown_key_is_refused_not_dropped(tmp_path, change, named):
    def broken(record):
        change(record["fields"]["figures"][0]["figures"])

    fixture_dir = changed_fixture(tmp_path, "werkgevers", broken)
    with pytest.raises(FixtureError, match=named) as refused:
        Loader(fixture_dir=fixture_dir).run()
    assert "organisations.yaml" in str(refused.value) and "werkgevers" in str(refused.value)


@pytest.mark.parametrize(
    "block",
    [
        {"heading": {"text": "Kop", "levle": "h3"}},
        {"quote": {"text": "Tekst", "atribution": "Iemand"}},
        {"story": {"text": "Tekst", "atribution": "Iemand"}},
        {"list": {"title": "Lijst", "itmes": ["een"]}},
        {"callout": {"kind": "tip", "titel": "Tip", "text": "Tekst"}},
        {"example": {"title": "Voorbeeld", "tekst": "Tekst"}},
        {"figures": {"title": "Cijfers", "intro": "", "figures": [], "bron": "x"}},
        {
            "figures": {
                "title": "Cijfers",
                "figures": [{"number": 1, "qualifer": "ruim", "label": "x", "source": "y"}],
            }
        },
    ],
)
def test_a_misspelt_key_inside_any_block_is_refused_by_name(block):
    kind, value = next(iter(block.items()))
    misspelt = (set(value) - BLOCK_KEYS[kind]) or (
        set(value["figures"][0]) - FIGURE_KEYS if kind == "figures" else set()
    )
    with pytest.raises(FixtureError, match=next(iter(misspelt))):
        stream_value([block], resolve=lambda key: None)
