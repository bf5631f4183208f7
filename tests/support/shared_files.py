"""The read-only material in ../shared (upstream Atlas specs, the seed page), for tests that read it.

Without ../shared (a user's own clone) such a test skips with a one-line reason; with CI=true it fails
instead, because CI must run it."""

from __future__ import annotations

import lzma
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from generator.spec.plain_yaml import load_plain, load_plain_text
from support import SPEC_PATH, TOOLKIT

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


@cache
def _revision_sha(path: Path) -> str | None:
    """info.x-xgen-sha, the upstream commit that the full spec at `path` (plain or xz-compressed) was built from."""
    text = lzma.decompress(path.read_bytes()).decode("utf-8") if path.suffix == ".xz" else path.read_text("utf-8")
    info = text.find("\ninfo:\n")
    match = re.compile(r"^\s+x-xgen-sha: '?(\w+)'?$", re.MULTILINE).search(text, info) if info >= 0 else None
    return match.group(1) if match else None


def _followed_sha() -> str | None:
    """info.x-xgen-sha of the spec under test: the upstream revision it follows."""
    sha = load_plain(SPEC_PATH).get("info", {}).get("x-xgen-sha")
    return None if sha is None else str(sha)


def _decompressed(revision: Path, scratch: Path) -> Path:
    target = scratch / revision.name.removesuffix(".xz")
    target.write_bytes(lzma.decompress(revision.read_bytes()))
    return target


def upstream_the_spec_follows(scratch: Path) -> Path:
    """The full upstream spec in ../shared whose revision (info.x-xgen-sha) the spec under test follows: today's,
    or a history revision, decompressed into `scratch`. Skips when the spec follows none of them."""
    ours = _followed_sha()
    if ours is not None and _revision_sha(shared_file(CURRENT_UPSTREAM)) == ours:
        return CURRENT_UPSTREAM
    for revision in history_revisions():
        if ours is not None and _revision_sha(revision) == ours:
            return _decompressed(revision, scratch)
    pytest.skip(f"{SPEC_PATH} follows no upstream spec in {UPSTREAM} (x-xgen-sha {ours})")


def another_upstream(scratch: Path) -> Path:
    """A full upstream spec that the spec under test does not follow, as far from it as history goes: the oldest
    revision, or today's spec where the oldest is the one followed (decompressed into `scratch`)."""
    oldest = history_revisions()[0]
    if _revision_sha(oldest) == _followed_sha():
        return shared_file(CURRENT_UPSTREAM)
    return _decompressed(oldest, scratch)


def revision_name(path: Path) -> str:
    """'2026-01-14_673b89becd.yaml.xz' -> '2026-01-14'."""
    return path.name.split("_", 1)[0]
