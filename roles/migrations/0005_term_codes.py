"""A fixed code on every role type, work area and employment form, so the keuzehulp finds its
terms however an editor renames them (issue 13.7).

Existing terms get the code of the fixture record they were loaded from ("soort/hulpverlener"
-> "hulpverlener"), found in the loader's ledger. Where the ledger says the loader's copy was
untouched, it also records the new state, so the loader still knows the term as its own."""

import hashlib
import json

from django.core import serializers
from django.db import migrations, models

KINDS = {"roletype": "soort/", "workarea": "werkveld/", "employmentform": "vorm/"}


def as_data(value):
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def digest(data):
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def fields_of(obj):
    return json.loads(serializers.serialize("json", [obj]))[0]["fields"]


def forwards(apps, schema_editor):
    loaded = apps.get_model("ervaring", "LoadedContent")
    content_type = apps.get_model("contenttypes", "ContentType")
    for model_name, prefix in KINDS.items():
        model = apps.get_model("roles", model_name)
        kind = content_type.objects.filter(app_label="roles", model=model_name).first()
        if kind is None:
            continue
        for entry in loaded.objects.filter(content_type=kind, key__startswith=prefix):
            term = model.objects.filter(pk=entry.object_id).first()
            if term is None:
                continue
            before = {name: value for name, value in fields_of(term).items() if name != "code"}
            untouched = entry.state in (
                digest(before),
                digest({name: as_data(value) for name, value in before.items()}),
            )
            term.code = entry.key.removeprefix(prefix)
            term.save(update_fields=["code"])
            if untouched:
                after = fields_of(term)
                entry.state = digest({name: as_data(value) for name, value in after.items()})
                entry.save(update_fields=["state"])


def code_field():
    return models.SlugField(
        blank=True,
        editable=False,
        help_text="Voor de keuzehulp. Verandert nooit.",
        max_length=40,
        null=True,
        unique=True,
        verbose_name="Vaste code",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0004_verbose_names_in_lower_case"),
        ("ervaring", "0008_verbose_names_in_lower_case"),
    ]

    operations = [
        migrations.AddField(model_name="employmentform", name="code", field=code_field()),
        migrations.AddField(model_name="roletype", name="code", field=code_field()),
        migrations.AddField(model_name="workarea", name="code", field=code_field()),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
