"""The contract checks of tests/support/contract.py catch what breaks the API contract, and let the rest through.

Each exchange here is hand-made with plain httpx against a LoopbackServer that checks its contract, so these
tests prove the checker that the `atlas_server` fixture applies to every client test.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest
from support.atlas_fakes import ATLAS_MEDIA_TYPE, STREAMS_PATH, TOKEN_PATH, documented_response, raw
from support.contract import shared_contract
from support.loopback import CannedResponse, LoopbackServer
from support.spec_examples import (
    body_operation,
    documented_error_statuses,
    documented_operation,
    example_path,
    request_example,
    request_media,
    request_media_type,
    response_example,
    response_media,
    response_media_type,
    spec_data,
    success_media,
    success_status,
    write_only_value,
)

from generator.spec.pointers import Pointer, resolved
from generator.spec.vocabulary import OperationKey, is_no_body, operations

NO_HEADER = None


def sent(path: str = STREAMS_PATH) -> str:
    """How a violation names the request: its method and path."""
    return f"{body_operation().method.upper()} {path}"


def contract_path(pointer: Pointer) -> str:
    """How a violation names a place in a body, as jsonschema does: $.a[0]['_b']."""
    path = "$"
    for part in pointer:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if re.fullmatch("[a-zA-Z][a-zA-Z0-9_]*", part) else f"[{part!r}]"
    return path


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
        f"{sent()}: request: Content for the following mimetype not found: application/json. "
        f"Valid mimetypes: ['{ATLAS_MEDIA_TYPE}']"
    ]


def test_a_missing_accept_breaks_the_contract() -> None:
    assert exchange(accept=NO_HEADER) == [
        f"{sent()}: request: no Accept header; Atlas picks the API version from it ({ATLAS_MEDIA_TYPE})"
    ]


def test_an_accept_without_the_versioned_media_type_breaks_the_contract() -> None:
    assert exchange(accept="application/json") == [
        f"{sent()}: request: Accept 'application/json' asks for none of {ATLAS_MEDIA_TYPE}"
    ]


def test_a_read_only_field_in_the_body_breaks_the_contract() -> None:
    # A readOnly field of the success example, sent back in a request, as when a response is reused as a request.
    schema = resolved(spec_data(), request_media()[1]["schema"])
    success = response_example(200)
    found = (name for name, prop in schema.get("properties", {}).items() if name in success and prop.get("readOnly"))
    name = next(found, None) or pytest.skip("the success example holds no readOnly property of the request body")

    assert exchange(body=request_example() | {name: success[name]}) == [
        f"{sent()}: request body {contract_path((name,))}: Tried to write read-only property with {success[name]}"
    ]


def test_a_malformed_group_id_breaks_the_contract() -> None:
    path = body_operation().path.replace("{groupId}", "not-a-group")
    parameters = [resolved(spec_data(), parameter) for parameter in documented_operation().get("parameters", [])]
    pattern = next(p["schema"]["pattern"] for p in parameters if p["name"] == "groupId")

    assert exchange(path=path) == [
        f"{sent(path)}: request parameter groupId $: 'not-a-group' does not match {pattern!r}"
    ]


def test_an_unknown_atlas_path_breaks_the_contract() -> None:
    path = f"{STREAMS_PATH}-nowhere"

    assert exchange(path=path) == [f"{sent(path)}: request: Path not found for https://cloud.mongodb.com{path}"]


def test_a_write_only_field_in_a_response_breaks_the_contract() -> None:
    where, value = write_only_value(response_media(success=True)[1]["schema"])
    body = response_example(200) | value
    response = CannedResponse.json(200, body, content_type=response_media_type(200))

    assert exchange(response=response) == [
        f"{sent()}: response 200 body {contract_path(where)}: Tried to read write-only property with secret"
    ]


def test_a_documented_response_under_another_media_type_breaks_the_contract() -> None:
    response = CannedResponse.json(200, response_example(200), content_type="application/json")

    assert exchange(response=response) == [
        f"{sent()}: response 200: Content for the following mimetype not found: application/json. "
        f"Valid mimetypes: [{response_media_type(200)!r}]"
    ]


def test_an_error_body_that_is_not_an_api_error_breaks_the_contract() -> None:
    status = documented_error_statuses()[0]
    schema = resolved(spec_data(), response_media(success=False)[1]["schema"])
    integer = next(
        name for name, prop in schema["properties"].items() if resolved(spec_data(), prop).get("type") == "integer"
    )
    response = CannedResponse.json(status, {integer: str(status), "message": "no such group"})

    assert exchange(response=response) == [
        f"{sent()}: response {status} body $.{integer}: '{status}' is not of type 'integer'",
        *(
            f"{sent()}: response {status} body $: {name!r} is a required property"
            for name in schema["required"]
            if name != integer
        ),
    ]


def test_an_undocumented_status_is_outside_the_contract() -> None:
    assert exchange(response=raw(503, b"upstream unavailable", "text/plain")) == []


def test_paths_outside_the_atlas_api_are_outside_the_contract() -> None:
    assert exchange(path=TOKEN_PATH, content_type="application/x-www-form-urlencoded", accept=NO_HEADER) == []


def operation_exchange(key: OperationKey, response: CannedResponse) -> list[str]:
    """Send the operation as its docs do (example_path, the request example as body) and answer with `response`;
    returns the violations the server saw."""
    headers = {"Accept": success_media(key)[0]}
    content = b""
    if "requestBody" in documented_operation(key):
        headers["Content-Type"] = request_media_type(key)
        content = json.dumps(request_example(key)).encode()
    with LoopbackServer(contract=shared_contract().violations) as server:
        server.respond(response)
        with httpx.Client() as http:
            http.request(key.method.upper(), server.url + example_path(key), content=content, headers=headers)
    return server.contract_violations


OPERATIONS = list(operations(spec_data()))


@pytest.mark.parametrize("key", OPERATIONS, ids=str)
def test_each_operations_documented_exchange_keeps_the_contract(key: OperationKey) -> None:
    media_type, media = success_media(key)
    status = success_status(key)
    bodiless = "schema" not in media or is_no_body(media["schema"])
    answer = (
        CannedResponse(status, {"Content-Type": media_type})
        if bodiless
        else CannedResponse.json(status, media["example"], media_type)
    )

    assert operation_exchange(key, answer) == []


def _documents_a_body(key: OperationKey) -> bool:
    media = success_media(key)[1]
    return "schema" in media and not is_no_body(media["schema"])  # upstream's NoBody: no body


@pytest.mark.parametrize("key", [key for key in OPERATIONS if _documents_a_body(key)], ids=str)
def test_an_empty_success_where_a_body_is_documented_breaks_the_contract(key: OperationKey) -> None:
    answer = CannedResponse(success_status(key), {"Content-Type": success_media(key)[0]})

    assert operation_exchange(key, answer) != []
