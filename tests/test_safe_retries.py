"""Which failures are sent again for which method, and creates that are safe to retry, over real loopback HTTP
against an in-memory Atlas (tests/support/fake_atlas.py): a create that fails ambiguously (a 5xx, or a reset
once sent) is read back by the name it sent, and returned (reconciled), refused (ConflictError), sent again or
left with its own error as the read-back finds; a DELETE sent again that finds its workspace gone succeeds; GET
and DELETE are retried on 5xx and resets, POST and PATCH only on 429 and unopened connections; and the
README's table says exactly that.

The in-memory Atlas serves today's paths and workspaces, so these tests carry `committed_spec`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from atlas_streams import RetryPolicy
from atlas_streams.errors import AtlasApiError, AtlasConnectionError, ConflictError, NotFoundError, ServerError
from atlas_streams.types import Response
from hypothesis import given, settings
from hypothesis import strategies as st
from support import CLIENT_DIR
from support.atlas_fakes import GROUP_ID, SleepRecorder, atlas_error, closed_port, loopback_client
from support.fake_atlas import (
    WorkspaceStore,
    is_create,
    is_read_back,
    unavailable,
)
from support.fake_atlas import settings as workspace_settings
from support.generated_client import LazyModule, operation, reading
from support.loopback import CannedResponse, LoopbackServer, RecordedRequest
from support.markdown_pages import tables

pytestmark = pytest.mark.committed_spec

NAME = "nightly-etl"
deleting = LazyModule(lambda: "atlas_streams.api.streams.delete_stream_workspace")
updating = LazyModule(lambda: "atlas_streams.api.streams.update_stream_workspace")
with_samples = LazyModule(lambda: "atlas_streams.api.streams.with_stream_sample_connections")


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    """A loopback server without the contract check: the faults here (a 503 to a create, a reset) are what a
    real Atlas or proxy does, but not all are documented statuses."""
    with LoopbackServer() as plain:
        yield plain


def policy(sleeps: SleepRecorder | None = None, **kwargs: Any) -> RetryPolicy:
    recorder = sleeps or SleepRecorder()
    return RetryPolicy(sleep=recorder, async_sleep=recorder.async_sleep, **kwargs)


def create(server: LoopbackServer, body: dict[str, Any] | None = None, **options: Any) -> Response[Any]:
    options.setdefault("retries", policy())
    with loopback_client(server.url) as client:
        response: Response[Any] = operation.sync_detailed(
            GROUP_ID, client=client, body=body or workspace_settings(NAME), **options
        )
    return response


def methods(server: LoopbackServer) -> list[str]:
    return [request.method for request in server.requests]


def reset() -> CannedResponse:
    return CannedResponse.connection_reset()


# --- a create that fails ambiguously ---------------------------------------------------------------------------


@pytest.mark.parametrize("fault", [unavailable, reset], ids=["503", "reset"])
def test_a_create_that_creates_then_fails_is_read_back_and_returned_reconciled(
    server: LoopbackServer, fault: Callable[[], CannedResponse]
) -> None:
    store = WorkspaceStore().install(server)
    store.fail_once(is_create, fault(), after_acting=True)

    response = create(server)

    assert response.reconciled is True
    assert response.unwrap().name == NAME
    assert methods(server) == ["POST", "GET"]
    assert store.names() == [NAME]


def test_a_create_that_fails_without_creating_is_sent_again_once_the_read_back_finds_nothing(
    server: LoopbackServer,
) -> None:
    store = WorkspaceStore().install(server)
    store.fail_once(is_create, unavailable())
    sleeps = SleepRecorder()

    response = create(server, retries=policy(sleeps))

    assert (response.status_code, response.reconciled) == (200, False)
    assert methods(server) == ["POST", "GET", "POST"]
    assert store.names() == [NAME]
    assert len(sleeps.delays) == 1


def test_a_read_back_that_finds_another_tier_raises_conflict_error_naming_the_field(server: LoopbackServer) -> None:
    store = WorkspaceStore().install(server)
    create(server, workspace_settings(NAME, tier="SP10"))
    store.fail_once(is_create, unavailable())

    with pytest.raises(ConflictError, match=r"/streamConfig/tier is 'SP10', not 'SP30' \(POST http"):
        create(server, workspace_settings(NAME, tier="SP30")).unwrap()


def test_a_409_to_a_create_sent_again_by_the_client_is_read_back(server: LoopbackServer) -> None:
    store = WorkspaceStore().install(server)
    store.fail_once(is_create, unavailable(), after_acting=True)
    # The first read-back misses the workspace (Atlas's reads lag its writes), so the create is sent again.
    store.fail_once(is_read_back, atlas_error(404, "STREAM_TENANT_NOT_FOUND_FOR_NAME", "not yet"))

    response = create(server)

    assert response.reconciled is True
    assert methods(server) == ["POST", "GET", "POST", "GET"]
    assert server.requests[2].method == "POST" and store.names() == [NAME]


def test_a_409_to_a_first_create_raises_conflict_error_without_a_read_back(server: LoopbackServer) -> None:
    WorkspaceStore.holding(0).install(server)
    create(server)

    with pytest.raises(ConflictError):
        create(server).unwrap()

    assert methods(server) == ["POST", "POST"]


def test_when_the_read_back_fails_the_create_raises_its_own_error(server: LoopbackServer) -> None:
    store = WorkspaceStore().install(server)
    store.fail_once(is_create, unavailable(), after_acting=True)
    store.fail_once(is_read_back, atlas_error(403, "FORBIDDEN", "no read access"))

    with pytest.raises(ServerError) as raised:
        create(server).unwrap()

    assert raised.value.status_code == 503
    assert methods(server) == ["POST", "GET"]


def _created_then_slow_to_read_back(server: LoopbackServer) -> None:
    """A server that creates, answers 503, and then takes longer to answer the read-back than the call has."""
    store = WorkspaceStore()
    store.fail_once(is_create, unavailable(), after_acting=True)

    def slow_reads(request: RecordedRequest) -> CannedResponse:
        if is_read_back(request):
            time.sleep(0.6)
        return store(request)

    server.guard(slow_reads)


def test_when_the_deadline_passes_during_the_read_back_the_create_raises_its_own_error(
    server: LoopbackServer,
) -> None:
    _created_then_slow_to_read_back(server)
    started = time.monotonic()

    with pytest.raises(ServerError):
        create(server, deadline=0.25).unwrap()

    assert time.monotonic() - started < 0.5


def test_asyncio_when_the_deadline_passes_during_the_read_back_the_create_raises_its_own_error(
    server: LoopbackServer,
) -> None:
    _created_then_slow_to_read_back(server)

    async def call() -> Response[Any]:
        async with loopback_client(server.url, retries=policy()) as client:
            response: Response[Any] = await operation.asyncio_detailed(
                GROUP_ID, client=client, body=workspace_settings(NAME), deadline=0.25
            )
            return response

    started = time.monotonic()
    response = asyncio.run(call())

    assert isinstance(response.error, ServerError)
    assert time.monotonic() - started < 0.5


def test_a_create_reset_after_sending_with_one_attempt_raises_without_a_read_back(server: LoopbackServer) -> None:
    store = WorkspaceStore().install(server)
    store.fail_once(is_create, reset(), after_acting=True)

    with pytest.raises(AtlasConnectionError):
        create(server, retries=1)

    assert methods(server) == ["POST"]


def test_asyncio_reads_back_a_create_that_creates_then_answers_503(server: LoopbackServer) -> None:
    store = WorkspaceStore().install(server)
    store.fail_once(is_create, unavailable(), after_acting=True)

    async def call() -> Response[Any]:
        async with loopback_client(server.url, retries=policy()) as client:
            response: Response[Any] = await operation.asyncio_detailed(
                GROUP_ID, client=client, body=workspace_settings(NAME)
            )
            return response

    response = asyncio.run(call())

    assert response.reconciled is True
    assert store.names() == [NAME]


def test_a_create_with_sample_connections_is_read_back_by_its_name(server: LoopbackServer) -> None:
    store = WorkspaceStore().install(server)
    store.fail_once(is_create, unavailable(), after_acting=True)

    with loopback_client(server.url, retries=policy()) as client:
        response = with_samples.sync_detailed(GROUP_ID, client=client, body=workspace_settings(NAME))

    assert response.reconciled is True
    assert methods(server) == ["POST", "GET"]


AMBIGUOUS = st.sampled_from([500, 502, 503, 504, 0])  # 0: a reset once the request was read


@settings(max_examples=20, deadline=None)
@given(faults=st.lists(st.tuples(AMBIGUOUS, st.booleans()), max_size=2))
def test_a_create_never_creates_twice_whatever_two_ambiguous_failures_come_first(
    faults: list[tuple[int, bool]],
) -> None:
    store = WorkspaceStore()
    for status, after_acting in faults:
        answer = reset() if status == 0 else atlas_error(status, "UNEXPECTED_ERROR", "a fault")
        store.fail_once(is_create, answer, after_acting=after_acting)

    with LoopbackServer() as server:
        store.install(server)
        workspace = create(server).unwrap()

    assert workspace.name == NAME
    assert store.names() == [NAME]


# --- DELETE ----------------------------------------------------------------------------------------------------


def test_a_delete_that_deletes_then_fails_succeeds_when_its_retry_finds_the_workspace_gone(
    server: LoopbackServer,
) -> None:
    store = WorkspaceStore.holding(0).install(server)
    create(server)
    store.fail_once(lambda request: request.method == "DELETE", unavailable(), after_acting=True)

    with loopback_client(server.url, retries=policy()) as client:
        response = deleting.sync_detailed(GROUP_ID, NAME, client=client)

    assert (response.status_code, response.reconciled, response.unwrap()) == (404, True, None)
    assert store.names() == []


def test_a_delete_answered_404_at_first_raises_not_found_error(server: LoopbackServer) -> None:
    WorkspaceStore().install(server)

    with loopback_client(server.url, retries=policy()) as client, pytest.raises(NotFoundError):
        deleting.sync(GROUP_ID, NAME, client=client)


# --- which failure is sent again for which method: the README's table ------------------------------------------


def call_method(method: str, url: str, retries: RetryPolicy) -> None:
    """One call of an operation of `method` (GET, DELETE or PATCH) on workspace NAME, its error swallowed."""
    with loopback_client(url, retries=retries) as client:
        try:
            if method == "GET":
                reading.sync(GROUP_ID, NAME, client=client)
            elif method == "DELETE":
                deleting.sync(GROUP_ID, NAME, client=client)
            else:
                updating.sync(GROUP_ID, NAME, client=client, body={"streamConfig": {"tier": "SP50"}})
        except (AtlasApiError, AtlasConnectionError):
            pass


def faulty_server_retried(method: str, fault: CannedResponse) -> bool:
    """Whether a call of `method` whose first request gets `fault` is sent again."""
    store = WorkspaceStore()
    store.fail_once(lambda request: request.method == method, fault)
    sleeps = SleepRecorder()
    with LoopbackServer() as server:
        store.install(server)
        create(server)
        call_method(method, server.url, policy(sleeps))
        sent = [request for request in server.requests if request.method == method]
    return len(sent) > 1


def never_opened_retried(method: str) -> bool:
    sleeps = SleepRecorder()
    call_method(method, f"http://127.0.0.1:{closed_port()}", policy(sleeps))
    return bool(sleeps.delays)


FAILURES: dict[str, Callable[[str], bool]] = {
    "429": lambda method: faulty_server_retried(method, atlas_error(429, "RATE_LIMITED", headers={"Retry-After": "0"})),
    "500, 502, 503, 504": lambda method: all(
        faulty_server_retried(method, atlas_error(status, "UNEXPECTED_ERROR")) for status in (500, 502, 503, 504)
    ),
    "connection never opened": never_opened_retried,
    "no answer once sent": lambda method: faulty_server_retried(method, reset()),
    "any other status": lambda method: faulty_server_retried(method, atlas_error(400, "INVALID_ATTRIBUTE")),
}


def retry_table() -> tuple[list[list[str]], dict[str, list[str]]]:
    """The README's retry table: the methods of each column, and each row's cells by its failure (the words
    before any parenthesis)."""
    readme = (CLIENT_DIR / "README.md").read_text(encoding="utf-8")
    (table,) = [table for table in tables(readme) if table[0].startswith("| failure |")]
    columns = [[method.strip() for method in cell.split(",")] for cell in table[0].strip("|").split(" | ")[1:]]
    rows = [[cell.strip() for cell in row.strip("|").split(" | ")] for row in table[2:]]
    return columns, {row[0].split(" (")[0]: row[1:] for row in rows}


def test_the_readme_retry_table_names_each_failure_that_the_tests_exercise() -> None:
    assert sorted(retry_table()[1]) == sorted(FAILURES)


@pytest.mark.parametrize("method", ["GET", "DELETE", "PATCH"])
@pytest.mark.parametrize("failure", list(FAILURES))
def test_the_readme_retry_table_says_what_the_client_does(failure: str, method: str) -> None:
    columns, rows = retry_table()
    column = next(index for index, group in enumerate(columns) if method in group)

    assert FAILURES[failure](method) == rows[failure][column].startswith("sent again")
