"""Shared fixtures. Helpers live in tests/support/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from support.atlas_fakes import loopback_client
from support.contract import shared_contract
from support.loopback import LoopbackServer
from support.project_copy import copy_project

if TYPE_CHECKING:
    from atlas_streams import Client


@pytest.fixture(scope="session")
def session_caches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("caches")


@pytest.fixture(autouse=True)
def own_caches(session_caches: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite keeps its caches to itself, neither reading nor filling the user's (docs/benchmarks.md)."""
    monkeypatch.setenv("STREAMS_CODEGEN_CACHE_DIR", str(session_caches))


@pytest.fixture
def caches(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of the test's own, in use (STREAMS_CODEGEN_CACHE_DIR)."""
    folder = tmp_path_factory.mktemp("caches")
    monkeypatch.setenv("STREAMS_CODEGEN_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throw-away copy of the project (tests/support/project_copy.py), made the working directory."""
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def atlas_server(request: pytest.FixtureRequest) -> Iterator[LoopbackServer]:
    """A started loopback HTTP server (see tests/support/loopback.py), shut down after the test.

    Every exchange with it is checked against the API contract (tests/support/contract.py), and a violation fails the
    test at teardown, unless the test is marked `off_contract` because it breaks the contract on purpose."""
    off_contract = request.node.get_closest_marker("off_contract") is not None
    with LoopbackServer(contract=None if off_contract else shared_contract().violations) as server:
        yield server
    assert not server.contract_violations, "the exchange broke the API contract:\n" + "\n".join(
        server.contract_violations
    )


@pytest.fixture
def client(atlas_server: LoopbackServer) -> Iterator[Client]:
    """A client of `atlas_server` that makes one attempt per call: tests of retries build their own."""
    with loopback_client(atlas_server.url, retries=1) as client:
        yield client
