"""A shared on-disk cache of compiled templates. Compiling the ~60 templates costs about a quarter of a
generation; Jinja keys each entry by template name and source checksum, so a changed template is never
served stale, and output does not depend on whether the cache was warm, or damaged (the entries are checksummed)."""

from __future__ import annotations

import sys

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from generator.cache.store import Store, cache_dir

# Compiled templates of one Environment set-up: about 60 today; room for team layers and old versions.
_KEEP = 1024


def bytecode_cache(purpose: str) -> BytecodeCache | None:
    """The cache in the caches' directory (generator.cache.store), or None where caching is off or no cache
    directory can be made.

    One folder per `purpose` (one per Environment set-up): Jinja's cache key is the template's name
    and source, not the Environment's settings (such as `finalize`) that the compiled code depends on."""
    base = cache_dir()
    if base is None:
        return None
    # Bytecode is specific to the Python and Jinja versions that compiled it.
    version = f"jinja-{jinja2.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    store = Store(base / version, purpose, 1, _KEEP)
    try:
        store.folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _StoredBytecode(store)


class _StoredBytecode(BytecodeCache):
    """Jinja's bytecode in checksummed entries: Jinja checks only its magic number and the source's checksum, and
    would unmarshal a damaged file (or fail on it) where the entry's own checksum makes it a miss."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def load_bytecode(self, bucket: Bucket) -> None:
        payload = self._store.read(bucket.key)
        if payload is not None:
            bucket.bytecode_from_string(payload)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store.write(bucket.key, bucket.bytecode_to_string())
