"""Bounded resources: a response body is read under Client(max_response_bytes=...) counted after decompression, and a
call of an operation function ends by its deadline, however a server drips its answer. Servers that misbehave this
way are raw sockets on loopback (tests/support/raw_http.py)."""

from __future__ import annotations

import asyncio
import gzip
import time
import tracemalloc
from collections.abc import Callable, Iterator

import pytest
from atlas_streams import Client, RetryPolicy
from atlas_streams.api.streams import create_stream_workspace
from atlas_streams.errors import AtlasTimeoutError, ResponseTooLargeError, ServerError
from support.atlas_fakes import GROUP_ID, SleepRecorder, atlas_error, loopback_client, request_body
from support.generated_client import reading
from support.loopback import CannedResponse, LoopbackServer
from support.raw_http import RawHttpServer, Send
from support.spec_examples import request_example

# The generated client's own tests: they also run against the built wheel on every declared Python (test_release.py).
pytestmark = pytest.mark.client

MIB = 1024 * 1024
CAP = MIB  # the cap the tests set, far below what the servers send

WORKSPACE_NAME = request_example()["name"]  # the GET that reads a create back asks for it


def endless_body(status: int = 200, encoding: bytes = b"") -> Iterator[bytes]:
    """An answer whose body says it is 1 GiB and goes on until the client hangs up."""
    yield f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {1024 * MIB}\r\n".encode()
    yield encoding + b"\r\n"
    while True:
        yield b"[" * 65536


def serve(chunks: Iterator[bytes], pause: float = 0.0) -> RawHttpServer:
    def answer(_: bytes, send: Send) -> None:
        for chunk in chunks:
            send(chunk)
            time.sleep(pause)

    return RawHttpServer(answer)


def create(client: Client, **options: object) -> object:
    return create_stream_workspace.sync(GROUP_ID, client=client, body=request_body(), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("status", [200, 500])
def test_a_body_over_the_cap_is_response_too_large_and_its_connection_is_dropped(status: int) -> None:
    with (
        serve(endless_body(status)) as server,
        loopback_client(server.url, max_response_bytes=CAP, retries=1) as client,
    ):
        with pytest.raises(ResponseTooLargeError) as raised:
            create(client)

    assert (raised.value.status_code, raised.value.limit) == (status, CAP)
    assert server.sent < 16 * MIB  # the client stopped reading near the cap, far short of the 1 GiB promised


def test_a_gzip_bomb_is_stopped_at_the_cap_counted_after_decompression() -> None:
    bomb = gzip.compress(b"[" * (64 * MIB), compresslevel=9)  # 64 MiB in about 64 KiB
    head = f"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: {len(bomb)}\r\n\r\n".encode()
    tracemalloc.start()
    try:
        with serve(iter([head, bomb])) as server, loopback_client(server.url, max_response_bytes=CAP) as client:
            response = create_stream_workspace.sync_detailed(GROUP_ID, client=client, body=request_body())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert isinstance(response.error, ResponseTooLargeError)
    assert peak < 16 * MIB


def test_the_default_cap_is_64_mib() -> None:
    assert Client().max_response_bytes == 64 * MIB


@pytest.mark.off_contract("a proxy's HTML error page")
def test_an_error_message_quotes_only_a_short_prefix_of_a_long_body(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(CannedResponse(500, {"Content-Type": "text/html"}, b"<p>" + b"x " * (4 * MIB)))

    with loopback_client(atlas_server.url, retries=1) as client, pytest.raises(ServerError) as raised:
        create(client)

    assert len(str(raised.value)) < 400
    assert len(raised.value.content) > 8 * MIB  # the body itself stays available


# --- the deadline -------------------------------------------------------------------------------------------


def drip(head: bytes, body: bytes) -> Iterator[bytes]:
    """The head, then the body one byte at a time: each read gets a byte well within the read timeout."""
    yield head
    yield from (bytes([byte]) for byte in body)


def dripped_body() -> Iterator[bytes]:
    return drip(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", b" " * 100000)


def dripped_headers() -> Iterator[bytes]:
    return drip(b"", b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"y" * 90000 + b"\r\n\r\n")


DRIPS = pytest.mark.parametrize("chunks", [dripped_body, dripped_headers], ids=["body", "headers"])


@DRIPS
def test_sync_call_ends_by_its_deadline_however_slowly_the_server_drips(chunks: Callable[[], Iterator[bytes]]) -> None:
    with serve(chunks(), pause=0.05) as server, loopback_client(server.url, timeout=1.0, deadline=0.6) as client:
        started = time.monotonic()
        with pytest.raises(AtlasTimeoutError, match="deadline of 0.6 s passed"):
            create(client)
        elapsed = time.monotonic() - started

    assert elapsed < 1.2


@DRIPS
def test_async_call_ends_by_its_deadline_however_slowly_the_server_drips(chunks: Callable[[], Iterator[bytes]]) -> None:
    async def call(url: str) -> None:
        async with loopback_client(url, timeout=1.0) as client:
            await create_stream_workspace.asyncio(GROUP_ID, client=client, body=request_body(), deadline=0.6)

    with serve(chunks(), pause=0.05) as server:
        started = time.monotonic()
        with pytest.raises(AtlasTimeoutError, match="deadline of 0.6 s passed"):
            asyncio.run(call(server.url))
        elapsed = time.monotonic() - started

    assert elapsed < 1.2


def test_no_retry_wait_is_made_that_would_end_after_the_deadline(atlas_server: LoopbackServer) -> None:
    sleeps = SleepRecorder()
    atlas_server.respond(atlas_error(429, "RATE_LIMITED", headers={"Retry-After": "20"}))

    with loopback_client(atlas_server.url, retries=RetryPolicy(max_delay=60, sleep=sleeps), deadline=10) as client:
        response = create_stream_workspace.sync_detailed(GROUP_ID, client=client, body=request_body())

    assert (response.status_code, sleeps.delays, len(atlas_server.requests)) == (429, [], 1)


def test_the_deadline_covers_the_retries_of_a_get_and_their_waits(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(*[atlas_error(503, "SERVICE_UNAVAILABLE", headers={"Retry-After": "0.3"})] * 10)
    policy = RetryPolicy(max_attempts=10)

    with loopback_client(atlas_server.url, retries=policy, deadline=1.0) as client:
        started = time.monotonic()
        response = reading.sync_detailed(GROUP_ID, WORKSPACE_NAME, client=client)

    assert response.status_code == 503
    assert time.monotonic() - started < 1.2
    assert 2 <= len(atlas_server.requests) <= 4


def test_no_deadline_lets_a_get_take_as_long_as_its_attempts(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(*[atlas_error(503, "SERVICE_UNAVAILABLE", headers={"Retry-After": "0.2"})] * 3)

    with loopback_client(atlas_server.url, retries=3, deadline=None) as client:
        response = reading.sync_detailed(GROUP_ID, WORKSPACE_NAME, client=client, deadline=None)

    assert (response.status_code, len(atlas_server.requests)) == (503, 3)
