"""The read-only material in ../shared (upstream Atlas specs, the seed page), for tests that read it.

Without ../shared (a user's own clone) such a test skips with a one-line reason; with CI=true it fails
instead, because CI must run it."""

from __future__ import annotations

import lzma
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from generator.spec.plain_yaml import load_plain_text
from support import TOOLKIT

SHARED = TOOLKIT.parent / "shared"  # beside this checkout, whichever project is under test
UPSTREAM = SHARED / "upstream"
CURRENT_UPSTREAM = UPSTREAM / "atlas-admin-v2.multi-version.yaml"  # today's full spec, all versions
OLDER_UPSTREAM = UPSTREAM / "atlas-sdk-go.atlas-api.2025-06-30.yaml"  # mid-2025, "Stream Instance" era


def shared_file(path: Path) -> Path:
    if path.is_file():
        return path
    folder = path.parent.relative_to(SHARED.parent)
    reason = f"../{folder} not present: {path} is missing (run inside the project workspace)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI=true, so this must not be skipped")
    pytest.skip(reason)


HISTORY = UPSTREAM / "history"  # real revisions of the full upstream spec, oldest first by name


def history_revisions() -> list[Path]:
    """The compressed revisions in ../shared/upstream/history/, oldest first (skips or fails as shared_file)."""
    shared_file(HISTORY / "SOURCE.md")
    return sorted(HISTORY.glob("*.yaml.xz"))


@cache
def load_revision(path: Path) -> dict[str, Any]:
    """A revision's full upstream spec as plain data (read once per test session)."""
    data: dict[str, Any] = load_plain_text(lzma.decompress(path.read_bytes()).decode("utf-8"), path)
    return data


def revision_name(path: Path) -> str:
    """'2026-01-14_673b89becd.yaml.xz' -> '2026-01-14'."""
    return path.name.split("_", 1)[0]
