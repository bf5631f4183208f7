"""Where caches live and how an entry is written and read back.

An entry is one file: a header line (format name and version), the SHA-256 of the payload, then the payload.
A read that finds anything else — a flipped byte, a truncated file, another version — answers None, so the
caller does the work instead; writes go to a temporary file renamed over the entry, so a reader never sees
half of one."""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

# Set to a directory to keep the caches there (tests point it at a temporary one); set to "off" to use none.
CACHE_DIR_VARIABLE = "STREAMS_CODEGEN_CACHE_DIR"
OFF = "off"
_APP = "streams-codegen"


def cache_dir() -> Path | None:
    """The caches' directory: $STREAMS_CODEGEN_CACHE_DIR, else $XDG_CACHE_HOME/streams-codegen, else
    ~/.cache/streams-codegen; None when caching is off."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE, "")
    if chosen == OFF:
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / _APP


class Store:
    """One kind of entry (`kind` names its folder and its format) in the cache directory, at most `keep` of
    them: writing one removes the least recently written beyond that."""

    def __init__(self, root: Path, kind: str, version: int, keep: int) -> None:
        self.folder = root / kind
        self._header = f"{_APP} {kind} v{version}\n".encode()
        self._keep = keep

    def path(self, key: str) -> Path:
        return self.folder / hashlib.sha256(key.encode()).hexdigest()

    def read(self, key: str) -> bytes | None:
        try:
            data = self.path(key).read_bytes()
        except OSError:
            return None
        header, _, rest = data.partition(b"\n")
        checksum, _, payload = rest.partition(b"\n")
        if header + b"\n" != self._header or checksum.decode("ascii", "replace") != _digest(payload):
            return None
        return payload

    def write(self, key: str, payload: bytes, prune: bool = True) -> None:
        """Best effort: a cache that cannot be written (read-only home, full disk) costs time, never a run.
        Without `prune`, the caller prunes once after writing many (each prune lists the whole folder)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.folder, prefix=".tmp-", delete=False) as file:
                file.write(self._header + _digest(payload).encode() + b"\n" + payload)
            os.replace(file.name, self.path(key))
            if prune:
                self.prune()
        except OSError as err:
            print(f"{self.folder}: cache not written ({err.strerror or err})", file=sys.stderr)

    def prune(self) -> None:
        """Remove the least recently written entries beyond `keep`."""
        try:
            with os.scandir(self.folder) as scan:
                entries = sorted(scan, key=_written, reverse=True)
            for stale in entries[self._keep :]:
                Path(stale.path).unlink(missing_ok=True)
        except OSError as err:
            print(f"{self.folder}: cache not pruned ({err.strerror or err})", file=sys.stderr)


def _written(entry: os.DirEntry[str]) -> int:
    try:
        return entry.stat().st_mtime_ns
    except OSError:  # removed meanwhile, by another run's prune: the oldest, as good as gone
        return 0


def _digest(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()
