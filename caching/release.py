"""The release: the code, templates and static files that render the pages. It is part of the
content version, so after a deploy no page rendered by the old templates (or pointing at old
static files) is served, and no value pickled by old code is read back."""

import functools
import hashlib
import os
from importlib import metadata
from pathlib import Path

from django.apps import apps
from django.conf import settings

# What a page's bytes can depend on besides the content: the project package, every installed
# app of this repository (found, not listed, so a new app counts the day it is added),
# templates, static files and translations, and the versions of Django and Wagtail.
SHARED_FOLDERS = ("ervaring", "templates", "static", "locale")
SUFFIXES = {".py", ".html", ".txt", ".xml", ".css", ".js", ".svg", ".mo"}
PACKAGES = ("django", "wagtail")


@functools.cache
def release():
    """A short name for this release: `ERVARING_RELEASE` when the deploy sets one (a commit
    hash, say), otherwise a digest of the files above, read once per process."""
    if os.environ.get("ERVARING_RELEASE"):
        return os.environ["ERVARING_RELEASE"][:40]
    digest = hashlib.sha256()
    for package in PACKAGES:
        digest.update(f"{package}=={metadata.version(package)}\n".encode())
    for root in folders():
        for path in sorted(root.rglob("*")):
            if path.suffix in SUFFIXES and "__pycache__" not in path.parts and path.is_file():
                digest.update(str(path.relative_to(settings.BASE_DIR.resolve())).encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def folders():
    """The folders whose files make up the release, in a fixed order."""
    base = settings.BASE_DIR.resolve()
    own_apps = set()
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        # The virtualenv may lie inside the repository: installed packages are not ours.
        if path.is_relative_to(base) and "site-packages" not in path.parts:
            own_apps.add(path)
    return sorted(own_apps | {base / name for name in SHARED_FOLDERS})
