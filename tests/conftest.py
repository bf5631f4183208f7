"""Shared fixtures. Helpers live in their own modules (loopback.py, contract.py, spec_examples.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from contract import shared_contract
from loopback import LoopbackServer


@pytest.fixture
def atlas_server(request: pytest.FixtureRequest) -> Iterator[LoopbackServer]:
    """A started loopback HTTP server (see tests/loopback.py), shut down after the test.

    Every exchange with it is checked against the API contract (tests/contract.py), and a violation fails the
    test at teardown, unless the test is marked `off_contract` because it breaks the contract on purpose."""
    off_contract = request.node.get_closest_marker("off_contract") is not None
    with LoopbackServer(contract=None if off_contract else shared_contract().violations) as server:
        yield server
    assert not server.contract_violations, "the exchange broke the API contract:\n" + "\n".join(
        server.contract_violations
    )
