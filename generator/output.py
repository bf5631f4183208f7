"""Output trees: reading them, comparing them, and swapping a new one in so that a failure never
leaves a half-written `generated/` and no stale file survives a success."""

from __future__ import annotations

import difflib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

# Produced by using the package (tests import it), never by the generator.
_IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}

Tree = dict[str, bytes]


def read_tree(root: Path) -> Tree:
    """Every file under `root` by its POSIX relative path; empty when `root` does not exist."""
    if not root.is_dir():
        return {}
    files: Tree = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not _IGNORED_PARTS.intersection(relative.parts):
            files[relative.as_posix()] = path.read_bytes()
    return files


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed"


def compare(old: Tree, new: Tree) -> Changes:
    return Changes(
        added=sorted(set(new) - set(old)),
        changed=sorted(name for name in set(old) & set(new) if old[name] != new[name]),
        removed=sorted(set(old) - set(new)),
    )


def unified_diff(old: Tree, new: Tree, changes: Changes, label: str) -> str:
    """A `git diff`-style patch from the committed tree (a/) to the regenerated one (b/)."""
    chunks: list[str] = []
    for name in sorted(changes.added + changes.changed + changes.removed):
        before = _lines(old.get(name))
        after = _lines(new.get(name))
        source = f"a/{label}/{name}" if name in old else "/dev/null"
        target = f"b/{label}/{name}" if name in new else "/dev/null"
        chunks.extend(difflib.unified_diff(before, after, source, target))
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in chunks)


def _lines(content: bytes | None) -> list[str]:
    if content is None:
        return []
    return content.decode("utf-8", errors="replace").splitlines(keepends=True)


def replace_directory(new: Path, target: Path) -> None:
    """Put `new` where `target` is. Both must be on one filesystem, so each rename is atomic."""
    backup = target.with_name(f".{target.name}.old")
    if backup.exists():
        shutil.rmtree(backup)
    if target.exists():
        os.replace(target, backup)
    try:
        os.replace(new, target)
    except OSError:
        if backup.exists():
            os.replace(backup, target)
        raise
    if backup.exists():
        shutil.rmtree(backup)
