"""The read-only material in ../shared (upstream Atlas specs, the seed page), for tests that read it.

Without ../shared (a user's own clone) such a test skips with a one-line reason; with CI=true it fails
instead, because CI must run it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import ROOT

REPO_ROOT = ROOT
SHARED = REPO_ROOT.parent / "shared"
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
