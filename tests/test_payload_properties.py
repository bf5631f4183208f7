"""Property tests over payloads generated from the spec's schemas (tests/support/payloads.py): the StreamsTenant model
gives back exactly what it read, and whatever request payload the client is given, what it sends keeps the
API contract (tests/support/contract.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from atlas_streams._serialization import to_request_dict
from atlas_streams.api.streams import create_stream_workspace
from atlas_streams.client import Client
from atlas_streams.models import StreamsTenant
from hypothesis import given, settings
from support import SPEC_PATH
from support.atlas_fakes import GROUP_ID, STREAMS_PATH, documented_response
from support.contract import shared_contract
from support.loopback import LoopbackServer
from support.payloads import REQUEST, RESPONSE, payloads

from generator.spec.loading import load_spec
from generator.spec.schema_facts import discriminators

# Enough to meet every subtype and optional property many times over, few enough for a fast suite.
EXAMPLES = settings(max_examples=50, deadline=None)
# discriminator value -> class name (the generated classes keep the schema names)
CONNECTION_SUBTYPES = discriminators(load_spec(SPEC_PATH).data)["StreamsConnection"].mapping


@EXAMPLES
@given(payloads("StreamsTenant", REQUEST))
def test_a_request_payload_round_trips_through_streams_tenant(payload: dict[str, Any]) -> None:
    assert StreamsTenant.from_dict(payload).to_dict() == payload


@EXAMPLES
@given(payloads("StreamsTenant", RESPONSE))
def test_a_response_payload_round_trips_through_streams_tenant(payload: dict[str, Any]) -> None:
    assert StreamsTenant.from_dict(payload).to_dict() == payload


@EXAMPLES
@given(payloads("StreamsConnection", RESPONSE))
def test_a_connection_of_every_subtype_round_trips_as_that_subtype(connection: dict[str, Any]) -> None:
    # A whole tenant rarely holds many subtypes in 50 examples; one connection at a time meets them all.
    tenant = StreamsTenant.from_dict({"connections": [connection]})

    assert tenant.to_dict() == {"connections": [connection]}
    assert isinstance(tenant.connections, list)
    assert type(tenant.connections[0]).__name__ == CONNECTION_SUBTYPES[connection["type"]]


@EXAMPLES
@given(payloads("StreamsTenant", REQUEST))
def test_the_request_serialization_of_a_request_payload_is_the_payload(payload: dict[str, Any]) -> None:
    assert to_request_dict(StreamsTenant.from_dict(payload)) == payload


@pytest.fixture(scope="module")
def contract_checked_api() -> Iterator[tuple[LoopbackServer, Client]]:
    """One server and client for all examples (Hypothesis runs many per test); every request answered 200."""
    with LoopbackServer(contract=shared_contract().violations) as server:
        server.route(STREAMS_PATH, lambda request: documented_response(200))
        with Client(base_url=server.url, timeout=httpx.Timeout(10.0), retries=1) as client:
            yield server, client


@EXAMPLES
@given(payload=payloads("StreamsTenant", REQUEST))
def test_the_client_sends_every_request_payload_within_the_contract(
    contract_checked_api: tuple[LoopbackServer, Client], payload: dict[str, Any]
) -> None:
    server, client = contract_checked_api
    model = StreamsTenant.from_dict(payload)

    response = create_stream_workspace.sync_detailed(group_id=GROUP_ID, body=model, client=client)

    assert response.status_code == 200
    assert server.requests[-1].json() == to_request_dict(model)
    assert server.contract_violations == []
