"""Shared fixtures. Helpers live in their own modules (loopback.py, spec_examples.py, project_copy.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback import LoopbackServer
from project_copy import copy_project


@pytest.fixture
def atlas_server() -> Iterator[LoopbackServer]:
    """A started loopback HTTP server (see tests/loopback.py), shut down after the test."""
    with LoopbackServer() as server:
        yield server


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throw-away copy of this project (tests/project_copy.py) as the working directory."""
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path
