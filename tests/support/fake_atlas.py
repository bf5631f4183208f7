"""One project's stream workspaces held in memory, served by a LoopbackServer as Atlas serves them (a helper
module, not a test file): list with real paging (itemsPerPage, pageNum, totalCount, links of rel self, previous
and next), get, create (and create with sample connections), update and delete, with Atlas's errors (404 for a
workspace that is not there, 409 for a name in use, 400 for a page size out of range).

    atlas = WorkspaceStore.holding(1234).install(server)
    atlas.fail_once(lambda request: ("pageNum", "3") in request.query, unavailable())  # page 3 fails once
    atlas.fail_once(is_create, unavailable(), after_acting=True)  # creates, then answers 503

A fault answers the first request it matches instead of the store (or, `after_acting`, once the store has acted
on it), and then is gone. Every request still lands in `server.requests`.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Self
from urllib.parse import quote, unquote

from support.atlas_fakes import ATLAS_MEDIA_TYPE, GROUP_ID, STREAMS_PATH, atlas_error
from support.loopback import CannedResponse, LoopbackServer, RecordedRequest

SAMPLE_CONNECTIONS_PATH = STREAMS_PATH + ":withSampleConnections"
SAMPLE_CONNECTIONS_MEDIA_TYPE = "application/vnd.atlas.2024-08-05+json"
BASE = "https://cloud.mongodb.com"
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 100, 500


def workspace_name(index: int) -> str:
    return f"workspace-{index:05d}"


def settings(name: str, *, region: str = "VIRGINIA_USA", tier: str = "SP30") -> dict[str, Any]:
    """What a create sends for a workspace: its name, region and tier."""
    return {
        "name": name,
        "dataProcessRegion": {"cloudProvider": "AWS", "region": region},
        "streamConfig": {"tier": tier},
    }


def unavailable() -> CannedResponse:
    return atlas_error(503, "SERVICE_UNAVAILABLE", reason="Service Unavailable")


def is_create(request: RecordedRequest) -> bool:
    return request.method == "POST"


def is_read_back(request: RecordedRequest) -> bool:
    return request.method == "GET" and request.path_only.startswith(STREAMS_PATH + "/")


def is_page(number: int) -> Callable[[RecordedRequest], bool]:
    return lambda request: request.method == "GET" and ("pageNum", str(number)) in request.query


@dataclass
class _Fault:
    matches: Callable[[RecordedRequest], bool]
    answer: CannedResponse
    after_acting: bool


@dataclass
class WorkspaceStore:
    workspaces: dict[str, dict[str, Any]] = field(default_factory=dict)  # by name, in the order created
    _faults: list[_Fault] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def holding(cls, count: int) -> Self:
        store = cls()
        for index in range(count):
            store._store(settings(workspace_name(index)))
        return store

    def install(self, server: LoopbackServer) -> Self:
        server.guard(self)
        return self

    def fail_once(
        self, matches: Callable[[RecordedRequest], bool], answer: CannedResponse, *, after_acting: bool = False
    ) -> None:
        with self._lock:
            self._faults.append(_Fault(matches, answer, after_acting))

    def names(self) -> list[str]:
        with self._lock:
            return list(self.workspaces)

    def __call__(self, request: RecordedRequest) -> CannedResponse:
        with self._lock:
            fault = next((fault for fault in self._faults if fault.matches(request)), None)
            if fault is not None:
                self._faults.remove(fault)
        if fault is not None and not fault.after_acting:
            return fault.answer
        answer = self._act(request)
        return fault.answer if fault is not None else answer

    def _act(self, request: RecordedRequest) -> CannedResponse:
        path = request.path_only
        if path == STREAMS_PATH and request.method == "GET":
            return self._page(request)
        if path in (STREAMS_PATH, SAMPLE_CONNECTIONS_PATH) and request.method == "POST":
            media = SAMPLE_CONNECTIONS_MEDIA_TYPE if path == SAMPLE_CONNECTIONS_PATH else ATLAS_MEDIA_TYPE
            return self._create(request.json(), media)
        name = unquote(path.removeprefix(STREAMS_PATH + "/"))
        with self._lock:
            workspace = self.workspaces.get(name)
            if workspace is not None and request.method == "DELETE":
                del self.workspaces[name]
            elif workspace is not None and request.method == "PATCH":
                workspace["streamConfig"] = request.json().get("streamConfig", workspace["streamConfig"])
        if workspace is None:
            return atlas_error(404, "STREAM_TENANT_NOT_FOUND_FOR_NAME", f"No stream workspace named {name}.")
        if request.method == "DELETE":
            return CannedResponse(202, {"Content-Type": ATLAS_MEDIA_TYPE})
        return CannedResponse.json(200, workspace, ATLAS_MEDIA_TYPE)

    def _create(self, body: dict[str, Any], media_type: str) -> CannedResponse:
        if not isinstance(body.get("name"), str):
            return atlas_error(400, "MISSING_ATTRIBUTE", "The required attribute name was not specified.")
        with self._lock:
            if body.get("name") in self.workspaces:
                return atlas_error(409, "STREAM_TENANT_NAME_ALREADY_EXISTS", "That name is in use.")
            workspace = self._store(body)
        return CannedResponse.json(200, workspace, media_type)

    def _store(self, body: dict[str, Any]) -> dict[str, Any]:
        name = body["name"]
        workspace = {
            **body,
            "_id": f"{len(self.workspaces) + 1:024x}",
            "groupId": GROUP_ID,
            "links": [{"href": f"{BASE}{STREAMS_PATH}/{quote(name)}", "rel": "self"}],
        }
        self.workspaces[name] = workspace
        return workspace

    def _page(self, request: RecordedRequest) -> CannedResponse:
        query = dict(request.query)
        try:
            size = int(query.get("itemsPerPage", DEFAULT_PAGE_SIZE))
            number = int(query.get("pageNum", 1))
        except ValueError:
            return atlas_error(400, "INVALID_QUERY_PARAMETER", "itemsPerPage and pageNum are integers.")
        if not 1 <= size <= MAX_PAGE_SIZE or number < 1:
            return atlas_error(400, "INVALID_QUERY_PARAMETER", f"itemsPerPage is 1 to {MAX_PAGE_SIZE}.")
        with self._lock:
            every = list(self.workspaces.values())
        results = every[(number - 1) * size : number * size]
        links = [_page_link("self", number, size)]
        if number > 1:
            links.append(_page_link("previous", number - 1, size))
        if number * size < len(every):
            links.append(_page_link("next", number + 1, size))
        payload = {"links": links, "results": results, "totalCount": len(every)}
        return CannedResponse(200, {"Content-Type": ATLAS_MEDIA_TYPE}, json.dumps(payload).encode())


def _page_link(rel: str, number: int, size: int) -> dict[str, str]:
    return {"href": f"{BASE}{STREAMS_PATH}?pageNum={number}&itemsPerPage={size}", "rel": rel}
