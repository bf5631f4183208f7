"""Error responses over real loopback HTTP: typed AtlasApiError subclasses from sync()/asyncio(), and the
never-raising sync_detailed() Response with .error, .parsed and the rate-limit headers."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest
from atlas_streams import Client
from atlas_streams._validation import ResponseShapeError
from atlas_streams.errors import (
    AtlasApiError,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    RateLimitedError,
    ResponseParseError,
    ServerError,
)
from support.atlas_fakes import (
    GROUP_ID,
    STREAMS_PATH,
    atlas_error,
    documented_error_fields,
    documented_response,
    error_classes,
    error_example,
    error_fields,
    error_response,
    loopback_client,
    raw,
    request_body,
)
from support.generated_client import header_attributes, operation, success_model
from support.loopback import CannedResponse, LoopbackServer
from support.spec_examples import documented_error_statuses, response_example, success_status

HTML_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"
)


def create(client: Client) -> Any:
    return operation.sync(GROUP_ID, client=client, body=request_body())


def raised_by(client: Client) -> AtlasApiError:
    with pytest.raises(AtlasApiError) as excinfo:
        create(client)
    return excinfo.value


def plain(value: Any) -> Any:
    """Models (anything with to_dict) and lists of them as plain JSON values."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def test_every_documented_error_status_has_an_expected_class() -> None:
    # A status the spec starts documenting needs its expectation in error_classes() first.
    assert set(documented_error_statuses()) <= set(error_classes())


@pytest.mark.parametrize("status", documented_error_statuses())
def test_documented_error_example_raises_the_matching_subclass(
    atlas_server: LoopbackServer, client: Client, status: int
) -> None:
    atlas_server.respond(documented_response(status))

    error = raised_by(client)

    assert type(error) is error_classes()[status]


@pytest.mark.parametrize("status", documented_error_statuses())
def test_documented_error_example_fields_are_on_the_error(
    atlas_server: LoopbackServer, client: Client, status: int
) -> None:
    atlas_server.respond(documented_response(status))

    error = raised_by(client)

    assert error_fields(error) == documented_error_fields(status)


