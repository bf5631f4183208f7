"""ruff's output for each generated Python file, so that a regeneration runs ruff only on the files that differ
from those of an earlier run: after a one-line spec edit, nearly all of the package's files come out of the
renderer byte for byte as before, and ruff's processes would otherwise compete with the docs for the cores.

An entry is keyed by everything ruff's output for a file depends on: the ruff binary (path, size, modification
time; its version is pinned), the commands and their options, the generated pyproject.toml (and a ruff.toml or
.ruff.toml, should a template layer add one) that holds the rules, the file's path in the project and its
content. Entries are checksummed (store.py): a damaged one is a miss."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from generator.cache.store import Store, cache_dir

_VERSION = 1
_KEEP = 4096  # every file of a few packages of a few hundred operations


class RuffOutputs:
    def __init__(self, store: Store, context: str) -> None:
        self._store = store
        self._context = context

    @classmethod
    def open(cls, ruff: str, commands: Sequence[Sequence[str]], rules: bytes) -> RuffOutputs | None:
        """The cache for this ruff, these commands and these rules (the contents of the project's ruff
        configuration files); None when caching is off."""
        root = cache_dir()
        if root is None:
            return None
        status = Path(ruff).stat()
        rules_digest = hashlib.sha256(rules).hexdigest()
        context = f"{ruff} {status.st_size} {status.st_mtime_ns}\n{list(map(list, commands))}\n{rules_digest}\n"
        return cls(Store(root, "ruff-outputs", _VERSION, _KEEP), context)

    def formatted(self, path: str, content: bytes) -> bytes | None:
        """What ruff made of `content` at `path` before; None when it has not seen it."""
        return self._store.read(self._key(path, content))

    def remember(self, outputs: Sequence[tuple[str, bytes, bytes]]) -> None:
        """(path, content before ruff, content after it) of each file ruff just ran on."""
        for path, content, formatted in outputs:
            self._store.write(self._key(path, content), formatted, prune=False)
        if outputs:
            self._store.prune()

    def _key(self, path: str, content: bytes) -> str:
        return f"{self._context}{path}\n{hashlib.sha256(content).hexdigest()}"
