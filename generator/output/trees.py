"""Output trees as data: reading one without ever following a symbolic link, comparing two, and the
unified diff between them."""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import CodegenError

# Produced by using the package (tests import it), never by the generator.
_IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}

# O_NOFOLLOW: a symbolic link fails to open instead of being followed, so that no check-then-open race can
# slip one in. O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
_DIRECTORY_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK

FOREIGN_ENTRY_HINT = "the output holds only what generate writes: delete it, then run generate"
# A generated package is a few directories deep; a deeper tree is not ours, and reading it would hold one open
# directory per level.
MAX_DEPTH = 32

Tree = dict[str, bytes]


def read_tree(root: Path) -> Tree:
    """Every regular file under `root` by its POSIX relative path; empty when `root` does not exist.

    A symbolic link anywhere (`root` itself included) is reported and never followed: the files are printed
    in diffs, and a link to /proc/self/environ would print the environment. Anything else that is not a
    regular file or directory (a FIFO, a device) is refused too."""
    try:
        root_fd = os.open(root, _DIRECTORY_FLAGS)
    except FileNotFoundError:
        return {}
    except OSError as err:
        raise _unreadable(root, err, FOREIGN_ENTRY_HINT) from None
    files: Tree = {}
    try:
        for relative, content in _files_below(root, root_fd, ()):
            files["/".join(relative)] = content
    finally:
        os.close(root_fd)
    return dict(sorted(files.items()))


def _files_below(root: Path, directory_fd: int, parts: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], bytes]]:
    with os.scandir(directory_fd) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name in _IGNORED_PARTS:
            continue
        relative = (*parts, entry.name)
        where = root.joinpath(*relative)
        if len(relative) > MAX_DEPTH:
            raise CodegenError(f"more than {MAX_DEPTH} directories deep, not read", where, hint=FOREIGN_ENTRY_HINT)
        if entry.is_symlink():
            raise CodegenError("symbolic link in the output, not followed", where, hint=FOREIGN_ENTRY_HINT)
        if entry.is_dir(follow_symlinks=False):
            child_fd = _open(where, entry.name, _DIRECTORY_FLAGS, directory_fd)
            try:
                yield from _files_below(root, child_fd, relative)
            finally:
                os.close(child_fd)
        elif entry.is_file(follow_symlinks=False):
            yield relative, _read_open_file(where, _open(where, entry.name, _FILE_FLAGS, directory_fd))
        else:
            raise CodegenError("neither a regular file nor a directory, not read", where, hint=FOREIGN_ENTRY_HINT)


def read_regular_file(path: Path) -> bytes:
    """The bytes of `path`, which must be a regular file and not a symbolic link."""
    try:
        fd = os.open(path, _FILE_FLAGS)
    except OSError as err:
        raise _unreadable(path, err, "put the file itself there, not a link to it") from None
    return _read_open_file(path, fd)


def _open(where: Path, name: str, flags: int, directory_fd: int) -> int:
    try:
        return os.open(name, flags, dir_fd=directory_fd)
    except OSError as err:  # replaced by a link since the directory was listed
        raise _unreadable(where, err, FOREIGN_ENTRY_HINT) from None


def _read_open_file(where: Path, fd: int) -> bytes:
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise CodegenError("neither a regular file nor a directory, not read", where, hint=FOREIGN_ENTRY_HINT)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as err:
        raise CodegenError(f"cannot read: {err.strerror}", where) from None
    finally:
        os.close(fd)


def _unreadable(path: Path, err: OSError, hint: str) -> CodegenError:
    if os.path.islink(path):
        return CodegenError("symbolic link, not followed", path, hint=hint)
    return CodegenError(f"cannot read: {err.strerror}", path)


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
