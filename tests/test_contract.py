"""The contract checks of tests/support/contract.py catch what breaks the API contract, and let the rest through.

Each exchange here is hand-made with plain httpx against a LoopbackServer that checks its contract, so these
tests prove the checker that the `atlas_server` fixture applies to every client test.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
from support.atlas_fakes import ATLAS_MEDIA_TYPE, GROUP_ID, STREAMS_PATH, TOKEN_PATH, documented_response, raw
from support.contract import shared_contract
from support.loopback import CannedResponse, LoopbackServer
from support.spec_examples import request_example, response_example

NO_HEADER = None


def exchange(
    *,
    path: str = STREAMS_PATH,
    content_type: str = ATLAS_MEDIA_TYPE,
    accept: str | None = ATLAS_MEDIA_TYPE,
    body: Any = None,
    response: CannedResponse | None = None,
) -> list[str]:
    """POST `body` (default: the request example) and answer with `response` (default: the 200 example);
    returns the contract violations the server saw."""
    with LoopbackServer(contract=shared_contract().violations) as server:
        server.respond(response or documented_response(200))
        with httpx.Client() as http:
            del http.headers["Accept"]  # httpx sends Accept: */* unless told otherwise
            headers = {"Content-Type": content_type} | ({"Accept": accept} if accept is not None else {})
            payload = request_example() if body is None else body
            http.post(server.url + path, content=json.dumps(payload).encode(), headers=headers)
    return server.contract_violations


def test_the_documented_exchange_keeps_the_contract() -> None:
    assert exchange() == []


def test_a_wrong_content_type_breaks_the_contract() -> None:
    assert exchange(content_type="application/json") == [
        f"POST {STREAMS_PATH}: request: Content for the following mimetype not found: application/json. "
        f"Valid mimetypes: ['{ATLAS_MEDIA_TYPE}']"
    ]


def test_a_missing_accept_breaks_the_contract() -> None:
    assert exchange(accept=NO_HEADER) == [
        f"POST {STREAMS_PATH}: request: no Accept header; Atlas picks the API version from it ({ATLAS_MEDIA_TYPE})"
    ]


def test_an_accept_without_the_versioned_media_type_breaks_the_contract() -> None:
    assert exchange(accept="application/json") == [
        f"POST {STREAMS_PATH}: request: Accept 'application/json' asks for none of {ATLAS_MEDIA_TYPE}"
    ]


def test_a_read_only_field_in_the_body_breaks_the_contract() -> None:
    body = request_example() | {"groupId": GROUP_ID}

    assert exchange(body=body) == [
        f"POST {STREAMS_PATH}: request body $.groupId: Tried to write read-only property with {GROUP_ID}"
    ]


def test_a_malformed_group_id_breaks_the_contract() -> None:
    path = "/api/atlas/v2/groups/not-a-group/streams"

    assert exchange(path=path) == [
        f"POST {path}: request parameter groupId $: 'not-a-group' does not match '^([a-f0-9]{{24}})$'"
    ]


def test_an_unknown_atlas_path_breaks_the_contract() -> None:
    path = f"/api/atlas/v2/groups/{GROUP_ID}/stream"

    assert exchange(path=path) == [f"POST {path}: request: Path not found for https://cloud.mongodb.com{path}"]


def test_a_write_only_field_in_a_response_breaks_the_contract() -> None:
    tenant = response_example(200)
    tenant["connections"] = [{"type": "Kafka", "name": "k", "authentication": {"password": "secret"}}]
    response = CannedResponse.json(200, tenant, content_type=ATLAS_MEDIA_TYPE)

    assert exchange(response=response) == [
        f"POST {STREAMS_PATH}: response 200 body $.connections[0].authentication.password: "
        "Tried to read write-only property with secret"
    ]


def test_a_documented_response_under_another_media_type_breaks_the_contract() -> None:
    response = CannedResponse.json(200, response_example(200), content_type="application/json")

    assert exchange(response=response) == [
        f"POST {STREAMS_PATH}: response 200: Content for the following mimetype not found: application/json. "
        f"Valid mimetypes: ['{ATLAS_MEDIA_TYPE}']"
    ]


def test_an_error_body_that_is_not_an_api_error_breaks_the_contract() -> None:
    response = CannedResponse.json(404, {"error": "404", "message": "no such group"})

    assert exchange(response=response) == [
        f"POST {STREAMS_PATH}: response 404 body $.error: '404' is not of type 'integer'",
        f"POST {STREAMS_PATH}: response 404 body $: 'errorCode' is a required property",
    ]


def test_an_undocumented_status_is_outside_the_contract() -> None:
    assert exchange(response=raw(503, b"upstream unavailable", "text/plain")) == []


def test_paths_outside_the_atlas_api_are_outside_the_contract() -> None:
    assert exchange(path=TOKEN_PATH, content_type="application/x-www-form-urlencoded", accept=NO_HEADER) == []
