"""Property tests over payloads generated from the spec's schemas (tests/support/payloads.py): the models of the
request and success bodies give back exactly what they read, and whatever request payload the client is given,
what it sends keeps the API contract (tests/support/contract.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from atlas_streams._serialization import to_request_dict
from atlas_streams.client import Client
from hypothesis import given, settings
from hypothesis import strategies as st
from support.atlas_fakes import GROUP_ID, STREAMS_PATH, documented_response
from support.contract import shared_contract
from support.generated_client import attribute, body_model, model_class, operation, success_model
from support.loopback import LoopbackServer
from support.payloads import REQUEST, RESPONSE, payloads
from support.spec_examples import (
    discriminated_list,
    request_schema_name,
    response_media,
    response_schema_name,
    spec_data,
    success_status,
)

from generator.spec.schema_facts import discriminators

# Enough to meet every subtype and optional property many times over, few enough for a fast suite.
EXAMPLES = settings(max_examples=50, deadline=None)
# Built when a test first draws from them: the schemas are the spec's, read at run time, not at collection.
REQUEST_PAYLOADS = st.deferred(lambda: payloads(request_schema_name(), REQUEST))
RESPONSE_PAYLOADS = st.deferred(lambda: payloads(response_schema_name(success_status()), RESPONSE))


def listed_union() -> tuple[str, str]:
    """(property, union) of the discriminated union that the success body lists, such as its connections."""
    return discriminated_list(response_media(success=True)[1]["schema"])


UNION_PAYLOADS = st.deferred(lambda: payloads(listed_union()[1], RESPONSE))


@EXAMPLES
@given(REQUEST_PAYLOADS)
def test_a_request_payload_round_trips_through_the_body_model(payload: dict[str, Any]) -> None:
    assert body_model().from_dict(payload).to_dict() == payload


@EXAMPLES
@given(RESPONSE_PAYLOADS)
def test_a_response_payload_round_trips_through_the_success_model(payload: dict[str, Any]) -> None:
    assert success_model().from_dict(payload).to_dict() == payload


@EXAMPLES
@given(UNION_PAYLOADS)
def test_a_listed_union_member_of_every_subtype_round_trips_as_that_subtype(member: dict[str, Any]) -> None:
    # A whole body rarely holds many subtypes in 50 examples; one member at a time meets them all.
    name, union = listed_union()
    discriminator = discriminators(spec_data())[union]

    parsed = success_model().from_dict({name: [member]})

    assert parsed.to_dict() == {name: [member]}
    (item,) = getattr(parsed, attribute(name))
    assert type(item) is model_class(discriminator.mapping[member[discriminator.property_name]])


@EXAMPLES
@given(REQUEST_PAYLOADS)
def test_the_request_serialization_of_a_request_payload_is_the_payload(payload: dict[str, Any]) -> None:
    assert to_request_dict(body_model().from_dict(payload)) == payload


@pytest.fixture(scope="module")
def contract_checked_api() -> Iterator[tuple[LoopbackServer, Client]]:
    """One server and client for all examples (Hypothesis runs many per test); every request answered 200."""
    with LoopbackServer(contract=shared_contract().violations) as server:
        server.route(STREAMS_PATH, lambda request: documented_response(200))
        with Client(base_url=server.url, timeout=httpx.Timeout(10.0), retries=1) as client:
            yield server, client


@EXAMPLES
@given(payload=REQUEST_PAYLOADS)
def test_the_client_sends_every_request_payload_within_the_contract(
    contract_checked_api: tuple[LoopbackServer, Client], payload: dict[str, Any]
) -> None:
    server, client = contract_checked_api
    model = body_model().from_dict(payload)

    response = operation.sync_detailed(group_id=GROUP_ID, body=model, client=client)

    assert response.status_code == 200
    assert server.requests[-1].json() == to_request_dict(model)
    assert server.contract_violations == []
