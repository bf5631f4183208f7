"""create_stream_workspace over real HTTP, against the loopback server of tests/support/loopback.py."""

from __future__ import annotations

import asyncio
from http import HTTPStatus

import httpx
import pytest
from atlas_streams.api.streams import create_stream_workspace
from atlas_streams.client import Client
from atlas_streams.errors import AtlasApiError
from atlas_streams.models import StreamsTenant
from atlas_streams.types import Response
from support.atlas_fakes import ATLAS_ACCEPT
from support.loopback import CannedResponse, LoopbackServer
from support.spec_examples import documented_error_statuses, request_example, response_example, response_media_type

# Only the generated client and tests/support's fakes: these also run against the built wheel (test_release.py).
pytestmark = pytest.mark.client

GROUP_ID = "32b6e34b3d91647abb20e7b8"
ATLAS_MEDIA_TYPE = "application/vnd.atlas.2023-02-01+json"
# envelope and pretty are sent only when the caller passes them.
EXPECTED_QUERY: list[tuple[str, str]] = []
TIMEOUT = httpx.Timeout(10.0)


def documented_response(status: int) -> CannedResponse:
    return CannedResponse.json(status, response_example(status), content_type=response_media_type(status))


def create_from_request_example(client: Client) -> Response[StreamsTenant]:
    return create_stream_workspace.sync_detailed(
        group_id=GROUP_ID, body=StreamsTenant.from_dict(request_example()), client=client
    )


def test_sends_post_to_the_group_streams_path(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200))

    create_from_request_example(client)

    (request,) = atlas_server.requests
    assert request.method == "POST"
    assert request.path_only == f"/api/atlas/v2/groups/{GROUP_ID}/streams"
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

    create_stream_workspace.sync_detailed(
        group_id=GROUP_ID, body=StreamsTenant.from_dict(response_example(200)), client=client
    )

    (request,) = atlas_server.requests
    assert request.json() == request_example()


def test_sync_parses_the_200_example_into_streams_tenant(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200))

    tenant = create_stream_workspace.sync(
        group_id=GROUP_ID, body=StreamsTenant.from_dict(request_example()), client=client
    )

    assert isinstance(tenant, StreamsTenant)
    assert tenant.to_dict() == response_example(200)


def test_asyncio_parses_the_200_example_into_streams_tenant(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))

    async def create() -> StreamsTenant:
        # The httpx.AsyncClient belongs to this event loop, so open and close it inside it.
        async with Client(base_url=atlas_server.url, timeout=TIMEOUT) as client:
            return await create_stream_workspace.asyncio(
                group_id=GROUP_ID, body=StreamsTenant.from_dict(request_example()), client=client
            )

    tenant = asyncio.run(create())

    assert isinstance(tenant, StreamsTenant)
    assert tenant.to_dict() == response_example(200)
    (request,) = atlas_server.requests
    assert (request.method, request.path_only) == ("POST", f"/api/atlas/v2/groups/{GROUP_ID}/streams")
    assert request.json() == request_example()


@pytest.mark.parametrize("status", documented_error_statuses())
def test_documented_error_status_is_kept_as_a_typed_error_by_sync_detailed(
    atlas_server: LoopbackServer, client: Client, status: int
) -> None:
    atlas_server.respond(documented_response(status))

    response = create_stream_workspace.sync_detailed(
        group_id=GROUP_ID, body=StreamsTenant.from_dict(request_example()), client=client
    )

    assert response.status_code == HTTPStatus(status)
    assert response.parsed is None
    assert isinstance(response.error, AtlasApiError)
    assert response.error.api_error is not None
    assert response.error.api_error.to_dict() == response_example(status)
