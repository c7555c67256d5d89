"""What a process keeps in its own memory, next to the shared cache: bounded in bytes (least
recently used out first) and in time (PAGE_CACHE_SECONDS), so it can never grow without end or
stay stale without end."""

import threading
import time
from collections import OrderedDict

from django.conf import settings


class ProcessMemory:
    """A small LRU store with a byte budget and a lifetime per entry. Thread-safe: the threads
    of one worker share it."""

    def __init__(self, max_bytes, seconds):
        self.max_bytes = max_bytes
        self.seconds = seconds
        self.entries = OrderedDict()  # key -> (value, size, expires_at)
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        """The value kept under `key`, or None when there is none or it expired."""
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return None
            if found[2] <= time.monotonic():
                self._remove(key)
                return None
            self.entries.move_to_end(key)
            return found[0]

    def put(self, key, value, size):
        with self.lock:
            if key in self.entries:
                self._remove(key)
            if size > self.max_bytes:
                return
            self.entries[key] = (value, size, time.monotonic() + self.seconds)
            self.size += size
            while self.size > self.max_bytes:
                oldest = next(iter(self.entries))
                self._remove(oldest)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _remove(self, key):
        self.size -= self.entries.pop(key)[1]


def from_settings():
    """A ProcessMemory sized and timed by the site's settings."""
    knobs = settings.ERVARING
    return ProcessMemory(knobs["PAGE_CACHE_LOCAL_BYTES"], knobs["PAGE_CACHE_SECONDS"])
