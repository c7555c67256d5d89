"""The content loader: turns the data files in fixtures/ into pages, snippets and comments.

Running it twice changes nothing. It never overwrites what an editor changed: for every object
it made, the ledger (`LoadedContent`) remembers the fixture record it came from and what the
object looked like right after loading. See docs/content.md for the file format.
"""

import hashlib
import html
import json
import logging
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from operations.models import LoadedContent

logger = logging.getLogger("ervaring")

FIXTURE_DIR = Path(settings.BASE_DIR) / "fixtures"
# Order matters: a record may only refer to records in the same or an earlier file, except
# for `links`, which may point forward (they are added at the end).
FIXTURE_FILES = [
    "site.yaml", "organisations.yaml", "roles.yaml", "articles.yaml", "glossary.yaml", "pages.yaml",
]  # fmt: skip


class FixtureError(Exception):
    """A fixture record that cannot be loaded (unknown model, field, block or key). The message
    names the file, the record and the field, so nothing is ever dropped in silence."""

    def __init__(self, message, *, file=None, key=None, field=None):
        self.message, self.file, self.key, self.field = message, file, key, field
        super().__init__(message)

    def located(self, file=None, key=None, field=None):
        """The same error, with where it happened filled in (the innermost place wins)."""
        return FixtureError(
            self.message,
            file=self.file or file,
            key=self.key or key,
            field=self.field or field,
        )

    def __str__(self):
        where = [
            part
            for part in (
                self.file,
                f"record {self.key}" if self.key else None,
                f"veld {self.field}" if self.field else None,
            )
            if part
        ]
        return f"{': '.join([', '.join(where), self.message]) if where else self.message}"


# The record keys the loader understands; anything else is a mistake, not something to skip.
RECORD_KEYS = {
    "key",
    "model",
    "parent",
    "slug",
    "source",
    "also_from",
    "cites",
    "fields",
    "initial",
    "links",
    "lookup",
    "for_site",
    "adopt",
    "site_root",
    "kind",
    "pages",
}
# The five source texts, and the names the site credits each by (sources/credits.yaml).
SOURCE_DIR = FIXTURE_DIR / "sources"


def normal_text(text):
    """Text as compared with a quote: one space for any run of white space, one kind of quote
    mark, lower case (a quote may start a sentence the source continues)."""
    for curly, straight in (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("`", "'")):
        text = text.replace(curly, straight)
    return " ".join(text.split()).lower()


# Stands in for a linked page while a record is only checked.
PLACEHOLDER = type("Placeholder", (), {"pk": 0})()
# Short block names in the fixtures -> the block they become.
BLOCK_NAMES = {"story": "experience_story"}


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # changed or deleted by an editor: left alone

    def summary(self):
        return (
            f"{len(self.created)} nieuw, {len(self.updated)} bijgewerkt, "
            f"{len(self.unchanged)} ongewijzigd, {len(self.kept)} door een redacteur "
            "aangepast en dus overgeslagen"
        )


