"""Retries over real loopback HTTP: which failures are retried (429, 503, refused connections), how long the
client waits (Retry-After, exponential backoff, max_delay), how many attempts it makes, and what it logs.

Every RetryPolicy here gets a SleepRecorder as its sleep, so no test waits for a backoff.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Any

import httpx
import pytest
from atlas_streams import RetryPolicy
from atlas_streams.errors import (
    AtlasApiError,
    AtlasConnectionError,
    AtlasTimeoutError,
    BadRequestError,
    RateLimitedError,
    ServerError,
)
from support import ROOT
from support.atlas_fakes import (
    ATLAS_MEDIA_TYPE,
    GROUP_ID,
    SleepRecorder,
    atlas_error,
    closed_port,
    delayed,
    documented_response,
    enveloped,
    error_example,
    error_response,
    loopback_client,
    request_body,
)
from support.generated_client import operation
from support.loopback import CannedResponse, LoopbackServer
from support.markdown_pages import tables
from support.spec_examples import request_example, response_example


def unavailable() -> CannedResponse:
    return atlas_error(503, "SERVICE_UNAVAILABLE", reason="Service Unavailable")


def create(url: str, retries: RetryPolicy | int | None, timeout: httpx.Timeout | float = 10.0) -> Any:
    with loopback_client(url, timeout=timeout, retries=retries) as client:
        return operation.sync(GROUP_ID, client=client, body=request_body())


def retry_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [
        record
        for record in caplog.records
        if record.name.split(".")[0] == "atlas_streams"
        and record.levelno == logging.DEBUG
        and "retr" in record.getMessage().lower()
    ]


def test_default_retry_policy_matches_the_documented_defaults() -> None:
    policy = RetryPolicy()

    assert (policy.max_attempts, policy.initial_delay, policy.max_delay) == (3, 0.5, 30.0)
    assert policy.retry_statuses == frozenset({429, 503})
    assert (policy.retry_connect_errors, policy.jitter) == (True, True)


def test_429_with_retry_after_is_retried_after_waiting_that_long(atlas_server: LoopbackServer) -> None:
    sleeps = SleepRecorder()
    atlas_server.respond(error_response(429, headers={"Retry-After": "2"}), documented_response(200))

    tenant = create(atlas_server.url, RetryPolicy(sleep=sleeps))

    assert tenant.to_dict() == response_example(200)
    assert len(atlas_server.requests) == 2
    assert len(sleeps.delays) == 1
    assert 2.0 <= sleeps.delays[0] <= 30.0


def test_429_inside_an_envelope_is_retried(atlas_server: LoopbackServer) -> None:
    # With envelope=true Atlas answers HTTP 200 and reports the 429 inside the body.
    sleeps = SleepRecorder()
    atlas_server.respond(enveloped(429, error_example(429)), enveloped(200, response_example(200)))

    with loopback_client(atlas_server.url, retries=RetryPolicy(sleep=sleeps)) as client:
        tenant = operation.sync(GROUP_ID, client=client, body=request_body(), envelope=True)

    assert tenant.to_dict() == response_example(200)
    assert len(atlas_server.requests) == 2
    assert len(sleeps.delays) == 1


def test_an_envelope_is_not_read_when_the_request_did_not_ask_for_one(atlas_server: LoopbackServer) -> None:
    sleeps = SleepRecorder()
    atlas_server.respond(CannedResponse.json(200, {"status": 429, "content": response_example(200)}, ATLAS_MEDIA_TYPE))

    create(atlas_server.url, RetryPolicy(sleep=sleeps))

    assert sleeps.delays == []


def test_503_three_times_raises_server_error_after_exactly_three_attempts(atlas_server: LoopbackServer) -> None:
    sleeps = SleepRecorder()
    atlas_server.respond(unavailable(), unavailable(), unavailable(), documented_response(200))

    with pytest.raises(ServerError) as excinfo:
        create(atlas_server.url, RetryPolicy(max_attempts=3, sleep=sleeps))

    assert excinfo.value.status_code == 503
    assert len(atlas_server.requests) == 3
    assert len(sleeps.delays) == 2


def test_429_every_time_raises_rate_limited_error_after_max_attempts(atlas_server: LoopbackServer) -> None:
    sleeps = SleepRecorder()
    atlas_server.respond(*[error_response(429, headers={"Retry-After": "1"})] * 4)

    with pytest.raises(RateLimitedError):
        create(atlas_server.url, RetryPolicy(max_attempts=4, sleep=sleeps))

    assert len(atlas_server.requests) == 4
    assert len(sleeps.delays) == 3


def test_retried_request_is_sent_again_unchanged(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(unavailable(), documented_response(200))

    create(atlas_server.url, RetryPolicy(sleep=SleepRecorder()))

    first, second = atlas_server.requests
    assert (second.method, second.path, second.body) == (first.method, first.path, first.body)
    assert second.json() == request_example()


def test_backoff_doubles_from_initial_delay_without_jitter(atlas_server: LoopbackServer) -> None:
    sleeps = SleepRecorder()
    atlas_server.respond(unavailable(), unavailable(), unavailable(), documented_response(200))

    create(atlas_server.url, RetryPolicy(max_attempts=4, initial_delay=0.5, jitter=False, sleep=sleeps))

    assert sleeps.delays == [0.5, 1.0, 2.0]


def test_backoff_is_capped_at_max_delay(atlas_server: LoopbackServer) -> None:
    sleeps = SleepRecorder()
    atlas_server.respond(unavailable(), unavailable(), unavailable(), documented_response(200))

    create(atlas_server.url, RetryPolicy(max_attempts=4, initial_delay=10, max_delay=15, jitter=False, sleep=sleeps))

    assert sleeps.delays == [10, 15, 15]


def test_jitter_varies_the_delays_within_max_delay(atlas_server: LoopbackServer) -> None:
    sleeps = SleepRecorder()
    atlas_server.respond(*[unavailable()] * 6)

    with pytest.raises(ServerError):
        create(atlas_server.url, RetryPolicy(max_attempts=6, initial_delay=1, max_delay=30, jitter=True, sleep=sleeps))

    assert len(sleeps.delays) == 5
    assert all(0 <= delay <= 30 for delay in sleeps.delays)
    assert sleeps.delays != [1, 2, 4, 8, 16]


def test_retry_after_longer_than_max_delay_is_not_waited_for(atlas_server: LoopbackServer) -> None:
    sleeps = SleepRecorder()
    atlas_server.respond(error_response(429, headers={"Retry-After": "120"}), documented_response(200))

    with pytest.raises(RateLimitedError) as excinfo:
        create(atlas_server.url, RetryPolicy(max_delay=30, sleep=sleeps))

    assert excinfo.value.retry_after == 120.0
    assert len(atlas_server.requests) == 1
    assert sleeps.delays == []


def test_int_retries_is_the_number_of_attempts(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(unavailable(), documented_response(200))

    with pytest.raises(ServerError):
        create(atlas_server.url, 1)

    assert len(atlas_server.requests) == 1


def test_a_retry_status_outside_retry_statuses_is_not_retried(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(unavailable(), documented_response(200))

    with pytest.raises(ServerError):
        create(atlas_server.url, RetryPolicy(retry_statuses=frozenset({429}), sleep=SleepRecorder()))

    assert len(atlas_server.requests) == 1


@pytest.mark.parametrize("status", [401, 403, 404, 409, 500, 502])
def test_other_statuses_are_not_retried(atlas_server: LoopbackServer, status: int) -> None:
    sleeps = SleepRecorder()
    atlas_server.respond(atlas_error(status, f"CODE_{status}"), documented_response(200))

    with pytest.raises(AtlasApiError) as excinfo:
        create(atlas_server.url, RetryPolicy(sleep=sleeps))

    assert excinfo.value.status_code == status
    assert len(atlas_server.requests) == 1
    assert sleeps.delays == []


def test_400_is_not_retried(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(error_response(400), documented_response(200))

    with pytest.raises(BadRequestError):
        create(atlas_server.url, RetryPolicy(sleep=SleepRecorder()))

    assert len(atlas_server.requests) == 1


def test_connection_refused_is_retried_then_raises_atlas_connection_error() -> None:
    sleeps = SleepRecorder()

    with pytest.raises(AtlasConnectionError, match="ConnectError"):
        create(f"http://127.0.0.1:{closed_port()}", RetryPolicy(max_attempts=4, sleep=sleeps))

    assert len(sleeps.delays) == 3  # four attempts, three waits between them


def test_connection_refused_is_not_retried_when_retry_connect_errors_is_false() -> None:
    sleeps = SleepRecorder()

    with pytest.raises(AtlasConnectionError, match="ConnectError"):
        create(f"http://127.0.0.1:{closed_port()}", RetryPolicy(retry_connect_errors=False, sleep=sleeps))

    assert sleeps.delays == []


def test_read_timeout_is_raised_after_one_request(atlas_server: LoopbackServer) -> None:
    sleeps = SleepRecorder()
    # If the client retried, the second request would get the immediate 200 and no timeout would be raised.
    atlas_server.respond(delayed(1.0, documented_response(200)), documented_response(200))

    with pytest.raises(AtlasTimeoutError, match="ReadTimeout"):
        create(atlas_server.url, RetryPolicy(sleep=sleeps), timeout=httpx.Timeout(10.0, read=0.2))

    assert len(atlas_server.requests) == 1
    assert sleeps.delays == []


def test_each_retry_is_logged_at_debug_on_the_atlas_streams_logger(
    atlas_server: LoopbackServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="atlas_streams")
    atlas_server.respond(unavailable(), error_response(429), documented_response(200))

    create(atlas_server.url, RetryPolicy(sleep=SleepRecorder()))

    assert len(retry_records(caplog)) == 2


def test_no_retry_is_logged_when_the_first_attempt_succeeds(
    atlas_server: LoopbackServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="atlas_streams")
    atlas_server.respond(documented_response(200))

    create(atlas_server.url, RetryPolicy(sleep=SleepRecorder()))

    assert retry_records(caplog) == []


def test_each_connect_retry_is_logged_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="atlas_streams")

    with pytest.raises(AtlasConnectionError, match="ConnectError"):
        create(f"http://127.0.0.1:{closed_port()}", RetryPolicy(max_attempts=3, sleep=SleepRecorder()))

    assert len(retry_records(caplog)) == 2


def test_asyncio_retries_with_async_sleep(atlas_server: LoopbackServer) -> None:
    sleeps = SleepRecorder()

    def blocking_sleep(seconds: float) -> None:
        raise AssertionError(f"asyncio path called the blocking sleep({seconds})")

    atlas_server.respond(error_response(429, headers={"Retry-After": "3"}), documented_response(200))

    async def call() -> Any:
        policy = RetryPolicy(sleep=blocking_sleep, async_sleep=sleeps.async_sleep)
        async with loopback_client(atlas_server.url, retries=policy) as client:
            return await operation.asyncio(GROUP_ID, client=client, body=request_body())

    tenant = asyncio.run(call())

    assert tenant.to_dict() == response_example(200)
    assert len(atlas_server.requests) == 2
    assert len(sleeps.delays) == 1 and sleeps.delays[0] >= 3.0


def test_asyncio_503_three_times_raises_after_three_attempts(atlas_server: LoopbackServer) -> None:
    sleeps = SleepRecorder()
    atlas_server.respond(unavailable(), unavailable(), unavailable(), documented_response(200))

    async def call() -> Any:
        async with loopback_client(atlas_server.url, retries=RetryPolicy(async_sleep=sleeps.async_sleep)) as client:
            return await operation.asyncio(GROUP_ID, client=client, body=request_body())

    with pytest.raises(ServerError):
        asyncio.run(call())

    assert len(atlas_server.requests) == 3
    assert len(sleeps.delays) == 2


def as_documented(default: Any) -> str:
    """How the README writes a default: a literal as its repr, a function as module.name (time.sleep)."""
    if callable(default):
        return f"{default.__module__.partition('.')[0]}.{default.__name__}"
    return repr(default)


def test_readme_states_every_retry_policy_argument_with_its_real_default() -> None:
    readme = (ROOT / "generated/atlas-streams-client/README.md").read_text(encoding="utf-8")
    (table,) = [table for table in tables(readme) if table[0] == "| argument | default | what it does |"]

    documented = [tuple(cell.strip().strip("`") for cell in row.strip("|").split(" | ")[:2]) for row in table[2:]]

    assert documented == [(field.name, as_documented(field.default)) for field in dataclasses.fields(RetryPolicy)]
