"""The operation with a request body over real HTTP, against the loopback server of tests/support/loopback.py."""

from __future__ import annotations

import asyncio
from http import HTTPStatus
from typing import Any

import httpx
import pytest
from atlas_streams.client import Client
from atlas_streams.errors import AtlasApiError
from support.atlas_fakes import ATLAS_ACCEPT, ATLAS_MEDIA_TYPE, GROUP_ID, STREAMS_PATH
from support.generated_client import body_model, operation, success_model
from support.loopback import CannedResponse, LoopbackServer
from support.spec_examples import (
    body_operation,
    documented_error_statuses,
    request_example,
    response_example,
    response_media_type,
)

# envelope and pretty are sent only when the caller passes them.
EXPECTED_QUERY: list[tuple[str, str]] = []
TIMEOUT = httpx.Timeout(10.0)


def documented_response(status: int) -> CannedResponse:
    return CannedResponse.json(status, response_example(status), content_type=response_media_type(status))


def create_from_request_example(client: Client) -> Any:
    return operation.sync_detailed(group_id=GROUP_ID, body=body_model().from_dict(request_example()), client=client)


def test_sends_the_operations_method_to_its_path(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200))

    create_from_request_example(client)

    (request,) = atlas_server.requests
    assert request.method == body_operation().method.upper()
    assert request.path_only == STREAMS_PATH
    assert request.query == EXPECTED_QUERY


def test_accepts_the_versioned_media_type_first_and_sends_it_as_content_type(
    atlas_server: LoopbackServer, client: Client
) -> None:
    atlas_server.respond(documented_response(200))

    create_from_request_example(client)

    (request,) = atlas_server.requests
    assert request.headers.get_all("Accept") == [ATLAS_ACCEPT]
    assert request.headers.get_all("Content-Type") == [ATLAS_MEDIA_TYPE]


def test_sends_the_request_example_as_json_body(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200))

    create_from_request_example(client)

    (request,) = atlas_server.requests
    assert request.json() == request_example()


def test_sends_a_response_model_without_its_read_only_fields(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200))

    operation.sync_detailed(group_id=GROUP_ID, body=body_model().from_dict(response_example(200)), client=client)

    (request,) = atlas_server.requests
    assert request.json() == request_example()


def test_sync_parses_the_200_example_into_the_success_model(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200))

    tenant = operation.sync(group_id=GROUP_ID, body=body_model().from_dict(request_example()), client=client)

    assert isinstance(tenant, success_model())
    assert tenant.to_dict() == response_example(200)


def test_asyncio_parses_the_200_example_into_the_success_model(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))

    async def create() -> Any:
        # The httpx.AsyncClient belongs to this event loop, so open and close it inside it.
        async with Client(base_url=atlas_server.url, timeout=TIMEOUT) as client:
            return await operation.asyncio(
                group_id=GROUP_ID, body=body_model().from_dict(request_example()), client=client
            )

    tenant = asyncio.run(create())

    assert isinstance(tenant, success_model())
    assert tenant.to_dict() == response_example(200)
    (request,) = atlas_server.requests
    assert (request.method, request.path_only) == (body_operation().method.upper(), STREAMS_PATH)
    assert request.json() == request_example()


@pytest.mark.parametrize("status", documented_error_statuses())
def test_documented_error_status_is_kept_as_a_typed_error_by_sync_detailed(
    atlas_server: LoopbackServer, client: Client, status: int
) -> None:
    atlas_server.respond(documented_response(status))

    response = operation.sync_detailed(group_id=GROUP_ID, body=body_model().from_dict(request_example()), client=client)

    assert response.status_code == HTTPStatus(status)
    assert response.parsed is None
    assert isinstance(response.error, AtlasApiError)
    assert response.error.api_error is not None
    assert response.error.api_error.to_dict() == response_example(status)