def as_data(value):
    """A serialized field value, with JSON text parsed (so key order does not matter)."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def digest(data):
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


# Models whose app was renamed (December 2026, docs/decisions.md): the ledger's digests of
# records loaded before name the former app.
FORMER_APP_LABELS = {
    ("core", "HomePage"): "ervaring",
    ("core", "ContentPage"): "ervaring",
    ("core", "SiteSettings"): "ervaring",
    ("comments", "Comment"): "articles",
}

PAGE_LINK = re.compile(r"\[([^\]]+)\]\(page:([^)\s]+)\)")
# A link to an address of the site that is not a page (e.g. /reacties/mijn-gegevens/).
PATH_LINK = re.compile(r"\[([^\]]+)\]\((/[^)\s]*)\)")


def paragraphs_to_html(text, resolve=None):
    """Plain text with blank lines between paragraphs -> <p> elements (escaped). A link to
    another page is written `[text](page:key)` and becomes Wagtail's own page link, which
    follows the page when it moves; `[text](/pad/)` links an address of the site itself."""
    parts = [part.strip() for part in str(text).split("\n\n") if part.strip()]
    paragraphs = []
    for part in parts:
        escaped = html.escape(" ".join(part.split("\n")))

        def link(match):
            if resolve is None:
                raise FixtureError("een paginalink kan hier niet")
            page = resolve(html.unescape(match.group(2)))
            return f'<a linktype="page" id="{page.pk}">{match.group(1)}</a>'

        linked = PATH_LINK.sub(r'<a href="\2">\1</a>', PAGE_LINK.sub(link, escaped))
        paragraphs.append("<p>" + linked + "</p>")
    return "".join(paragraphs)


# The keys each block of the short notation may have: any other is refused, never ignored.
BLOCK_KEYS = {
    "heading": {"text", "level"},
    "quote": {"text", "attribution"},
    "story": {"text", "attribution"},
    "list": {"title", "numbered", "items"},
    "callout": {"kind", "title", "text"},
    "example": {"title", "text"},
    "figures": {"title", "in_short", "intro", "figures"},
    "from_source": {"source", "title", "text", "items"},
    "editors": {"title", "text"},
}
FIGURE_KEYS = {"number", "unit", "qualifier", "label", "source", "year"}


def only_keys(value, allowed, what):
    """True when `value` (a dict) has no key outside `allowed`; else refused by name."""
    unknown = set(value) - allowed
    if unknown:
        raise FixtureError(
            f"onbekende sleutel(s) in {what}: {', '.join(sorted(unknown))} "
            f"(wel: {', '.join(sorted(allowed))})"
        )
    return True


def stream_value(blocks, stream_block=None, resolve=None):
    """The fixture's short block notation -> StreamField raw data. With `stream_block` (the
    field's StreamBlock), every block must be one the field has: a block it cannot show is
    refused, never stored to be dropped at render."""
    data = []
    allowed = set(stream_block.child_blocks) if stream_block is not None else None
    for item in blocks or []:
        if not isinstance(item, dict) or len(item) != 1:
            raise FixtureError(f"Een blok moet één sleutel hebben: {item!r}")
        kind, value = next(iter(item.items()))
        block_name = BLOCK_NAMES.get(kind, kind)
        if isinstance(value, dict) and kind in BLOCK_KEYS:
            only_keys(value, BLOCK_KEYS[kind], f"blok {kind!r}")
        if allowed is not None and block_name not in allowed:
            raise FixtureError(
                f"het bloktype {kind!r} bestaat niet in dit veld "
                f"(wel: {', '.join(sorted(allowed))})"
            )
        if kind == "paragraph":
            data.append(("paragraph", paragraphs_to_html(value, resolve)))
        elif kind == "heading":
            value = value if isinstance(value, dict) else {"text": value}
            data.append(("heading", {"text": value["text"], "level": value.get("level", "h2")}))
        elif kind in ("quote", "story"):
            value = value if isinstance(value, dict) else {"text": value}
            data.append(
                (block_name, {"text": value["text"], "attribution": value.get("attribution", "")})
            )
        elif kind == "list":
            value = value if isinstance(value, dict) else {"items": value}
            data.append(
                (
                    "list",
                    {
                        "title": value.get("title", ""),
                        "numbered": bool(value.get("numbered")),
                        "items": [str(i) for i in value["items"]],
                    },
                )
            )
        elif kind == "callout":
            data.append(
                (
                    "callout",
                    {
                        "kind": value.get("kind", "tip"),
                        "title": value.get("title", ""),
                        "text": paragraphs_to_html(value["text"], resolve),
                    },
                )
            )
        elif kind == "from_source":
            if not value.get("text") and not value.get("items"):
                raise FixtureError("een blok from_source zonder tekst en zonder punten")
            data.append(
                (
                    "from_source",
                    {
                        "source": value["source"],
                        "title": value.get("title", ""),
                        "text": "\n\n".join(
                            " ".join(part.split())
                            for part in str(value.get("text", "")).split("\n\n")
                            if part.strip()
                        ),
                        "items": [" ".join(str(item).split()) for item in value.get("items", [])],
                    },
                )
            )
        elif kind == "editors":
            value = value if isinstance(value, dict) else {"text": value}
            data.append(
                (
                    "editors",
                    {
                        "title": value.get("title", ""),
                        "text": paragraphs_to_html(value["text"], resolve),
                    },
                )
            )
        elif kind == "example":
            data.append(("example", {"title": value.get("title", ""), "text": value["text"]}))
        elif kind == "figures":
            data.append(
                (
                    "figures",
                    {
                        "title": value["title"],
                        "in_short": value.get("in_short", ""),
                        "intro": value.get("intro", ""),
                        "figures": [
                            {
                                "number": figure["number"],
                                "unit": figure.get("unit", "personen"),
                                "qualifier": figure.get("qualifier", ""),
                                "label": figure["label"],
                                "source": figure["source"],
                                "year": figure.get("year"),
                            }
                            for figure in value["figures"]
                            if only_keys(figure, FIGURE_KEYS, "cijfer")
                        ],
                    },
                )
            )
        elif kind == "readability_list":
            # Takes no value: the list is measured when the page is shown.
            if value not in (None, "", {}):
                raise FixtureError("het blok readability_list heeft geen waarde")
            data.append(("readability_list", None))
        else:
            raise FixtureError(f"Onbekend bloktype {kind!r}")
    return data


class Loader:
    """Loads fixture files into the database; see the module docstring."""

    def __init__(self, fixture_dir=FIXTURE_DIR, files=FIXTURE_FILES, stdout=None):
        self.fixture_dir = Path(fixture_dir)
        self.files = files
        self.report = Report()
        self.objects = {}  # key -> object, for references within one run
        self.deferred = []  # (file, page, record) whose links point forward
        self.current_file = None
        self.stdout = stdout
        self.source_texts = {}  # source file -> its text, normalised, read once
        # The source texts beside the fixtures; a copy of the fixtures alone (a test) reads the
        # repository's own.
        own = self.fixture_dir / "sources"
        self.sources_dir = own if own.is_dir() else SOURCE_DIR

    def source_text(self, name):
        if name not in self.source_texts:
            path = self.sources_dir / name
            if not path.exists():
                raise FixtureError(f"de bron {name!r} bestaat niet in fixtures/sources/")
            self.source_texts[name] = normal_text(path.read_text(encoding="utf-8"))
        return self.source_texts[name]

    @cached_property
    def credits(self):
        """{source file: (names it is credited by)}, from sources/credits.yaml."""
        path = self.sources_dir / "credits.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
        return {name: tuple(names) for name, names in (data or {}).items()}

    # reading

    def records(self):
        """(file name, record) of every record, in order."""
        for name in self.files:
            path = self.fixture_dir / name
            if not path.exists():
                continue
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for record in data.get("records", []):
                record.setdefault("source", data.get("source", ""))
                yield name, record

    # references

    def resolve(self, key):
        if key in self.objects:
            return self.objects[key]
        entry = LoadedContent.objects.filter(key=key).select_related("content_type").first()
        if entry is None:
            raise FixtureError(f"Onbekende sleutel {key!r}")
        model = entry.content_type.model_class()
        obj = model.objects.filter(pk=entry.object_id).first()
        if obj is None:
            raise FixtureError(f"{key!r} is verwijderd")
        if isinstance(obj, Page):
            obj = obj.specific
        self.objects[key] = obj
        return obj

    def try_resolve(self, key):
        try:
            return self.resolve(key)
        except FixtureError:
            return None

    # state of objects, to notice an editor's change

    @staticmethod
    def state_of(obj):
        if isinstance(obj, Page):
            obj.refresh_from_db(fields=["latest_revision", "live"])
            return f"page:{obj.latest_revision_id}:{obj.live}"
        # As stored: PostgreSQL keeps JSON (a StreamField) in its own key order, so the object
        # is read back, and JSON in a field is compared as data, not as text.
        fresh = type(obj).objects.get(pk=obj.pk)
        data = json.loads(serializers.serialize("json", [fresh]))[0]["fields"]
        return digest({name: as_data(value) for name, value in data.items()})

    @staticmethod
    def earlier_state_of(obj):
        """A snippet's state as earlier versions of the loader wrote it in the ledger (JSON
        compared as text), so an untouched snippet loaded by them is still seen as untouched."""
        if isinstance(obj, Page):
            return None
        fresh = type(obj).objects.get(pk=obj.pk)
        return digest(json.loads(serializers.serialize("json", [fresh]))[0]["fields"])

    @staticmethod
    def earlier_digest_of(record):
        """The record's digest as the loader wrote it before its model's app was renamed
        (FORMER_APP_LABELS), so a record it loaded then is still seen as unchanged; or None."""
        app_label, _, name = record.get("model", "").partition(".")
        former = FORMER_APP_LABELS.get((app_label, name))
        return digest({**record, "model": f"{former}.{name}"}) if former else None

    # loading

    def run(self):
        for name, record in self.records():
            self.current_file = name
            try:
                self.check_record(record)
                with transaction.atomic():
                    self.load_record(record)
            except FixtureError as error:
                raise error.located(file=name, key=record.get("key")) from error
        for name, page, record in self.deferred:
            page = page.specific_class.objects.get(pk=page.pk)  # fresh: the tree moved on
            try:
                with transaction.atomic():
                    self.apply_links(page, record, final=True)
                    self.publish(page)
                    LoadedContent.objects.filter(key=record["key"]).update(
                        state=self.state_of(page)
                    )
            except FixtureError as error:
                raise error.located(file=name, key=record.get("key")) from error
        return self.report

    def check_record(self, record):
        """Refuse a record the loader cannot place, before anything is compared or saved: also
        a record that is unchanged or that an editor changed must be one it could load."""
        unknown = set(record) - RECORD_KEYS
        if unknown:
            raise FixtureError(f"onbekende sleutel(s) in het record: {', '.join(sorted(unknown))}")
        if "key" not in record:
            raise FixtureError("een record zonder key")
        if record.get("kind") == "page-order":
            return
        try:
            model = apps.get_model(record.get("model", ""))
        except (LookupError, ValueError) as error:
            raise FixtureError(f"onbekend model {record.get('model')!r}") from error
        fields = {**(record.get("fields") or {}), **(record.get("initial") or {})}
        for name, value in fields.items():
            try:
                model_field = model._meta.get_field(name)
            except FieldDoesNotExist as error:
                raise FixtureError(
                    f"{model.__name__} heeft geen veld {name!r}", field=name
                ) from error
            if isinstance(model_field, StreamField):
                try:
                    stream_value(value, model_field.stream_block, resolve=lambda key: PLACEHOLDER)
                except FixtureError as error:
                    raise error.located(field=name) from error
        self.check_sources(record, model, fields)

    def check_sources(self, record, model, fields):
        """Refuse what a record attributes to a source it does not cite (issue 38): a credit
        (`source`, a figure's `source`) must name a source file of the record (`source`,
        `also_from`); a field the model lists in `source_claims` ("the source says so") may be
        set only with a quote from one of those files in `cites`, found there word for word."""
        files = [name for name in [record.get("source"), *(record.get("also_from") or [])] if name]
        texts = [self.source_text(name) for name in files]
        credited = {name: self.credits.get(name, ()) for name in files}
        every_credit = {credit for names in self.credits.values() for credit in names}

        def check_credit(text, field_name):
            for part in str(text).split(";"):
                named = [credit for credit in every_credit if credit.lower() in part.lower()]
                if not named:
                    continue
                if not any(credit in names for credit in named for names in credited.values()):
                    raise FixtureError(
                        f"de bron {part.strip()!r} staat er, maar het record citeert die bron "
                        f"niet (source/also_from: {', '.join(files) or 'geen'})",
                        field=field_name,
                    )

        if isinstance(fields.get("source"), str):
            check_credit(fields["source"], "source")
        for name, value in fields.items():
            if isinstance(value, list):
                for block in value:
                    figures = block.get("figures") if isinstance(block, dict) else None
                    for figure in (figures or {}).get("figures", []) or []:
                        if isinstance(figure, dict) and figure.get("source"):
                            check_credit(figure["source"], name)
                    passage = block.get("from_source") if isinstance(block, dict) else None
                    if isinstance(passage, dict):
                        self.check_passage(passage, files, credited, name)
        cites = record.get("cites") or {}
        claims = getattr(model, "source_claims", ())
        for name in cites:
            if name not in claims:
                raise FixtureError(
                    f"cites noemt {name!r}, maar dat is geen veld dat zegt wat de bron zegt "
                    f"(wel: {', '.join(claims) or 'geen'})",
                    field=name,
                )
        for name in claims:
            if not fields.get(name):
                continue
            quotes = cites.get(name)
            if not quotes:
                raise FixtureError(
                    "dit veld zegt dat de bron het zegt, maar het record citeert de bron niet "
                    "(zet het citaat onder cites)",
                    field=name,
                )
            for quote in [quotes] if isinstance(quotes, str) else quotes:
                if not any(normal_text(quote) in text for text in texts):
                    raise FixtureError(
                        f"het citaat {quote!r} staat niet in {', '.join(files) or 'een bron'}",
                        field=name,
                    )

    def check_passage(self, passage, files, credited, field_name):
        """A `from_source` block says "these are the source's words": it must credit a source
        the record cites, and every paragraph and point must stand in that source word for
        word (issue 32: a situation page is the sources' or visibly the editors')."""
        credit = str(passage.get("source", "")).strip()
        cited = [
            name
            for name, names in credited.items()
            if any(known.lower() in credit.lower() for known in names)
        ]
        if not cited:
            raise FixtureError(
                f"de bron {credit!r} van een blok from_source is geen bron van dit record "
                f"(source/also_from: {', '.join(files) or 'geen'})",
                field=field_name,
            )
        text = self.source_text(cited[0])
        parts = [part for part in str(passage.get("text", "")).split("\n\n") if part.strip()] + [
            str(item) for item in passage.get("items", []) or []
        ]
        if passage.get("title"):
            parts.append(str(passage["title"]))
        for part in parts:
            if normal_text(part) not in text:
                raise FixtureError(
                    f"de tekst {' '.join(part.split())[:80]!r} staat niet woord voor woord in "
                    f"{cited[0]}",
                    field=field_name,
                )

    def load_record(self, record):
        if record.get("kind") == "page-order":
            self.load_page_order(record)
            return
        key = record["key"]
        model = apps.get_model(record["model"])
        record_digest = digest(record)
        entry = LoadedContent.objects.filter(key=key).first()
        if entry is not None:
            obj = model.objects.filter(pk=entry.object_id).first()
            if obj is None:
                self.report.kept.append(key)
                return
            if entry.digest in (record_digest, self.earlier_digest_of(record)):
                if entry.digest != record_digest:
                    LoadedContent.objects.filter(pk=entry.pk).update(digest=record_digest)
                self.objects[key] = obj.specific if isinstance(obj, Page) else obj
                self.report.unchanged.append(key)
                return
            obj = obj.specific if isinstance(obj, Page) else obj
            if entry.state not in (self.state_of(obj), self.earlier_state_of(obj)):
                self.objects[key] = obj
                self.report.kept.append(key)
                logger.info("Overgeslagen, aangepast door een redacteur: %s", key)
                return
            self.save(obj, record, created=False)
            entry.digest = record_digest
            entry.state = self.state_of(obj)
            entry.save()
            self.report.updated.append(key)
            return

        obj = self.new_object(model, record)
        if obj is None:
            return
        self.save(obj, record, created=True)
        LoadedContent.objects.create(
            key=key,
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
            digest=record_digest,
            state=self.state_of(obj),
        )
        self.report.created.append(key)

    @staticmethod
    def child_order(parent):
        return digest(list(parent.get_children().values_list("pk", flat=True)))

    def load_page_order(self, record):
        """Put some children of a page in a given order (e.g. the main menu), unless an editor
        has reordered them since."""
        key = record["key"]
        parent = self.resolve(record["parent"])
        record_digest = digest(record)
        entry = LoadedContent.objects.filter(key=key).first()
        if entry is not None:
            if entry.digest == record_digest:
                self.report.unchanged.append(key)
                return
            if entry.state != self.child_order(parent):
                self.report.kept.append(key)
                return
        for page_key in record["pages"]:
            page = self.try_resolve(page_key)
            if page is not None:
                page.move(parent, pos="last-child")
        LoadedContent.objects.update_or_create(
            key=key,
            defaults={
                "content_type": ContentType.objects.get_for_model(Page),
                "object_id": str(parent.pk),
                "digest": record_digest,
                "state": self.child_order(parent),
            },
        )
        (self.report.updated if entry else self.report.created).append(key)

    def new_object(self, model, record):
        """A new, unsaved object for a record; None when something else already stands there."""
        if issubclass(model, Page):
            if record.get("adopt") == "site-root":
                site = Site.objects.filter(is_default_site=True).first()
                existing = site.root_page.specific if site else None
                if existing is not None and isinstance(existing, model):
                    return existing
            parent = self.resolve(record["parent"]) if record.get("parent") else None
            slug = record.get("slug") or record["fields"].get("slug")
            if parent is not None and slug and parent.get_children().filter(slug=slug).exists():
                self.report.kept.append(record["key"])
                logger.info("Overgeslagen, pagina bestaat al: %s", record["key"])
                return None
            return model()
        if record.get("for_site") == "default":
            # A site setting: there is one per site, made on first use.
            return model.for_site(Site.objects.get(is_default_site=True))
        lookup = record.get("lookup")
        if lookup and model.objects.filter(**{lookup: record["fields"][lookup]}).exists():
            self.report.kept.append(record["key"])
            return None
        return model()

    def assign_fields(self, obj, record, created):
        fields = dict(record.get("fields", {}))
        if created:
            fields.update(record.get("initial", {}))
        m2m = {}
        for name, value in fields.items():
            try:
                self.assign_field(obj, name, value, m2m)
            except FixtureError as error:
                raise error.located(field=name) from error
        return m2m

    def assign_field(self, obj, name, value, m2m):
        try:
            model_field = obj._meta.get_field(name)
        except FieldDoesNotExist as error:
            raise FixtureError(f"{type(obj).__name__} heeft geen veld {name!r}") from error
        if isinstance(model_field, StreamField):
            setattr(obj, name, stream_value(value, model_field.stream_block, self.resolve))
        elif isinstance(model_field, ParentalManyToManyField | models.ManyToManyField):
            m2m[name] = [self.resolve(key) for key in value]
        elif name == "tags":
            m2m[name] = value
        elif isinstance(model_field, models.ForeignKey):
            setattr(obj, name, self.resolve(value) if value else None)
        else:
            setattr(obj, name, value)

    def save(self, obj, record, created):
        m2m = self.assign_fields(obj, record, created)
        if isinstance(obj, Page):
            if record.get("slug"):
                obj.slug = record["slug"]
            for name, values in m2m.items():
                getattr(obj, name).set(values)
            has_forward_links = self.apply_links(obj, record, final=False)
            if obj.pk is None:
                parent = self.resolve(record["parent"])
                parent.add_child(instance=obj)
            self.publish(obj)
            if record.get("site_root"):
                Site.objects.filter(is_default_site=True).update(root_page=obj)
            if has_forward_links:
                self.deferred.append((self.current_file, obj, record))
        else:
            obj.full_clean()
            obj.save()
            for name, values in m2m.items():
                getattr(obj, name).set(values)
        self.objects[record["key"]] = obj

    def apply_links(self, page, record, final):
        """Inline relations (orderables): {relation: [{field: key}]}. Returns True when some
        point to records that are not loaded yet (they are added at the end)."""
        pending = False
        for relation, items in (record.get("links") or {}).items():
            try:
                related_model = page._meta.get_field(relation).related_model
            except FieldDoesNotExist as error:
                raise FixtureError(
                    f"{type(page).__name__} heeft geen relatie {relation!r}", field=relation
                ) from error
            children = []
            for item in items:
                values = {}
                for name, key in item.items():
                    try:
                        related_model._meta.get_field(name)
                    except FieldDoesNotExist as error:
                        raise FixtureError(
                            f"{related_model.__name__} heeft geen veld {name!r}", field=relation
                        ) from error
                    target = self.resolve(key) if final else self.try_resolve(key)
                    if target is None:
                        pending = True
                        break
                    values[name] = target
                else:
                    children.append(related_model(**values))
            setattr(page, relation, children)
        return pending

    @staticmethod
    def publish(page):
        revision = page.save_revision(log_action=True)
        revision.publish(log_action=True)
        page.refresh_from_db()


def load_content(stdout=None):
    return Loader(stdout=stdout).run()
