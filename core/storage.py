"""Uploads on this machine's disk, saved whole or not at all.

Django's FileSystemStorage streams an upload straight into its final name: when the disk fills
up half way, a cut-off file is left there (an image upload left a 0-byte file, and no image).
Here the upload is first written whole to a staging folder on the same disk, and only then
moved to its name (a rename: all or nothing); a write that fails leaves nothing behind."""

import contextlib
import os
import tempfile

from django.core.files import File
from django.core.files.storage import FileSystemStorage

STAGING = ".uploads"


class StagedFile(File):
    """A file written whole on disk, which Django's storage can move instead of copy."""

    def temporary_file_path(self):
        return self.file.name


class AtomicFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        if hasattr(content, "temporary_file_path"):
            return super()._save(name, content)  # already whole on disk: Django moves it
        staging = os.path.join(self.location, STAGING)
        os.makedirs(staging, exist_ok=True)
        fd, path = tempfile.mkstemp(dir=staging)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                out.flush()
                os.fsync(out.fileno())
            os.chmod(path, self.file_permissions_mode or 0o666 & ~_umask())
            with open(path, "rb") as whole:
                return super()._save(name, StagedFile(whole, name=name))
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)


def _umask():
    """The process's umask, as Django's own save applies it (read without changing it: setting
    it to look would race with other threads)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    return 0o022
