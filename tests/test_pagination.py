"""sync_all and asyncio_all over real loopback HTTP: every item of every page, in order, from an in-memory Atlas
holding 1,234 workspaces (tests/support/fake_atlas.py); the next page asked for only once the items before are
taken; the walk's end as Atlas's answer shows it; the same retries, auth, deadline (per page) and errors for every
page; and a server that repeats itself ends the walk with PaginationError instead of a loop.

The in-memory Atlas serves today's paths and workspaces, so these tests carry `committed_spec`; the paginated
operation itself is found in the spec (support.generated_client.paginated)."""

from __future__ import annotations

import asyncio
import inspect
import json
import math
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from atlas_streams import Client, RetryPolicy, ServiceAccountAuth
from atlas_streams.errors import InvalidParameterError, NotFoundError, PaginationError
from atlas_streams.models import StreamsTenant
from atlas_streams.types import UNSET, Unset
from hypothesis import given, settings
from hypothesis import strategies as st
from support.atlas_fakes import (
    ATLAS_MEDIA_TYPE,
    CLIENT_ID,
    CLIENT_SECRET,
    GROUP_ID,
    STREAMS_PATH,
    OAuthTokenEndpoint,
    SleepRecorder,
    atlas_error,
    loopback_client,
)
from support.fake_atlas import WorkspaceStore, is_page, unavailable, workspace_name
from support.generated_client import paginated
from support.loopback import CannedResponse, LoopbackServer, RecordedRequest

pytestmark = pytest.mark.committed_spec

WORKSPACES = 1234


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    """A loopback server without the contract check, for the walks over all 1,234 workspaces: checking each
    answer with openapi-core would take a second a walk. The in-memory Atlas keeps the contract through a whole
    walk (test_a_whole_walk_keeps_the_api_contract) and through every other test here."""
    with LoopbackServer() as plain:
        yield plain


def names(workspaces: Iterator[StreamsTenant] | list[StreamsTenant]) -> list[str]:
    return [str(workspace.name) for workspace in workspaces]


def page_requests(server: LoopbackServer) -> list[RecordedRequest]:
    return server.requests_to(STREAMS_PATH)


def retrying_client(url: str, **kwargs: Any) -> Client:
    sleeps = SleepRecorder()
    return loopback_client(url, retries=RetryPolicy(sleep=sleeps, async_sleep=sleeps.async_sleep), **kwargs)


async def collect(items: AsyncIterator[StreamsTenant]) -> list[StreamsTenant]:
    return [item async for item in items]


def test_a_whole_walk_keeps_the_api_contract(atlas_server: LoopbackServer) -> None:
    WorkspaceStore.holding(WORKSPACES).install(atlas_server)

    with loopback_client(atlas_server.url) as client:
        found = names(paginated.sync_all(GROUP_ID, client=client))

    assert found == [workspace_name(index) for index in range(WORKSPACES)]
    assert [dict(request.query) for request in page_requests(atlas_server)] == [
        {"pageNum": str(number)} for number in range(1, 14)
    ]


@pytest.mark.parametrize("page_size", [7, 37, 500, UNSET], ids=["7", "37", "500", "atlas-default"])
def test_sync_all_yields_every_workspace_once_in_order_at_each_page_size(
    server: LoopbackServer, page_size: int | Unset
) -> None:
    WorkspaceStore.holding(WORKSPACES).install(server)

    with loopback_client(server.url) as client:
        found = names(paginated.sync_all(GROUP_ID, client=client, items_per_page=page_size))

    assert found == [workspace_name(index) for index in range(WORKSPACES)]
    asked = 100 if isinstance(page_size, Unset) else page_size
    assert len(page_requests(server)) == math.ceil(WORKSPACES / asked)


def test_asyncio_all_yields_what_sync_all_yields(server: LoopbackServer) -> None:
    WorkspaceStore.holding(WORKSPACES).install(server)

    with loopback_client(server.url) as client:
        expected = names(paginated.sync_all(GROUP_ID, client=client, items_per_page=250))
    with loopback_client(server.url) as client:
        found = names(asyncio.run(collect(paginated.asyncio_all(GROUP_ID, client=client, items_per_page=250))))

    assert found == expected


@pytest.mark.parametrize("failing_page", [1, 3, 5])
def test_a_page_that_fails_once_with_503_is_asked_for_again_and_the_walk_goes_on(
    server: LoopbackServer, failing_page: int
) -> None:
    store = WorkspaceStore.holding(WORKSPACES).install(server)
    store.fail_once(is_page(failing_page), unavailable())

    with retrying_client(server.url) as client:
        found = names(paginated.sync_all(GROUP_ID, client=client, items_per_page=250))

    assert found == [workspace_name(index) for index in range(WORKSPACES)]
    asked = [dict(request.query)["pageNum"] for request in page_requests(server)]
    assert asked == [str(n) for n in sorted([*range(1, 6), failing_page])]


