"""Shared fixtures. Helpers live in their own modules (loopback.py, spec_examples.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from atlas_fakes import loopback_client
from loopback import LoopbackServer

if TYPE_CHECKING:
    from atlas_streams import Client


@pytest.fixture
def atlas_server() -> Iterator[LoopbackServer]:
    """A started loopback HTTP server (see tests/loopback.py), shut down after the test."""
    with LoopbackServer() as server:
        yield server


@pytest.fixture
def client(atlas_server: LoopbackServer) -> Iterator[Client]:
    """A client of `atlas_server` that makes one attempt per call: tests of retries build their own."""
    with loopback_client(atlas_server.url, retries=1) as client:
        yield client
