"""A real HTTP server on 127.0.0.1 for tests: it records every request and answers from a script.

    with LoopbackServer() as server:
        server.respond(CannedResponse.json(200, {"ok": True}))
        httpx.post(server.url + "/x", json={})
        assert server.requests[0].method == "POST"

Responses are consumed in order, one per request (so [429, 429, 200] scripts a retry). A scripted response is
a CannedResponse (status, headers, raw body bytes) or a callable that receives the RecordedRequest and returns
one. `CannedResponse.connection_reset()` answers nothing: the server reads the request, then resets the
connection (a TCP RST), as a proxy that fails after forwarding it does. A request that finds the script empty, or
whose callable raises, gets a 500 with a text/plain body that starts with "loopback:" and says why.

Two optional hooks serve fakes that must answer any number of requests (tests/support/atlas_fakes.py uses them):

    server.route("/api/oauth/token", handler)  # every request to that exact path goes to handler, never the script
    server.guard(check)  # check(request) -> CannedResponse | None, asked before the script; a response answers
                         # the request at once (an auth challenge, say) and the script is not consumed

Every request, routed, guarded or scripted, is recorded in `requests`, in arrival order; `requests_to(path)`
picks those of one path.

A server made with `LoopbackServer(contract=check)` passes every exchange (the request and the response it
got) to `check`, which returns what breaks the API contract; those lines collect in `contract_violations`
(tests/support/contract.py is the check; the `atlas_server` fixture uses it).
"""

from __future__ import annotations

import json
import socket
import struct
import sys
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str  # as on the request line: path plus "?query" if any
    headers: Message  # case-insensitive: headers["content-type"]; headers.get_all(name) for repeats
    body: bytes

    @property
    def path_only(self) -> str:
        return urlsplit(self.path).path

    @property
    def query(self) -> list[tuple[str, str]]:
        """The query parameters, in order, blank values kept."""
        return parse_qsl(urlsplit(self.path).query, keep_blank_values=True)

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class CannedResponse:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    reset: bool = False  # no answer: the connection is reset once the request is read

    @classmethod
    def connection_reset(cls) -> CannedResponse:
        return cls(0, reset=True)

    @classmethod
    def json(
        cls, status: int, payload: Any, content_type: str = "application/json", headers: dict[str, str] | None = None
    ) -> CannedResponse:
        return cls(status, {"Content-Type": content_type, **(headers or {})}, json.dumps(payload).encode())


Responder = CannedResponse | Callable[[RecordedRequest], CannedResponse]
Guard = Callable[[RecordedRequest], CannedResponse | None]
ContractCheck = Callable[[RecordedRequest, CannedResponse], list[str]]


class _Server(ThreadingHTTPServer):
    # The default listen backlog (5) drops the SYNs of a burst of concurrent connections, and the client then
    # waits a whole second to resend them; tests that fire tens of concurrent requests need a deeper queue.
    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that gave up (a read timeout) closes the connection while its handler still runs; that is
        # expected in tests, not worth a traceback on stderr. Anything else is still reported.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class LoopbackServer:
    """ThreadingHTTPServer on an ephemeral 127.0.0.1 port, serving from a background thread while entered."""

    def __init__(self, contract: ContractCheck | None = None) -> None:
        self.requests: list[RecordedRequest] = []
        self.contract_violations: list[str] = []
        self._contract = contract
        self._script: deque[Responder] = deque()
        self._routes: dict[str, Callable[[RecordedRequest], CannedResponse]] = {}
        self._guard: Guard | None = None
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _make_handler(self))
        # A short poll interval keeps shutdown() (it waits for the next poll) from costing 0.5 s per test.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, name="loopback-http", daemon=True
        )
        host, port = self._httpd.server_address[:2]
        self.url = f"http://{host!s}:{port}"

    def respond(self, *responses: Responder) -> None:
        """Append responses to the script; each request takes the next one."""
        with self._lock:
            self._script.extend(responses)

    def route(self, path: str, handler: Callable[[RecordedRequest], CannedResponse]) -> None:
        """Send every request whose path (without query) is exactly `path` to `handler`, bypassing the script."""
        with self._lock:
            self._routes[path] = handler

    def guard(self, check: Guard | None) -> None:
        """Ask `check` first about every request that is not routed; a response it returns answers the request
        and leaves the script alone, None lets the script answer. `guard(None)` removes it."""
        with self._lock:
            self._guard = check

    def requests_to(self, path: str) -> list[RecordedRequest]:
        """The recorded requests whose path (without query) is exactly `path`, in arrival order."""
        with self._lock:
            return [request for request in self.requests if request.path_only == path]

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    def _answer(self, request: RecordedRequest) -> CannedResponse:
        response = self._respond(request)
        if self._contract is not None:
            violations = self._contract(request, response)
            with self._lock:
                self.contract_violations.extend(violations)
        return response

    def _respond(self, request: RecordedRequest) -> CannedResponse:
        with self._lock:
            self.requests.append(request)
            route = self._routes.get(request.path_only)
            guard = self._guard
            # Without hooks, recording and taking the next scripted response stay one atomic step.
            responder = self._script.popleft() if self._script and route is None and guard is None else None
        if route is not None:
            return _call(route, request)
        if guard is not None:
            try:
                challenge = guard(request)
            except Exception as exc:
                return _failure(f"guard raised {exc!r}")
            if challenge is not None:
                return challenge
            with self._lock:
                responder = self._script.popleft() if self._script else None
        if responder is None:
            return _failure(f"no response scripted for {request.method} {request.path}")
        if isinstance(responder, CannedResponse):
            return responder
        return _call(responder, request)


def _call(responder: Callable[[RecordedRequest], CannedResponse], request: RecordedRequest) -> CannedResponse:
    try:
        return responder(request)
    except Exception as exc:  # report it to the client rather than killing the handler thread
        return _failure(f"responder raised {exc!r}")


def _failure(reason: str) -> CannedResponse:
    return CannedResponse(500, {"Content-Type": "text/plain"}, f"loopback: {reason}".encode())


def _make_handler(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive like a real server; every response sends Content-Length
        # Headers and body go out in separate writes; with Nagle's algorithm the body then waits for the
        # client's delayed ACK (about 40 ms on Linux), which made every loopback request that slow.
        disable_nagle_algorithm = True

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            response = server._answer(RecordedRequest(self.command, self.path, self.headers, body))
            if response.reset:
                # Lingering for 0 s makes close() send a RST rather than a FIN.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
                self.connection.close()
                return
            self.send_response(response.status)
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(response.body)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _handle

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

    return Handler