def test_error_keeps_raw_content_text_and_headers(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(error_response(404, headers={"X-Request-Id": "req-42"}))

    error = raised_by(client)

    assert error.content == json.dumps(error_example(404)).encode()
    assert error.text == json.dumps(error_example(404))
    assert error.headers["x-request-id"] == "req-42"


def test_409_raises_conflict_error(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(
        atlas_error(409, "STREAM_TENANT_NAME_ALREADY_EXISTS", "A workspace named string exists.", "Conflict")
    )

    error = raised_by(client)

    assert type(error) is ConflictError
    assert (error.status_code, error.error_code, error.detail, error.reason) == (
        409,
        "STREAM_TENANT_NAME_ALREADY_EXISTS",
        "A workspace named string exists.",
        "Conflict",
    )


def test_html_502_raises_server_error_with_the_html_as_text(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(raw(502, HTML_502, "text/html"))

    error = raised_by(client)

    assert type(error) is ServerError
    assert error.status_code == 502
    assert error.text == HTML_502.decode()
    assert error.content == HTML_502
    assert error.error_code is None


def test_503_is_a_server_error(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(atlas_error(503, "SERVICE_UNAVAILABLE", reason="Service Unavailable"))

    error = raised_by(client)

    assert type(error) is ServerError
    assert (error.status_code, error.error_code) == (503, "SERVICE_UNAVAILABLE")


@pytest.mark.off_contract("Atlas documents only ApiError JSON bodies; proxies and broken connections send others")
def test_empty_error_body_still_raises_the_typed_error(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(raw(404, b"", "application/json"))

    error = raised_by(client)

    assert type(error) is NotFoundError
    assert (error.status_code, error.text, error.content, error.error_code) == (404, "", b"", None)


@pytest.mark.off_contract("Atlas documents only ApiError JSON bodies; proxies and broken connections send others")
def test_truncated_json_error_body_raises_the_typed_error_with_the_raw_text(
    atlas_server: LoopbackServer, client: Client
) -> None:
    truncated = b'{"error": 400, "errorCode": "VALIDATION_ERR'
    atlas_server.respond(raw(400, truncated, "application/json"))

    error = raised_by(client)

    assert type(error) is BadRequestError
    assert error.status_code == 400
    assert error.text == truncated.decode()


def test_undocumented_status_raises_the_base_atlas_api_error_with_raw_text(
    atlas_server: LoopbackServer, client: Client
) -> None:
    atlas_server.respond(raw(418, b"I'm a teapot", "text/plain"))

    error = raised_by(client)

    assert type(error) is AtlasApiError
    assert (error.status_code, error.text) == (418, "I'm a teapot")


@pytest.mark.off_contract("Atlas documents only ApiError JSON bodies; proxies and broken connections send others")
def test_json_error_without_atlas_fields_still_raises_the_typed_error(
    atlas_server: LoopbackServer, client: Client
) -> None:
    atlas_server.respond(CannedResponse.json(403, {"message": "nope"}))

    error = raised_by(client)

    assert type(error) is ForbiddenError
    assert (error.status_code, error.error_code, error.text) == (403, None, '{"message": "nope"}')


def test_bad_request_detail_and_parameters_are_on_the_error(atlas_server: LoopbackServer, client: Client) -> None:
    payload = {
        "error": 400,
        "errorCode": "INVALID_ENUM_VALUE",
        "detail": "An invalid enumeration value SP999 was specified.",
        "reason": "Bad Request",
        "parameters": [{"value": "SP999"}],
        "badRequestDetail": {"fields": [{"field": "streamConfig.tier", "description": "unknown tier"}]},
    }
    atlas_server.respond(CannedResponse.json(400, payload))

    error = raised_by(client)

    assert plain(error.parameters) == payload["parameters"]
    assert plain(error.bad_request_detail) == payload["badRequestDetail"]


# What real Atlas sends for an unknown project: `parameters` holds strings, where the spec (as upstream's)
# says objects.
GROUP_NOT_FOUND = {
    "detail": f"No group with ID {GROUP_ID} exists.",
    "error": 404,
    "errorCode": "GROUP_NOT_FOUND",
    "parameters": [GROUP_ID],
    "reason": "Not Found",
}
STRING_PARAMETERS = pytest.mark.off_contract("real Atlas sends ApiError.parameters as strings; the spec says objects")


@STRING_PARAMETERS
def test_error_fields_are_read_when_parameters_are_strings(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(CannedResponse.json(404, GROUP_NOT_FOUND))

    error = raised_by(client)

    assert (error.error_code, error.reason, error.detail, error.parameters) == (
        "GROUP_NOT_FOUND",
        "Not Found",
        f"No group with ID {GROUP_ID} exists.",
        [GROUP_ID],
    )
    assert str(error) == (
        f"404: GROUP_NOT_FOUND: Not Found: No group with ID {GROUP_ID} exists. (POST {client.base_url}{STREAMS_PATH})"
    )


@STRING_PARAMETERS
def test_api_error_model_is_none_when_the_body_does_not_fit_it(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(CannedResponse.json(404, GROUP_NOT_FOUND))

    assert raised_by(client).api_error is None


def test_api_error_model_is_kept_when_the_body_fits_it(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(error_response(404))

    api_error = raised_by(client).api_error

    assert api_error is not None
    assert api_error.to_dict() == error_example(404)


BAD_REQUEST = {
    "error": 400,
    "errorCode": "INVALID_ENUM_VALUE",
    "detail": "An invalid enumeration value SP999 was specified.",
    "reason": "Bad Request",
    "parameters": ["SP999"],
    "badRequestDetail": {"fields": [{"field": "streamConfig.tier", "description": "unknown tier"}]},
}
ERROR_ATTRIBUTES = {
    "errorCode": "error_code",
    "detail": "detail",
    "reason": "reason",
    "parameters": "parameters",
    "badRequestDetail": "bad_request_detail",
}


@pytest.mark.off_contract("an error body with a badly typed field, and string parameters")
@pytest.mark.parametrize(
    ("field", "bad_value"),
    [("errorCode", 400), ("detail", {"text": "x"}), ("reason", ["Bad"]), ("parameters", "SP999"),
     ("badRequestDetail", {"fields": "streamConfig.tier"})],
)  # fmt: skip
def test_a_badly_typed_error_field_is_none_and_the_others_are_kept(
    atlas_server: LoopbackServer, client: Client, field: str, bad_value: object
) -> None:
    atlas_server.respond(CannedResponse.json(400, {**BAD_REQUEST, field: bad_value}))

    error = raised_by(client)

    read = {name: plain(getattr(error, attribute)) for name, attribute in ERROR_ATTRIBUTES.items()}
    assert read == {name: None if name == field else BAD_REQUEST[name] for name in ERROR_ATTRIBUTES}


def test_rate_limited_error_exposes_retry_after_seconds(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(error_response(429, headers={"Retry-After": "7"}))

    error = raised_by(client)

    assert isinstance(error, RateLimitedError)
    assert error.retry_after == 7.0


def test_rate_limited_error_without_retry_after_has_none(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(error_response(429))

    error = raised_by(client)

    assert isinstance(error, RateLimitedError)
    assert error.retry_after is None


def test_asyncio_raises_the_same_typed_error(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(error_response(404))

    async def call() -> None:
        async with loopback_client(atlas_server.url, retries=1) as client:
            await operation.asyncio(GROUP_ID, client=client, body=request_body())

    with pytest.raises(NotFoundError) as excinfo:
        asyncio.run(call())

    assert excinfo.value.error_code == error_example(404)["errorCode"]


# --- sync_detailed: a Response, never an exception for an HTTP status ----------------------------------------


@pytest.mark.parametrize("status", [*documented_error_statuses(), 409, 418, 502])
def test_sync_detailed_returns_the_error_instead_of_raising(
    atlas_server: LoopbackServer, client: Client, status: int
) -> None:
    atlas_server.respond(atlas_error(status, f"CODE_{status}", "detail", "reason"))

    response = operation.sync_detailed(GROUP_ID, client=client, body=request_body())

    assert response.status_code == status
    assert response.parsed is None
    assert isinstance(response.error, AtlasApiError)
    assert (response.error.status_code, response.error.error_code) == (status, f"CODE_{status}")
    assert response.content == atlas_error(status, f"CODE_{status}", "detail", "reason").body


def test_sync_detailed_success_has_parsed_and_no_error(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200))

    response = operation.sync_detailed(GROUP_ID, client=client, body=request_body())

    assert response.status_code == 200
    assert response.error is None
    assert isinstance(response.parsed, success_model())
    assert response.parsed.to_dict() == response_example(200)
    assert response.content == json.dumps(response_example(200)).encode()


def integer_headers(statuses: list[int]) -> tuple[int, dict[str, str]]:
    """The first of `statuses` whose response documents integer headers, and their Response attributes."""
    found = ((status, attributes) for status in statuses if (attributes := header_attributes(status)))
    return next(found, None) or pytest.skip(f"no response of {statuses} documents an integer header")


def test_sync_detailed_reads_the_documented_integer_headers_as_ints(
    atlas_server: LoopbackServer, client: Client
) -> None:
    status, attributes = integer_headers([success_status()])
    sent = {name: str(100 - index) for index, name in enumerate(attributes)}
    atlas_server.respond(documented_response(status, headers=sent))

    response = operation.sync_detailed(GROUP_ID, client=client, body=request_body())

    assert {name: getattr(response, attribute) for name, attribute in attributes.items()} == {
        name: int(value) for name, value in sent.items()
    }


def test_sync_detailed_reads_the_documented_integer_headers_of_an_error(
    atlas_server: LoopbackServer, client: Client
) -> None:
    status, attributes = integer_headers(documented_error_statuses())
    sent = {name: str(index) for index, name in enumerate(attributes)}
    atlas_server.respond(documented_response(status, headers=sent))

    response = operation.sync_detailed(GROUP_ID, client=client, body=request_body())

    assert isinstance(response.error, error_classes()[status])
    assert {name: getattr(response, attribute) for name, attribute in attributes.items()} == {
        name: int(value) for name, value in sent.items()
    }


def test_sync_detailed_header_attributes_are_none_without_the_headers(
    atlas_server: LoopbackServer, client: Client
) -> None:
    status, attributes = integer_headers([success_status()])
    atlas_server.respond(documented_response(status))

    response = operation.sync_detailed(GROUP_ID, client=client, body=request_body())

    assert [getattr(response, attribute) for attribute in attributes.values()] == [None] * len(attributes)


def test_sync_detailed_does_not_raise_for_a_non_json_error(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(raw(502, HTML_502, "text/html"))

    response = operation.sync_detailed(GROUP_ID, client=client, body=request_body())

    assert isinstance(response.error, ServerError)
    assert (response.parsed, response.content, response.error.text) == (None, HTML_502, HTML_502.decode())


# 2xx bodies that do not parse: a required field missing, or not JSON at all (a proxy's page).
UNREADABLE_SUCCESS = [
    pytest.param(
        CannedResponse.json(200, {"name": "x", "dataProcessRegion": {"region": "VIRGINIA_USA"}}),
        ResponseShapeError,
        id="missing",
    ),
    pytest.param(raw(200, b"<html>ok</html>", "text/html"), json.JSONDecodeError, id="html"),
]
UNREADABLE = pytest.mark.off_contract("a 2xx body that breaks the documented schema")


def with_unreadable_success_bodies(test: Callable[..., None]) -> Callable[..., None]:
    """`test` once per body of UNREADABLE_SUCCESS (as `answer`, with the `cause` that parsing raises)."""
    marked: Callable[..., None] = UNREADABLE(pytest.mark.parametrize(("answer", "cause"), UNREADABLE_SUCCESS)(test))
    return marked


@with_unreadable_success_bodies
def test_sync_detailed_returns_an_unreadable_success_body_as_response_parse_error(
    atlas_server: LoopbackServer, client: Client, answer: CannedResponse, cause: type[Exception]
) -> None:
    atlas_server.respond(answer)

    response = operation.sync_detailed(GROUP_ID, client=client, body=request_body())

    assert (response.status_code, response.parsed) == (200, None)
    assert isinstance(response.error, ResponseParseError)
    assert isinstance(response.error.cause, cause)
    assert (response.error.status_code, response.error.content, response.error.text) == (
        200,
        answer.body,
        answer.body.decode(),
    )
    assert response.error.headers["content-type"] == answer.headers["Content-Type"]


@with_unreadable_success_bodies
def test_sync_raises_response_parse_error_for_an_unreadable_success_body(
    atlas_server: LoopbackServer, client: Client, answer: CannedResponse, cause: type[Exception]
) -> None:
    atlas_server.respond(answer)

    error = raised_by(client)

    assert type(error) is ResponseParseError
    assert isinstance(error.__cause__, cause)
    assert str(error).startswith(f"200: unreadable response body ({cause.__name__}: ")


@UNREADABLE
def test_asyncio_raises_response_parse_error_for_an_unreadable_success_body(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(raw(200, b"<html>ok</html>", "text/html"))

    async def call() -> None:
        async with loopback_client(atlas_server.url, retries=1) as client:
            await operation.asyncio(GROUP_ID, client=client, body=request_body())

    with pytest.raises(ResponseParseError):
        asyncio.run(call())


def test_unwrap_raises_the_response_error(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(error_response(403))
    response = operation.sync_detailed(GROUP_ID, client=client, body=request_body())

    with pytest.raises(ForbiddenError) as excinfo:
        response.unwrap()

    assert excinfo.value is response.error


def test_unwrap_returns_the_parsed_tenant_on_success(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200))
    response = operation.sync_detailed(GROUP_ID, client=client, body=request_body())

    assert response.unwrap() is response.parsed


def test_asyncio_detailed_returns_the_error_instead_of_raising(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(error_response(500))

    async def call() -> Any:
        async with loopback_client(atlas_server.url, retries=1) as client:
            return await operation.asyncio_detailed(GROUP_ID, client=client, body=request_body())

    response = asyncio.run(call())

    assert isinstance(response.error, ServerError)
    assert (response.status_code, response.parsed) == (500, None)
