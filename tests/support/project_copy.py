"""A throw-away copy of the project under test, so tests can break its inputs and watch what the CLI does."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from support import ROOT

# Everything generation reads or writes: docs/i18n holds the untranslated lists that it writes with the package.
COPIED = ("pyproject.toml", "spec", "templates", "generated", "docs/i18n")


def copy_project(destination: Path, parts: Iterable[str] = COPIED) -> Path:
    """Copy `parts` of the project (by default all that generation reads and writes) into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in parts:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, destination / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules")
            )
        else:
            shutil.copy2(source, destination / name)
    return destination