def test_asyncio_all_asks_again_for_a_page_that_failed_once(server: LoopbackServer) -> None:
    store = WorkspaceStore.holding(WORKSPACES).install(server)
    store.fail_once(is_page(2), unavailable())

    with retrying_client(server.url) as client:
        found = asyncio.run(collect(paginated.asyncio_all(GROUP_ID, client=client, items_per_page=500)))

    assert names(found) == [workspace_name(index) for index in range(WORKSPACES)]
    assert len(page_requests(server)) == 4


def test_the_next_page_is_asked_for_only_once_every_item_before_it_is_taken(atlas_server: LoopbackServer) -> None:
    WorkspaceStore.holding(25).install(atlas_server)

    with loopback_client(atlas_server.url) as client:
        walk = paginated.sync_all(GROUP_ID, client=client, items_per_page=10)
        assert page_requests(atlas_server) == []
        taken = [next(walk) for _ in range(10)]
        assert len(page_requests(atlas_server)) == 1
        taken.append(next(walk))
        assert len(page_requests(atlas_server)) == 2

    assert names(taken) == [workspace_name(index) for index in range(11)]


def test_asyncio_all_asks_for_the_next_page_only_once_every_item_before_it_is_taken(
    atlas_server: LoopbackServer,
) -> None:
    WorkspaceStore.holding(25).install(atlas_server)
    requests_seen: list[int] = []

    async def walk() -> None:
        with loopback_client(atlas_server.url) as client:
            items = paginated.asyncio_all(GROUP_ID, client=client, items_per_page=10)
            for _ in range(10):
                await anext(items)
            requests_seen.append(len(page_requests(atlas_server)))
            await anext(items)
            requests_seen.append(len(page_requests(atlas_server)))
            await client.aclose()

    asyncio.run(walk())

    assert requests_seen == [1, 2]


def test_a_full_last_page_without_a_next_link_ends_the_walk(server: LoopbackServer) -> None:
    WorkspaceStore.holding(1000).install(server)

    with loopback_client(server.url) as client:
        found = names(paginated.sync_all(GROUP_ID, client=client, items_per_page=500))

    assert len(found) == 1000
    assert len(page_requests(server)) == 2


def unlinked(store: WorkspaceStore) -> Any:
    """The store's answers without their `links`: only the number of items can tell the last page."""

    def answer(request: RecordedRequest) -> CannedResponse:
        response = store(request)
        payload = json.loads(response.body)
        payload.pop("links")
        return CannedResponse.json(response.status, payload, ATLAS_MEDIA_TYPE)

    return answer


@pytest.mark.parametrize(
    ("count", "page_size", "requests"),
    [(95, 10, 10), (100, 10, 11), (250, UNSET, 3), (200, UNSET, 3), (0, UNSET, 1)],
    ids=["short-last-page", "full-last-page", "default-size-short", "default-size-full", "empty"],
)
def test_without_links_the_walk_ends_on_a_page_shorter_than_asked_or_empty(
    atlas_server: LoopbackServer, count: int, page_size: int | Unset, requests: int
) -> None:
    atlas_server.guard(unlinked(WorkspaceStore.holding(count)))

    with loopback_client(atlas_server.url) as client:
        found = names(paginated.sync_all(GROUP_ID, client=client, items_per_page=page_size))

    assert found == [workspace_name(index) for index in range(count)]
    assert len(page_requests(atlas_server)) == requests


def test_an_empty_project_yields_nothing_after_one_request(atlas_server: LoopbackServer) -> None:
    WorkspaceStore.holding(0).install(atlas_server)

    with loopback_client(atlas_server.url) as client:
        assert list(paginated.sync_all(GROUP_ID, client=client)) == []

    assert len(page_requests(atlas_server)) == 1


def the_same_page_always(count: int, size: int) -> Any:
    """A server that ignores pageNum: every request gets page 1, next link and all."""
    store = WorkspaceStore.holding(count)

    def answer(request: RecordedRequest) -> CannedResponse:
        first = RecordedRequest("GET", f"{STREAMS_PATH}?itemsPerPage={size}&pageNum=1", request.headers, b"")
        response = store(first)
        return CannedResponse(200, response.headers, response.body)

    return answer


def test_a_server_that_repeats_a_page_ends_the_walk_with_pagination_error(atlas_server: LoopbackServer) -> None:
    atlas_server.guard(the_same_page_always(50, 10))
    taken: list[StreamsTenant] = []

    with loopback_client(atlas_server.url) as client, pytest.raises(PaginationError, match="page 2 .* page 1") as error:
        taken.extend(paginated.sync_all(GROUP_ID, client=client, items_per_page=10))

    assert error.value.page_num == 2
    assert names(taken) == [workspace_name(index) for index in range(10)]
    assert len(page_requests(atlas_server)) == 2


def test_pages_that_come_round_again_end_the_walk_with_pagination_error(atlas_server: LoopbackServer) -> None:
    store = WorkspaceStore.holding(30)

    def cycling(request: RecordedRequest) -> CannedResponse:
        number = int(dict(request.query)["pageNum"])
        again = 1 + (number - 1) % 2  # pages 1, 2, 1, 2, ...
        same = RecordedRequest("GET", f"{STREAMS_PATH}?itemsPerPage=10&pageNum={again}", request.headers, b"")
        response = store(same)
        payload = json.loads(response.body)
        payload["links"] = [{"href": f"https://cloud.mongodb.com{STREAMS_PATH}?pageNum={number + 1}", "rel": "next"}]
        return CannedResponse.json(200, payload, ATLAS_MEDIA_TYPE)

    atlas_server.guard(cycling)

    with loopback_client(atlas_server.url) as client, pytest.raises(PaginationError) as raised:
        list(paginated.sync_all(GROUP_ID, client=client, items_per_page=10))

    assert raised.value.page_num == 3


