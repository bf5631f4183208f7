"""The service account's token: where it is asked for (under base_url, or token_url), the retry policy applied to the
token request and its final failure typed by class, a safe lifetime whatever expires_in says, and one cached token
shared by every thread and event loop, which no event loop is kept alive for."""

from __future__ import annotations

import asyncio
import gc
import threading
import weakref
from collections.abc import Callable
from typing import Any

import pytest
from atlas_streams import Client, RetryPolicy, ServiceAccountAuth
from atlas_streams.api.streams import create_stream_workspace
from atlas_streams.errors import AuthenticationError, RateLimitedError, ServerError
from support.atlas_fakes import (
    CLIENT_ID,
    CLIENT_SECRET,
    GROUP_ID,
    TOKEN_PATH,
    OAuthTokenEndpoint,
    SleepRecorder,
    documented_response,
    loopback_client,
    request_body,
)
from support.loopback import CannedResponse, LoopbackServer

# The generated client's own tests: they also run against the built wheel on every declared Python (test_release.py).
pytestmark = pytest.mark.client

pytestmark = pytest.mark.off_contract("the token endpoint is outside the spec")


def auth() -> ServiceAccountAuth:
    return ServiceAccountAuth(CLIENT_ID, CLIENT_SECRET)


def create(client: Client) -> Any:
    return create_stream_workspace.sync(GROUP_ID, client=client, body=request_body())


def failing(status: int, headers: dict[str, str] | None = None) -> CannedResponse:
    return CannedResponse.json(status, {"error": "nope"}, headers=headers)


# --- item 8: where the token is asked for -----------------------------------------------------------------------


def test_the_token_is_asked_for_under_a_base_url_with_a_path(atlas_server: LoopbackServer) -> None:
    endpoint = OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET)
    atlas_server.route("/atlas-proxy" + TOKEN_PATH, endpoint.token)
    atlas_server.guard(endpoint.check_bearer)
    atlas_server.respond(documented_response(200))

    with loopback_client(atlas_server.url + "/atlas-proxy", auth=auth()) as client:
        create(client)

    assert len(endpoint.token_requests) == 1
    assert atlas_server.requests_to(TOKEN_PATH) == []


def test_an_explicit_token_url_is_where_the_token_is_asked_for(atlas_server: LoopbackServer) -> None:
    endpoint = OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET)
    atlas_server.route("/elsewhere/token", endpoint.token)
    atlas_server.guard(endpoint.check_bearer)
    atlas_server.respond(documented_response(200))
    explicit = ServiceAccountAuth(CLIENT_ID, CLIENT_SECRET, token_url=atlas_server.url + "/elsewhere/token")

    with loopback_client(atlas_server.url, auth=explicit) as client:
        create(client)

    assert len(endpoint.token_requests) == 1


# --- item 9: token-endpoint failures ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first", [failing(429), failing(429, {"Retry-After": "0"}), failing(503)], ids=["429", "429-retry-after-0", "503"]
)
def test_a_throttled_or_unavailable_token_endpoint_is_retried(atlas_server: LoopbackServer, first: Any) -> None:
    endpoint = OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET)
    answers = [first]
    atlas_server.route(TOKEN_PATH, lambda request: answers.pop() if answers else endpoint.token(request))
    atlas_server.guard(endpoint.check_bearer)
    atlas_server.respond(documented_response(200))

    with loopback_client(atlas_server.url, auth=auth(), retries=RetryPolicy(sleep=SleepRecorder())) as client:
        create(client)

    assert len(atlas_server.requests_to(TOKEN_PATH)) == 2


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (429, RateLimitedError),
        (503, ServerError),
        (500, ServerError),
        (401, AuthenticationError),
        (400, AuthenticationError),
    ],
)
def test_the_final_token_failure_is_typed_by_its_class(
    atlas_server: LoopbackServer, status: int, error_class: type[Exception]
) -> None:
    atlas_server.route(TOKEN_PATH, lambda _: failing(status))

    with loopback_client(atlas_server.url, auth=auth(), retries=RetryPolicy(sleep=SleepRecorder())) as client:
        with pytest.raises(error_class) as raised:
            create(client)

    assert type(raised.value) is error_class
    assert "token request" in str(raised.value)


@pytest.mark.parametrize(("expires_in", "lasts"), [(None, 60.0), ("abc", 60.0), (1e300, 24 * 3600.0)])
def test_a_token_is_renewed_after_a_safe_lifetime_whatever_expires_in_says(
    atlas_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch, expires_in: Any, lasts: float
) -> None:
    now = [1000.0]
    monkeypatch.setattr("atlas_streams._auth.time.monotonic", lambda: now[0])
    atlas_server.route(TOKEN_PATH, lambda _: CannedResponse.json(200, {"access_token": "t", "expires_in": expires_in}))
    atlas_server.respond(*[documented_response(200)] * 3)

    with loopback_client(atlas_server.url, auth=auth(), deadline=None) as client:
        create(client)
        now[0] += lasts * 0.8
        create(client)
        now[0] += lasts * 0.3
        create(client)

    assert len(atlas_server.requests_to(TOKEN_PATH)) == 2


# --- item 10: one token for every thread and event loop -----------------------------------------------------


def run_together(targets: list[Callable[[], None]]) -> None:
    """Each target on its own thread, all at once; back when every one has finished."""
    threads = [threading.Thread(target=target) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_twenty_event_loops_sharing_one_auth_fetch_one_token(atlas_server: LoopbackServer) -> None:
    endpoint = OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET, delay=0.2).install(atlas_server)
    atlas_server.respond(*[documented_response(200)] * 20)
    shared = auth()
    start = threading.Barrier(20)

    async def call() -> None:
        async with loopback_client(atlas_server.url, auth=shared) as client:
            await create_stream_workspace.asyncio(GROUP_ID, client=client, body=request_body())

    def in_its_own_loop() -> None:
        start.wait()
        asyncio.run(call())

    run_together([in_its_own_loop] * 20)

    assert (len(endpoint.issued), len(endpoint.bearers_accepted)) == (1, 20)


def test_threads_and_event_loops_together_fetch_one_token(atlas_server: LoopbackServer) -> None:
    endpoint = OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET, delay=0.2).install(atlas_server)
    atlas_server.respond(*[documented_response(200)] * 8)
    shared = auth()
    start = threading.Barrier(8)

    def sync_call() -> None:
        start.wait()
        with loopback_client(atlas_server.url, auth=shared) as client:
            create(client)

    async def async_call() -> None:
        async with loopback_client(atlas_server.url, auth=shared) as client:
            await create_stream_workspace.asyncio(GROUP_ID, client=client, body=request_body())

    def async_in_thread() -> None:
        start.wait()
        asyncio.run(async_call())

    run_together([sync_call, async_in_thread] * 4)

    assert (len(endpoint.issued), len(endpoint.bearers_accepted)) == (1, 8)


def test_no_event_loop_is_kept_alive_by_the_auth(atlas_server: LoopbackServer) -> None:
    OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET).install(atlas_server)
    atlas_server.respond(*[documented_response(200)] * 10)
    shared = auth()
    loops: list[weakref.ref[asyncio.AbstractEventLoop]] = []

    async def call() -> None:
        loops.append(weakref.ref(asyncio.get_running_loop()))
        async with loopback_client(atlas_server.url, auth=shared) as client:
            await create_stream_workspace.asyncio(GROUP_ID, client=client, body=request_body())

    for _ in range(10):
        asyncio.run(call())
    gc.collect()

    assert [loop for loop in loops if loop() is not None] == []
