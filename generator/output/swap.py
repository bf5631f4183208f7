"""Putting a new output tree in place of the old one, one run at a time, safe against a kill at any instant.

Linux has no atomic exchange of two directories that the standard library offers, so the swap is two
renames, and the names it leaves tell the next run what happened:

1. the old tree is renamed to the backup name (`.<output>.streams-codegen-old`);
2. the new tree, built beside the output, is renamed to the output's name;
3. the backup is renamed to a temporary name, and then deleted.

A kill after 1 and before 2 leaves no output but a complete backup; any later kill leaves the new tree
in place. So every run that reads the output first takes the lock and then repairs: a backup without an
output is renamed back, a backup beside an output is discarded, and the temporary directories of
interrupted runs (`.<output>.streams-codegen-tmp-*`) are deleted. The lock (`.<output>.streams-codegen-lock`,
`fcntl.flock`) makes a second run wait for the first. Nothing here follows a symbolic link.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.errors import CodegenError

# Every name this module leaves beside the output contains it (.gitignore covers `.*.streams-codegen-*`).
TAG = "streams-codegen"


@dataclass(frozen=True)
class OutputPlace:
    """The output directory and the names its swap uses beside it."""

    target: Path

    @property
    def backup(self) -> Path:
        return self._beside("old")

    @property
    def lock(self) -> Path:
        return self._beside("lock")

    def new_temporary_name(self) -> Path:
        return self._beside(f"tmp-{secrets.token_hex(6)}")

    def is_temporary(self, name: str) -> bool:
        """Whether `name`, beside the output, is a temporary name of ours, or one that versions before the crash-safe
        swap left (`.<output>-<8 characters>` of tempfile, `.<output>.old`)."""
        ours = rf"\.{re.escape(self.target.name)}\.{TAG}-tmp-[0-9a-f]+"
        earlier = rf"\.{re.escape(self.target.name)}(-[a-z0-9_]{{8}}|\.old)"
        return re.fullmatch(ours, name) is not None or re.fullmatch(earlier, name) is not None

    def _beside(self, suffix: str) -> Path:
        return self.target.with_name(f".{self.target.name}.{TAG}-{suffix}")


def _fault_point(step: str) -> None:
    """Called before each filesystem step of a swap or repair; the crash tests replace it with a kill."""


@contextlib.contextmanager
def locked_output(target: Path, on_wait: Callable[[], None]) -> Iterator[OutputPlace]:
    """The output's place, held exclusively, repaired and cleaned of what interrupted runs left."""
    place = OutputPlace(target)
    _make_directories(target.parent)
    try:
        lock = os.open(place.lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as err:
        raise filesystem_error("cannot open the lock file", place.lock, err) from None
    try:
        _acquire(lock, on_wait)
        repair(place)
        yield place
    finally:
        os.close(lock)  # releases the lock


def _acquire(lock: int, on_wait: Callable[[], None]) -> None:
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        on_wait()
        fcntl.flock(lock, fcntl.LOCK_EX)


def repair(place: OutputPlace) -> None:
    """Undo what an interrupted run left: restore the old tree if no tree is in place, then delete the rest."""
    try:
        if os.path.lexists(place.backup):
            # Only a real directory is a tree we set aside; a link there is not ours to restore.
            if os.path.lexists(place.target) or place.backup.is_symlink() or not place.backup.is_dir():
                _discard(place.backup, place)
            else:
                _fault_point("restore the old tree")
                os.rename(place.backup, place.target)
        for entry in sorted(os.listdir(place.target.parent)):
            if place.is_temporary(entry):
                _fault_point("delete a leftover temporary directory")
                remove(place.target.parent / entry)
    except OSError as err:
        raise filesystem_error("cannot clean up after an interrupted run", place.target.parent, err) from None


def new_scratch(place: OutputPlace) -> Path:
    """A new empty directory beside the output, on its filesystem, so that moving it in is a rename."""
    scratch = place.new_temporary_name()
    try:
        os.mkdir(scratch, 0o755)
    except OSError as err:
        raise filesystem_error("cannot create a directory beside the output", scratch, err) from None
    return scratch


def swap_in(new: Path, place: OutputPlace) -> None:
    """Put the tree `new` (on the output's filesystem) where the output is."""
    replacing = os.path.lexists(place.target)
    if replacing:
        _fault_point("move the old tree aside")
        os.rename(place.target, place.backup)
    _fault_point("move the new tree in")
    os.rename(new, place.target)
    if replacing:
        _discard(place.backup, place)


def _discard(path: Path, place: OutputPlace) -> None:
    # Renamed first, so that the backup name only ever holds a whole tree: a kill while deleting leaves a
    # temporary name, which the next run deletes.
    _fault_point("rename the old tree to a temporary name")
    trash = place.new_temporary_name()
    os.rename(path, trash)
    _fault_point("delete the old tree")
    remove(trash)


def remove(path: Path) -> None:
    """Delete `path`: a link or file itself, a directory with everything in it (shutil.rmtree follows no link)."""
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path)


def _make_directories(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise filesystem_error("cannot create the output's parent directory", directory, err) from None


def filesystem_error(what: str, path: Path | str | None, err: OSError) -> CodegenError:
    """An OSError of the filesystem (full, read-only, no permission) as one line naming the path."""
    return CodegenError(f"{what}: {err.strerror or err}", path, hint=_HINTS.get(err.errno or 0))


_WRITABLE = "make the directory writable, or set output to a directory you can write"
_HINTS = {
    errno.EACCES: _WRITABLE,
    errno.EPERM: _WRITABLE,
    errno.EROFS: "the filesystem is read-only: set output to a directory on a writable one",
    errno.ENOSPC: "the disk is full: free some space, then run again",
    errno.EDQUOT: "the disk quota is used up: free some space, then run again",
    errno.ENAMETOOLONG: "a name in the spec makes a file name too long: shorten it",
}