def test_a_next_link_that_does_not_lead_forward_ends_the_walk_with_pagination_error(
    atlas_server: LoopbackServer,
) -> None:
    store = WorkspaceStore.holding(30)

    def backwards(request: RecordedRequest) -> CannedResponse:
        response = store(request)
        payload = json.loads(response.body)
        for link in payload["links"]:
            if link["rel"] == "next":
                link["href"] = f"https://cloud.mongodb.com{STREAMS_PATH}?pageNum=1&itemsPerPage=10"
        return CannedResponse.json(200, payload, ATLAS_MEDIA_TYPE)

    atlas_server.guard(backwards)

    with loopback_client(atlas_server.url) as client, pytest.raises(PaginationError, match="not forward") as raised:
        list(paginated.sync_all(GROUP_ID, client=client, items_per_page=10))

    assert raised.value.page_num == 1


def test_a_page_that_keeps_failing_raises_its_error_after_the_items_before_it(atlas_server: LoopbackServer) -> None:
    store = WorkspaceStore.holding(30).install(atlas_server)
    store.fail_once(is_page(2), atlas_error(404, "GROUP_NOT_FOUND", "No project with that ID."))
    taken: list[StreamsTenant] = []

    with loopback_client(atlas_server.url) as client, pytest.raises(NotFoundError):
        taken.extend(paginated.sync_all(GROUP_ID, client=client, items_per_page=10))

    assert names(taken) == [workspace_name(index) for index in range(10)]


def test_every_page_request_carries_the_service_account_token(atlas_server: LoopbackServer) -> None:
    store = WorkspaceStore.holding(120)
    oauth = OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET).install(atlas_server, check_bearer=False)
    atlas_server.guard(lambda request: oauth.check_bearer(request) or store(request))

    with loopback_client(atlas_server.url, auth=ServiceAccountAuth(CLIENT_ID, CLIENT_SECRET)) as client:
        found = names(paginated.sync_all(GROUP_ID, client=client, items_per_page=50))

    assert len(found) == 120
    assert len(oauth.bearers_accepted) == 3
    assert oauth.bearer_refusals == []


def test_the_deadline_bounds_each_page_not_the_whole_walk(atlas_server: LoopbackServer) -> None:
    store = WorkspaceStore.holding(40)

    def slow(request: RecordedRequest) -> CannedResponse:
        time.sleep(0.15)
        return store(request)

    atlas_server.guard(slow)

    with loopback_client(atlas_server.url, deadline=0.5) as client:
        found = names(paginated.sync_all(GROUP_ID, client=client, items_per_page=10))

    assert len(found) == 40  # five pages of 0.15 s each: longer than the deadline in all


def test_a_parameter_that_breaks_its_schema_is_raised_before_anything_is_sent(atlas_server: LoopbackServer) -> None:
    with loopback_client(atlas_server.url) as client:
        walk = paginated.sync_all("not-a-project-id", client=client)
        with pytest.raises(InvalidParameterError, match="groupId"):
            next(walk)

    assert atlas_server.requests == []


def test_the_walk_takes_the_arguments_of_sync_but_the_page_number() -> None:
    def parameters(function: Any) -> list[str]:
        return list(inspect.signature(function).parameters)

    expected = [name for name in parameters(paginated.sync) if name != "page_num"]
    assert parameters(paginated.sync_all) == expected
    assert parameters(paginated.asyncio_all) == expected


PAGINATION_EXAMPLES = settings(max_examples=25, deadline=None)


@PAGINATION_EXAMPLES
@given(
    count=st.integers(min_value=0, max_value=300),
    page_size=st.one_of(st.just(UNSET), st.integers(min_value=1, max_value=500)),
    failure=st.one_of(st.none(), st.tuples(st.integers(min_value=1, max_value=10), st.sampled_from(["503", "reset"]))),
)
def test_any_count_at_any_page_size_walks_to_every_item_once_whatever_page_fails_once(
    count: int, page_size: int | Unset, failure: tuple[int, str] | None
) -> None:
    asked = 100 if isinstance(page_size, Unset) else page_size
    pages = max(1, math.ceil(count / asked))
    store = WorkspaceStore.holding(count)
    if failure is not None:
        number, kind = failure
        failure = (min(number, pages), kind)
        store.fail_once(is_page(failure[0]), unavailable() if kind == "503" else CannedResponse.connection_reset())

    with LoopbackServer() as server:
        store.install(server)
        with retrying_client(server.url) as client:
            found = names(paginated.sync_all(GROUP_ID, client=client, items_per_page=page_size))

    assert found == [workspace_name(index) for index in range(count)]
    assert len(page_requests(server)) == pages + (failure is not None)
