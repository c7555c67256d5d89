"""The release: the code, templates and static files that render the pages. It is part of the
content version, so after a deploy no page rendered by the old templates (or pointing at old
static files) is served, and no value pickled by old code is read back."""

import functools
import hashlib
import os
from importlib import metadata

from django.conf import settings

# What a page's bytes can depend on besides the content: our apps, templates, static files and
# translations, and the versions of Django and Wagtail.
FOLDERS = ("ervaring", "roles", "organisations", "articles", "templates", "static", "locale")
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
    for folder in FOLDERS:
        root = settings.BASE_DIR / folder
        for path in sorted(root.rglob("*")):
            if path.suffix in SUFFIXES and "__pycache__" not in path.parts and path.is_file():
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
