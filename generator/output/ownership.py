"""Which directories `generate` may replace: one it does not find, an empty one, or one it wrote before,
which carries the marker file at its top. Anything else holds someone's files, and replacing it would
delete them."""

from __future__ import annotations

import os
from pathlib import Path

from generator.errors import CodegenError
from generator.output.trees import read_regular_file

# Written by every generation at the top of its output and committed with it; the generated package's build
# configuration leaves it out (templates/pyproject.toml.jinja).
MARKER = ".streams-codegen-output"
MARKER_TEXT = (
    b"This directory is written by `streams-codegen generate`, which replaces all of it on every run.\n"
    b"Change the spec or the templates instead of these files.\n"
)


def write_marker(out_dir: Path) -> None:
    (out_dir / MARKER).write_bytes(MARKER_TEXT)


def refuse_foreign(directory: Path) -> None:
    """CodegenError unless `generate` may replace `directory` (see the module's docstring)."""
    if not os.path.lexists(directory) or _is_owned(directory):
        return
    if directory.is_symlink():
        raise CodegenError(
            "the output directory is a symbolic link, not followed",
            directory,
            hint="set output to a real directory, or delete the link",
        )
    if not directory.is_dir():
        raise CodegenError("the output is not a directory", directory, hint="set output to a directory of its own")
    raise CodegenError(
        f"the output directory is not empty and streams-codegen did not write it (no {MARKER})",
        directory,
        hint="set output to a new or empty directory: generate replaces all of it",
    )


def _is_owned(directory: Path) -> bool:
    if directory.is_symlink() or not directory.is_dir():
        return False
    if not any(directory.iterdir()):
        return True
    marker = directory / MARKER
    if marker.is_symlink() or not marker.is_file():
        return False
    return read_regular_file(marker) == MARKER_TEXT
