"""Shared fixtures. Helpers live in their own modules (loopback.py, spec_examples.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from loopback import LoopbackServer


@pytest.fixture
def atlas_server() -> Iterator[LoopbackServer]:
    """A started loopback HTTP server (see tests/loopback.py), shut down after the test."""
    with LoopbackServer() as server:
        yield server
