"""One error hierarchy (AtlasStreamsError at its root, nothing raw from httpx), errors that name their request, and
the per-call options of every operation function (timeout, headers, retries, validate, deadline)."""

from __future__ import annotations

import asyncio
import inspect
import os
from typing import Any

import httpx
import pytest
from atlas_streams import Client, RetryPolicy
from atlas_streams.api.streams import create_stream_workspace
from atlas_streams.errors import (
    AtlasApiError,
    AtlasConnectionError,
    AtlasStreamsError,
    AtlasTimeoutError,
    AuthenticationError,
    InvalidParameterError,
    MissingCredentialsError,
    RequestValidationError,
)
from support.atlas_fakes import (
    ATLAS_ACCEPT,
    GROUP_ID,
    STREAMS_PATH,
    SleepRecorder,
    atlas_error,
    closed_port,
    delayed,
    documented_response,
    loopback_client,
    request_body,
)
from support.loopback import LoopbackServer
from support.spec_examples import request_example

# The generated client's own tests: they also run against the built wheel on every declared Python (test_release.py).
pytestmark = pytest.mark.client

OPERATION_FUNCTIONS = ["sync", "sync_detailed", "asyncio", "asyncio_detailed", "dry_run"]
CALL_OPTIONS = ["timeout", "headers", "retries", "validate", "deadline"]


@pytest.mark.parametrize(
    "error_class",
    [AtlasApiError, AtlasConnectionError, RequestValidationError, MissingCredentialsError, AuthenticationError],
)
def test_every_error_the_package_raises_is_an_atlas_streams_error(error_class: type[Exception]) -> None:
    assert issubclass(error_class, AtlasStreamsError)


def test_validation_and_credential_errors_stay_value_errors() -> None:
    assert issubclass(RequestValidationError, ValueError)
    assert issubclass(InvalidParameterError, RequestValidationError)
    assert issubclass(MissingCredentialsError, ValueError)


def test_missing_credentials_are_missing_credentials_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [key for key in os.environ if key.startswith("MONGODB_ATLAS_")]:
        monkeypatch.delenv(name)

    with pytest.raises(MissingCredentialsError, match="no Atlas credentials"):
        Client.from_env()


def test_a_refused_connection_is_atlas_connection_error_keeping_httpx_error_as_cause() -> None:
    with loopback_client(f"http://127.0.0.1:{closed_port()}", retries=1) as client:
        with pytest.raises(AtlasConnectionError) as raised:
            create_stream_workspace.sync_detailed(GROUP_ID, client=client, body=request_body())

    assert isinstance(raised.value.__cause__, httpx.ConnectError)
    assert raised.value.method == "POST"
    assert raised.value.url.endswith(STREAMS_PATH)


def test_a_read_timeout_is_atlas_timeout_error(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(delayed(1.0, documented_response(200)))

    with loopback_client(atlas_server.url, retries=1) as client, pytest.raises(AtlasTimeoutError) as raised:
        asyncio.run(create_stream_workspace.asyncio(GROUP_ID, client=client, body=request_body(), timeout=0.2))

    assert isinstance(raised.value.__cause__, httpx.ReadTimeout)


def test_an_api_error_names_its_request_but_never_credentials_in_the_url(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(400))  # an error that every revision documents
    base_url = atlas_server.url.replace("http://", "http://user:password@")

    with loopback_client(base_url, retries=1) as client, pytest.raises(AtlasApiError) as raised:
        create_stream_workspace.sync(GROUP_ID, client=client, body=request_body())

    assert (raised.value.method, raised.value.url) == ("POST", atlas_server.url + STREAMS_PATH)
    assert "password" not in str(raised.value)


# --- per-call options -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("function", OPERATION_FUNCTIONS)
def test_every_operation_function_takes_the_per_call_options(function: str) -> None:
    parameters = inspect.signature(getattr(create_stream_workspace, function)).parameters

    assert [name for name in CALL_OPTIONS if parameters[name].kind is inspect.Parameter.KEYWORD_ONLY] == CALL_OPTIONS


def test_headers_of_the_client_override_the_operations_own(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))

    with loopback_client(atlas_server.url, headers={"Accept": "application/vnd.atlas.2023-02-01+json"}) as client:
        create_stream_workspace.sync(GROUP_ID, client=client, body=request_body())

    assert atlas_server.requests[0].headers["Accept"] == "application/vnd.atlas.2023-02-01+json"


def test_headers_of_the_call_override_the_clients(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200))
    client.headers["X-Team"] = "client"

    create_stream_workspace.sync(GROUP_ID, client=client, body=request_body(), headers={"X-Team": "call"})

    assert atlas_server.requests[0].headers.get_all("X-Team") == ["call"]
    assert atlas_server.requests[0].headers["Accept"] == ATLAS_ACCEPT


def test_retries_of_the_call_override_the_clients(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(atlas_error(503, "SERVICE_UNAVAILABLE"), documented_response(200))

    workspace = create_stream_workspace.sync(
        GROUP_ID, client=client, body=request_body(), retries=RetryPolicy(sleep=SleepRecorder())
    )

    assert workspace.name is not None
    assert len(atlas_server.requests) == 2


def test_validate_false_of_the_call_sends_what_the_checks_would_refuse(
    atlas_server: LoopbackServer, client: Client
) -> None:
    atlas_server.respond(documented_response(200))
    body: dict[str, Any] = {**request_example(), "streamConfig": {"tier": "SP999"}}

    with pytest.raises(RequestValidationError):
        create_stream_workspace.dry_run(GROUP_ID, client=client, body=body)
    request = create_stream_workspace.dry_run(GROUP_ID, client=client, body=body, validate=False)

    assert b"SP999" in request.content


@pytest.mark.off_contract("a tier newer than the spec, sent on purpose")
def test_validate_requests_false_turns_the_checks_off_for_every_call(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))
    body: dict[str, Any] = {**request_example(), "streamConfig": {"tier": "SP999"}}

    with loopback_client(atlas_server.url, validate_requests=False) as client:
        create_stream_workspace.sync(GROUP_ID, client=client, body=body)

    assert atlas_server.requests[0].json()["streamConfig"] == {"tier": "SP999"}


def test_timeout_of_the_call_overrides_the_clients(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(delayed(0.5, documented_response(200)))

    with loopback_client(atlas_server.url, timeout=0.1, retries=1) as client:
        workspace = create_stream_workspace.sync(GROUP_ID, client=client, body=request_body(), timeout=5.0)

    assert workspace.name is not None


def test_deadline_of_the_call_overrides_the_clients(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(delayed(0.5, documented_response(200)))

    with loopback_client(atlas_server.url, deadline=60, retries=1) as client, pytest.raises(AtlasTimeoutError):
        create_stream_workspace.sync(GROUP_ID, client=client, body=request_body(), deadline=0.2)
